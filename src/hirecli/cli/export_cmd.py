"""``hirecli export``: every document of many roles, in many formats, written safely."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.options import ForceOpt, ReportFormat, ReportFormatOpt, parse_date

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.table import Table

    from hirecli.cli.env import Env
    from hirecli.export import Job, Plan, Rendered, Report, Settings


def _formats(docx: bool, md: bool, html: bool, json_: bool, jsonld: bool) -> tuple[str, ...]:
    from hirecli.export import DEFAULT_FORMATS

    chosen = tuple(
        name
        for name, on in (("docx", docx), ("md", md), ("html", html), ("json", json_), ("jsonld", jsonld))
        if on
    )
    return chosen or DEFAULT_FORMATS


def _shown(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


ROLE_TABLE_LIMIT = 12
"""Up to this many roles the summary has a row per role; beyond, a row per kind of file."""


def _size(total: int) -> str:
    return f"{total / 1024:.0f} KB" if total < 10 * 1024 * 1024 else f"{total / 1024 / 1024:.0f} MB"


def _summary_table(report: Report, plan: Plan) -> Table:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    failed = {f.role_id for f in report.failures if f.role_id}
    invalid = [f for f in report.failures if f.role_id is None]
    if len(plan.jobs) + len(invalid) <= ROLE_TABLE_LIMIT:
        table.add_column("Role", no_wrap=True)
        table.add_column("Files", justify="right")
        table.add_column("Size", justify="right")
        table.add_column("Status")
        sizes: dict[str, list[int]] = {}
        for item in report.written:
            sizes.setdefault(item.role_id, []).append(item.size)
        for job in plan.jobs:
            mine = sizes.get(job.role_id, [])
            status = "[red]failed[/]" if job.role_id in failed else "[green]written[/]"
            table.add_row(escape(job.role_id), str(len(mine)), _size(sum(mine)), status)
        for failure in invalid:
            table.add_row(escape(Path(failure.source).name), "0", "", "[red]invalid[/]")
        return table
    table.add_column("Document")
    table.add_column("Format")
    table.add_column("Files", justify="right")
    table.add_column("Size", justify="right")
    for (artifact, fmt), (files, total) in report.by_kind().items():
        table.add_row(artifact, fmt, str(files), _size(total))
    for failure in report.failures:
        table.add_row(escape(failure.role_id or Path(failure.source).name), "[red]failed[/]", "0", "")
    return table


def _print_summary(report: Report, plan: Plan, env: Env) -> None:
    from rich.markup import escape

    console = env.console()
    console.print(_summary_table(report, plan))
    rate = f" ({report.per_second:.0f} documents a second)" if report.documents >= 10 else ""
    roles = report.roles - len([f for f in report.failures if f.role_id])
    console.print(
        f"Wrote {report.files} file{'s' * (report.files != 1)} for {roles} "
        f"role{'s' * (roles != 1)} into {escape(_shown(report.outdir))}/<role-id>/ in "
        f"{report.seconds:.1f} s{rate}."
    )
    if report.failures:
        console.print(
            f"[red]{len(report.failures)} role file{'s' * (len(report.failures) != 1)} "
            "failed; the problems are listed above.[/]"
        )


def _run(plan: Plan, settings: Settings, *, force: bool, jobs: int, env: Env, progress: bool) -> Report:
    from hirecli.export import run_export

    if not progress or not plan.jobs:
        return run_export(plan, settings, force=force, jobs=jobs, on_role=_stderr_lines(env))
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    lines = _stderr_lines(env)
    with Progress(
        TextColumn("Exporting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=env.console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=len(plan.jobs))

        def step(job: Job, result: Rendered) -> None:
            if result.problems or result.error:
                bar.stop()
                lines(job, result)
                bar.start()
            bar.update(task, advance=1, description=job.role_id)

        return run_export(plan, settings, force=force, jobs=jobs, on_role=step)


def _stderr_lines(env: Env) -> Callable[[Job, Rendered], None]:
    def report(job: Job, result: Rendered) -> None:
        for problem in result.problems:
            env.stderr.write(f"{problem}\n")
        if result.error and not result.problems:
            env.stderr.write(f"{job.source}: {result.error}\n")
        env.stderr.flush()

    return report


def export(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Role files, or folders searched for them (recursively)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUTDIR",
            help="The folder to write into; each role gets OUTDIR/<role-id>/.",
        ),
    ] = None,
    docx: Annotated[bool, typer.Option("--docx", help="Word documents (.docx).")] = False,
    md: Annotated[bool, typer.Option("--md", help="Markdown (.md).")] = False,
    html: Annotated[bool, typer.Option("--html", help="HTML fragments (.html).")] = False,
    json_: Annotated[bool, typer.Option("--json", help="The document trees as JSON (.json).")] = False,
    jsonld: Annotated[
        bool, typer.Option("--jsonld", help="The posting's schema.org JobPosting (posting.jsonld).")
    ] = False,
    what: Annotated[
        str | None,
        typer.Option(
            "--what",
            metavar="LIST",
            help="The documents to export, separated by commas: posting, interview-kit, "
            "scorecard (default: all three).",
        ),
    ] = None,
    force: ForceOpt = False,
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            metavar="FILE",
            help="The company profile for every role (default: company.yaml next to each role "
            "or in a parent folder).",
        ),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option("--channel", metavar="NAME", help="The posting's channel (default: careers)."),
    ] = None,
    reference_docx: Annotated[
        str | None,
        typer.Option(
            "--reference-docx",
            metavar="FILE",
            help="A branded .docx whose styles, fonts, margins, header and footer the Word documents use.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", metavar="N", min=0, help="Build documents in N processes (0: one per CPU)."
        ),
    ] = 1,
    fmt: ReportFormatOpt = ReportFormat.text,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The documents' date (default: today); the same date gives the same files.",
        ),
    ] = None,
    write_reference: Annotated[
        str | None,
        typer.Option(
            "--write-reference-docx",
            metavar="FILE",
            help="Write a .docx that shows every style the Word documents use, to restyle "
            "in Word and pass back with --reference-docx; then stop.",
        ),
    ] = None,
    feed: Annotated[
        str | None,
        typer.Option(
            "--feed",
            metavar="NAME",
            help="Instead of documents, write one job feed of every role to -o FILE: indeed "
            "(Indeed's XML feed), linkedin (LinkedIn's XML feed) or jsonld (a schema.org "
            "ItemList of JobPostings). Roles missing what the feed requires are named and "
            "left out (exit code 1).",
        ),
    ] = None,
    ats: Annotated[
        str | None,
        typer.Option(
            "--ats",
            metavar="NAME",
            help="Instead of documents, write per role OUTDIR/<role-id>/ the JSON payloads of an "
            "applicant tracking system's API: greenhouse (Harvest: job post, interview "
            "stages with their interview kits, scorecard attributes).",
        ),
    ] = None,
) -> None:
    """Export postings, interview kits and scorecards of many roles at once.

    Each role gets a folder OUTDIR/<role-id>/ with posting.docx, interview-kit.docx,
    scorecard.docx, posting.md and so on; without format options, Word and Markdown.
    Each interviewer also gets their own packet and scorecard to print, one per stage
    of the loop: interview-kit/2-hiring-manager-interview.docx, scorecard/2-....docx.
    Nothing is written until every role has been read and every output checked: two
    roles with the same id are an error, and files that already exist are named and
    left alone unless --force is given. Every file is written atomically, so an
    interrupted export leaves the old files as they were. A role that fails is named
    with its problems on stderr and the others are still exported (exit code 1).
    The same roles and --date always give byte-identical files. --reference-docx takes
    styles, fonts, margins, header and footer from your own .docx; start one with
    --write-reference-docx.

    Example: hirecli export roles/ -o out/

    Example: hirecli export roles/ -o out/ --docx --what interview-kit,scorecard --jobs 4

    Example: hirecli export roles/nurse.yaml -o out/ --reference-docx brand.docx --force

    Example: hirecli export roles/ -o site/ --html --jsonld --what posting --format json

    Example: hirecli export --write-reference-docx brand.docx

    Example: hirecli export roles/ --feed indeed -o feed.xml

    Example: hirecli export roles/ --ats greenhouse -o greenhouse/
    """
    from hirecli.cli.env import Env
    from hirecli.errors import UsageError
    from hirecli.export import (
        ARTIFACTS,
        Settings,
        available_artifacts,
        parse_list,
        plan_export,
        worker_count,
    )

    env = Env.current()
    if write_reference is not None:
        from hirecli.fileio import write_atomic
        from hirecli.writers.docx.sample import reference_docx as sample_reference

        write_atomic(Path(write_reference), sample_reference(parse_date(date)), force=force)
        env.stderr.write(
            f"Wrote {write_reference}: change its styles in Word, then export with "
            f"--reference-docx {write_reference}\n"
        )
        return
    if feed is not None or ats is not None:
        from hirecli.feeds.cli import run as run_feeds

        run_feeds(
            paths,
            output,
            feed=feed,
            ats=ats,
            force=force,
            company=company,
            date=date,
            json_report=fmt == ReportFormat.json,
            env=env,
        )
        return
    if not paths or output is None:
        raise UsageError("export needs role files or folders (PATH...) and an output folder (-o OUTDIR)")
    artifacts = parse_list(what, ARTIFACTS, "document") or available_artifacts()
    if not artifacts:
        raise UsageError("this version of hirecli has no document builders to export with")
    settings = Settings(
        artifacts=artifacts,
        formats=_formats(docx, md, html, json_, jsonld),
        date=parse_date(date),
        channel=channel,
        reference_docx=Path(reference_docx) if reference_docx else None,
    )
    plan = plan_export(
        paths,
        Path(output),
        settings,
        company=Path(company) if company else None,
        force=force,
        stdin=env.stdin,
    )
    for failure in plan.failures:
        for line in failure.lines():
            env.stderr.write(line + "\n")
    env.stderr.flush()
    workers = worker_count(jobs)
    progress = fmt == ReportFormat.text and env.stderr_isatty
    report = _run(plan, settings, force=force, jobs=workers, env=env, progress=progress)
    if fmt == ReportFormat.json:
        env.stdout.writelines(report.json_chunks())  # piece by piece: a batch of any size
        env.stdout.write("\n")
        env.stdout.flush()
    else:
        _print_summary(report, plan, env)
    if report.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
