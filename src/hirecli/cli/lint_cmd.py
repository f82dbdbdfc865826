"""``hirecli lint``: inclusive-language, structure and pay-transparency checks, and interview questions."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hirecli.cli.env import Env
from hirecli.errors import ExitCode


class LintFormat(StrEnum):
    terminal = "terminal"
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    none = "none"


def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Role files, postings (.md, .txt, .html, .docx) or folders "
            "(searched recursively); - reads a posting from stdin.",
        ),
    ] = None,
    fmt: Annotated[
        LintFormat | None,
        typer.Option(
            "--format",
            help="terminal (a report with charts), text (file:line:col lines), "
            "json, github (workflow annotations) or sarif (SARIF 2.1.0 for code "
            "scanning). Default: terminal on a terminal, text in a pipe.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity "
            "(default: the configuration's fail_on, else error).",
        ),
    ] = None,
    company: Annotated[
        Path | None,
        typer.Option(
            "--company",
            metavar="FILE",
            help="The company profile for role files (default: company.yaml next to the role "
            "or in a parent folder).",
        ),
    ] = None,
    no_company: Annotated[
        bool, typer.Option("--no-company", help="Lint role files without any company profile.")
    ] = False,
    channel: Annotated[
        str,
        typer.Option(
            "--channel",
            metavar="NAME",
            help="The channel whose posting is linted for role files, as for hirecli posting.",
        ),
    ] = "careers",
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Lint settings to apply on top of .hirecli-lint.yaml "
            "and the company profile's lint: section.",
        ),
    ] = None,
    kit: Annotated[
        bool,
        typer.Option(
            "--kit/--no-kit",
            help="Also check every question of the role's interview kit "
            "(custom questions are always checked).",
        ),
    ] = True,
    list_rules: Annotated[
        bool, typer.Option("--rules", help="List every rule with its category and severity, and exit.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report and fail only on findings that FILE (from --write-baseline) does not record.",
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record today's findings in FILE for --baseline, and exit 0.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace the --write-baseline file when it exists.")
    ] = False,
) -> None:
    """Check postings and interview questions before you publish.

    For a role file, hirecli lints the posting it would generate (for --channel, with the
    company profile) and the role's interview questions; other postings are linted as
    written. Checks: gender-coded wording (Gaucher et al. 2011) and gendered, ageist and
    ableist terms; rockstar titles, hollow perks, pressure culture and jargon; length,
    bullets per list, must-have inflation, readability, third person, duplicated and
    damaged bullets; pay transparency by location (US states and cities, the EU
    directive), benefits and the equal-opportunity statement; interview questions on
    protected topics. Settings: .hirecli-lint.yaml next to the file or in a parent folder,
    the lint: section of company.yaml, or --config. Exit 1 when a finding is at or above
    --fail-on.

    Example: hirecli lint roles/

    Example: hirecli lint job-ad.html --format json --fail-on warning

    Example: hirecli lint roles/*.yaml --format github

    Example: hirecli lint roles/ --format sarif > hirecli.sarif

    Example: hirecli lint roles/ --write-baseline .hirecli-baseline.json

    Example: hirecli lint roles/ --baseline .hirecli-baseline.json
    """
    from hirecli import api
    from hirecli.errors import UsageError
    from hirecli.lint.engine import Options
    from hirecli.lint.report import failed, to_github, to_json, to_text

    env = Env.current()
    if list_rules:
        _print_rules(env)
        return
    if not paths:
        raise UsageError("give at least one PATH to lint (or --rules to list the rules)")
    options = Options(company=company, use_company=not no_company, channel=channel, config=config, kit=kit)
    reports, levels = [], []
    for report, settings in api.lint(paths, options, stdin=env.stdin):
        reports.append(report)
        levels.append(fail_on.value if fail_on else settings.fail_on or "error")
    if write_baseline is not None or baseline is not None:
        from hirecli.lint.baseline import use_baseline

        if use_baseline(reports, baseline=baseline, write=write_baseline, force=force, stderr=env.stderr):
            return
    chosen = fmt or (LintFormat.terminal if env.stdout_isatty else LintFormat.text)
    from hirecli.cli.lintview import prepare

    counted, reports = reports, prepare(reports, chosen.value)  # bounded, and safe on a terminal
    if chosen is LintFormat.terminal:
        from hirecli.lint.terminal import print_reports

        print_reports(reports, env.console())
    else:
        if chosen is LintFormat.sarif:
            from hirecli.lint.sarif import to_sarif

            rendered = to_sarif(reports)
        elif chosen is LintFormat.json:
            rendered = to_json(reports, levels)
        else:
            rendered = to_github(reports) if chosen is LintFormat.github else to_text(reports)
        env.stdout.write(rendered)
        env.stdout.flush()
    if any(failed(report, level) for report, level in zip(counted, levels, strict=True)):
        raise typer.Exit(ExitCode.INVALID)


def _print_rules(env: Env) -> None:
    from hirecli.lint.rules import rules

    table = rules()
    if env.stdout_isatty:
        from rich.table import Table

        grid = Table(title="Lint rules", title_justify="left")
        for column in ("Rule", "Category", "Severity", "What it finds"):
            grid.add_column(column)
        for rule in table.values():
            grid.add_row(rule.id, rule.category, rule.severity.value, rule.title)
        env.console().print(grid)
        return
    for rule in table.values():
        env.stdout.write(f"{rule.id}\t{rule.category}\t{rule.severity.value}\t{rule.title}\n")


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
