"""The command-line side of ``hirecli export --feed/--ats`` (called from ``export_cmd``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hirecli.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from hirecli.cli.env import Env


def run(
    paths: list[str] | None,
    output: str | None,
    *,
    feed: str | None,
    ats: str | None,
    force: bool,
    company: str | None,
    date: str | None,
    json_report: bool,
    env: Env,
) -> None:
    """Write the feed or the payloads; exit 1 when any role was left out."""
    from hirecli.cli.options import parse_date
    from hirecli.feeds.command import report_json, report_text, write_ats, write_feed

    if feed is not None and ats is not None:
        raise UsageError("--feed and --ats write different things; give one of them")
    if not paths or output is None or output == "-":
        what = "a feed file (-o feed.xml)" if feed is not None else "an output folder (-o OUTDIR)"
        raise UsageError(
            f"export --{'feed' if feed is not None else 'ats'} needs role files or folders "
            f"(PATH...) and {what}"
        )
    when = parse_date(date)
    given = Path(company) if company else None
    if feed is not None:
        report = write_feed(
            feed.strip().lower(), paths, Path(output), date=when, force=force, company=given, stdin=env.stdin
        )
    else:
        assert ats is not None
        report = write_ats(
            ats.strip().lower(), paths, Path(output), date=when, force=force, company=given, stdin=env.stdin
        )
    for line in report_text(report):
        env.stderr.write(line + "\n")
    env.stderr.flush()
    if json_report:
        env.stdout.write(report_json(report))
        env.stdout.flush()
    if report.left_out:
        raise typer.Exit(ExitCode.INVALID)
