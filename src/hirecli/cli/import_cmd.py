"""``hirecli import``: job descriptions in, role files out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.env import Env
from hirecli.cli.options import ForceOpt

if TYPE_CHECKING:
    from hirecli.importers import Imported


class RoleFormat(StrEnum):
    yaml = "yaml"
    json = "json"


def import_roles(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE", help="Job descriptions: .txt, .md, .html or .docx; - reads standard input."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the role to FILE (one input only; - is stdout)."
        ),
    ] = None,
    out_dir: Annotated[
        str | None,
        typer.Option(
            "--out-dir", metavar="DIR", help="Write one role file per input into DIR, named by its id."
        ),
    ] = None,
    role_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="ID", help="The role's id (one input only); default: made from the title."
        ),
    ] = None,
    force: ForceOpt = False,
    fmt: Annotated[
        RoleFormat | None,
        typer.Option("--format", help="yaml (the default) or json; -o FILE.json implies json."),
    ] = None,
    report: Annotated[
        bool,
        typer.Option(
            "--report",
            help="List on stderr what went where, with a confidence per section "
            "(shown anyway when stderr is a terminal).",
        ),
    ] = False,
) -> None:
    """Turn job descriptions (text, Markdown, HTML, DOCX) into role files.

    Reads the title, pay (amount, currency, period), location and remote or hybrid
    wording, employment type, experience range, tags and the sections under the many
    headings people use, and writes a role file that `hirecli validate` accepts. Text
    that fits nowhere is kept in the role's notes, page navigation is left out, and
    damage from copying web pages is mended; --report lists every such decision so you
    can check them. Facts the ad does not state (employment type, workplace, pay) are left
    out, never guessed, and the report lists them. Skills are read from the lines that
    name them (tools, methods, knowledge), each traced to its line. Text about the
    employer (about, equal opportunity, how to apply) is offered in the report for
    company.yaml.

    Several files are imported one by one into --out-dir: a file that exists is named and
    skipped (replaced with --force), the others are written, and a summary says which.
    Exit codes: 1 when a file has no usable job description (empty, no sections, no
    title), 2 when it cannot be read (missing, binary, too large) or an output exists
    and was skipped.

    Example: hirecli import job.txt -o roles/mental-health-professional.yaml

    Example: hirecli import careers/*.html careers/*.docx --out-dir roles/ --report

    Example: pbpaste | hirecli import - --id night-nurse > roles/night-nurse.yaml
    """
    from hirecli.api import import_document
    from hirecli.errors import ExitCode, HirecliError, UsageError
    from hirecli.fileio import write_atomic

    env = Env.current()
    if output is not None and out_dir is not None:
        raise UsageError("use either -o FILE or --out-dir DIR, not both")
    if len(files) > 1 and out_dir is None:
        raise UsageError("several inputs need --out-dir DIR (one role file per input)")
    if len(files) > 1 and role_id is not None:
        raise UsageError("--id names a single role; leave it out when importing several files")
    if files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    chosen = fmt.value if fmt else _format_of(output)
    done: list[Imported] = []
    failed: list[HirecliError] = []
    for file in files:
        try:
            imported = import_document(file, stdin=env.stdin, role_id=role_id, fmt=chosen)
        except HirecliError as exc:
            if len(files) == 1:
                raise
            env.stderr.write(f"error: {exc.message}\n")
            failed.append(exc)
            continue
        _tell(imported, env, full=report or env.stderr_isatty)
        done.append(imported)
    skipped: list[str] = []
    if out_dir is not None:
        skipped = _write_batch(done, Path(out_dir), chosen, force=force, env=env)
        if len(files) > 1:
            env.stderr.write(
                f"imported {len(files)} file(s): {len(done) - len(skipped)} written, "
                f"{len(skipped)} skipped, {len(failed)} failed\n"
            )
    elif done:
        if output in (None, "-"):
            env.stdout.write(done[0].built.text)
            env.stdout.flush()
        else:
            write_atomic(Path(str(output)), done[0].built.text, force=force)
            env.stderr.write(f"wrote {output}\n")
    codes = [int(exc.exit_code) for exc in failed] + ([int(ExitCode.USAGE)] if skipped else [])
    if codes:
        raise typer.Exit(max(codes) or ExitCode.INVALID)


def _format_of(output: str | None) -> str:
    """yaml, or json for ``-o FILE.json``; an extension that is neither is a usage error."""
    from hirecli.cli.output import ROLE_EXTENSIONS, file_format

    return "yaml" if output in (None, "-") else file_format(str(output), ROLE_EXTENSIONS, stream="yaml")


def _write_batch(done: list[Imported], folder: Path, fmt: str, *, force: bool, env: Env) -> list[str]:
    """Write each imported role to ``folder`` by its id; a file that exists (without
    --force), or that an earlier input of the batch already wrote, is named and skipped."""
    from hirecli.errors import OutputError
    from hirecli.fileio import write_atomic

    written: dict[Path, str] = {}
    skipped: list[str] = []
    for item in done:
        target = folder / f"{item.report.role_id}.{fmt}"
        source = item.report.source
        if target in written:
            env.stderr.write(
                f"skipped {source}: its id {item.report.role_id!r} is the one {written[target]} "
                f"was written as ({target}); import it alone with --id\n"
            )
            skipped.append(source)
            continue
        if target.exists() and not force:
            env.stderr.write(f"skipped {source}: {target} exists; use --force to replace it\n")
            skipped.append(source)
            continue
        try:
            write_atomic(target, item.built.text, force=force)
        except OutputError as exc:
            env.stderr.write(f"skipped {source}: {exc.message}\n")
            skipped.append(source)
            continue
        written[target] = source
        env.stderr.write(f"wrote {target}\n")
    return skipped


def _tell(imported: Imported, env: Env, *, full: bool) -> None:
    """The whole report, or only what needs a person's eye."""
    report = imported.report
    if full:
        env.stderr.write(report.render())
        return
    for warning in report.warnings:
        env.stderr.write(f"warning: {report.source}: {warning}\n")
    for mend in report.mends:
        if not mend.sure:
            env.stderr.write(f"warning: {report.source}: {report.unit} {mend.pos}: {mend.reason}\n")


def register(app: typer.Typer) -> None:
    app.command("import")(import_roles)
