"""``hirecli posting``: a job posting from a role file, for a channel, in any format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.options import ForceOpt, OutputOpt, check_days_after, parse_date
from hirecli.cli.reference_opt import ReferenceDocxOpt

if TYPE_CHECKING:
    from hirecli.builders.posting.build import Notice
    from hirecli.cli.env import Env

JSONLD = "jsonld"
DATED = frozenset({JSONLD, "html", "json", "docx"})
"""Formats that show the posting's date or its schema.org JSON-LD; the others are built without
them, so that a Markdown posting does not pay for JSON-LD and its HTML description."""


def _format(fmt: str | None, output: str | None) -> str | None:
    """The format asked for, checked; ``jsonld`` also from a ``.jsonld`` output file."""
    from hirecli.errors import UnknownFormatError
    from hirecli.writers import known_formats, writer_spec

    if fmt is None:
        return JSONLD if output and output.lower().endswith(".jsonld") else None
    if fmt.strip().lower() == JSONLD:
        return JSONLD
    try:
        return writer_spec(fmt.strip()).name
    except UnknownFormatError:
        raise UnknownFormatError("format", fmt, [*known_formats(), JSONLD]) from None


def _report(notices: list[Notice], env: Env, *, strict: bool, channel: str) -> None:
    from hirecli.errors import InvalidInputError

    for notice in notices:
        env.stderr.write(f"{notice}\n")
    env.stderr.flush()
    counted = [n for n in notices if n.strict]
    if strict and counted:
        raise InvalidInputError(
            f"the posting does not fit {channel} as it is ({len(counted)} change"
            f"{'s' * (len(counted) != 1)} listed above); --strict stops here"
        )


def posting(
    role: Annotated[str, typer.Argument(metavar="ROLE", help="The role file (- reads standard input).")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="terminal, md, html, text, json or jsonld (schema.org JobPosting). Default: a "
            "preview on a terminal, Markdown in a pipe, or the -o file's extension.",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            metavar="FILE",
            help="The company profile (default: company.yaml next to the role or in a parent folder).",
        ),
    ] = None,
    channel: Annotated[
        str,
        typer.Option(
            "--channel",
            metavar="NAME",
            help="careers (full), linkedin, indeed, internal or short (at most 300 words).",
        ),
    ] = "careers",
    max_bullets: Annotated[
        int | None,
        typer.Option("--max-bullets", metavar="N", min=1, help="Show at most N items in each section."),
    ] = None,
    sections: Annotated[
        str | None,
        typer.Option(
            "--sections",
            metavar="LIST",
            help="The sections to show, in this order, separated by commas (e.g. "
            "summary,responsibilities,requirements,pay,apply).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="The posting date (default: today)."),
    ] = None,
    valid_days: Annotated[
        int | None,
        typer.Option(
            "--valid-days",
            metavar="N",
            min=1,
            max=3650,
            help="Days the posting stays open (sets validThrough in the JSON-LD).",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Fail (exit 1) instead of trimming a role that does not fit the channel."
        ),
    ] = False,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="Render your own Jinja2 template instead of a format (HTML-escaped when the "
            "file name ends in .html or .htm).",
        ),
    ] = None,
    reference_docx: ReferenceDocxOpt = None,
) -> None:
    """Write a job posting from a role file, ready to publish.

    The posting has the role's key facts (pay, location, type of employment, schedule)
    and its sections in the channel's order: about the role, what you'll do, what you'll
    bring, nice to have, skills, career path, pay and benefits, the company's text, the
    equal opportunity statement and how to apply. The company profile adds its name,
    benefits, statement and apply link. When a role does not fit the channel's limits,
    the last items are dropped first and every dropped item is named on stderr;
    --strict makes that an error instead.

    Example: hirecli posting roles/mental-health-professional.yaml

    Example: hirecli posting roles/registered-nurse.yaml --channel linkedin -o nurse.html

    Example: hirecli posting roles/warehouse-associate.yaml --format jsonld --valid-days 30

    Example: hirecli posting roles/software-engineer.yaml --channel short --strict
    """
    from hirecli.api import build_posting, find_company, read_role
    from hirecli.builders.posting.build import resolve_sections
    from hirecli.channels import get_channel
    from hirecli.cli.env import Env
    from hirecli.cli.output import POSTING_EXTENSIONS, choose_format, deliver, emit
    from hirecli.companyfind import announce
    from hirecli.errors import UsageError
    from hirecli.fileio import refuse_existing
    from hirecli.writers import WriteOptions

    env = Env.current()
    chosen_format = _format(fmt, output)
    if template is not None and chosen_format is not None:
        raise UsageError("--template and --format cannot be used together; the template sets the format")
    chosen = get_channel(channel)
    posted = parse_date(date)
    check_days_after(posted, valid_days)
    order = resolve_sections(sections.split(",")) if sections is not None else None
    if output not in (None, "-"):
        refuse_existing([Path(str(output))], force=force)

    final = chosen_format or (
        "template" if template else choose_format(None, output, env, POSTING_EXTENSIONS)
    )
    loaded = read_role(role, stdin=env.stdin)
    profile = find_company(role, company)
    result = build_posting(
        loaded.model,
        profile,
        channel=chosen,
        max_bullets=max_bullets,
        sections=order,
        date=posted if template is not None or final in DATED else None,
        valid_days=valid_days,
    )
    notices = list(result.notices)

    if template is not None:
        from hirecli.builders.posting.template import render_template, template_context

        text = render_template(template, template_context(result, loaded.model, profile))
        _report(notices, env, strict=strict, channel=chosen.name)
        emit(text, output, force=force, env=env)
        return

    announce(env.stderr, role, company, terminal=final == "terminal" or env.stderr_isatty)
    if final in (JSONLD, "html") and result.jsonld is not None:
        from hirecli.builders.posting.build import Notice
        from hirecli.builders.posting.jsonld import missing_properties

        notices += [
            Notice(f"warning: schema.org JobPosting: {text}", strict=False)
            for text in missing_properties(result.jsonld)
        ]
    _report(notices, env, strict=strict, channel=chosen.name)
    if final == JSONLD:
        from hirecli.builders.posting.jsonld import jsonld_text

        emit(jsonld_text(result.jsonld or {}), output, force=force, env=env)
        return
    from hirecli.cli.reference_opt import reference_options

    deliver(
        result.document,
        final,
        output,
        force=force,
        env=env,
        options=reference_options(reference_docx, final, WriteOptions(channel_html=chosen.html_tags)),
    )


def register(app: typer.Typer) -> None:
    app.command("posting")(posting)
