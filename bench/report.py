"""BENCHMARKS.md from a run's record: budgets with PASS/MISS, the machine, and every measurement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from budgets import budgets
from measure import Result
from record import BATCH_LIMIT, Record


@dataclass(frozen=True)
class Row:
    """A measurement and what it counts (roles or documents per run), for the rate column."""

    result: Result | None
    label: str
    items: int = 0
    unit: str = ""


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _cells(row: Row, rates: bool) -> list[str]:
    r = row.result
    if r is None:
        return [row.label, "", "not run", "", "", "", ""] + ([""] if rates else [])
    if not r.ok:
        return [row.label, f"`{r.shown}`", r.error or "not run", "", "", "", ""] + ([""] if rates else [])
    memory = f"{r.rss_mb:.0f} MB" if r.rss_mb is not None else "?"
    cpu = seconds(r.cpu) if r.cpu is not None else "?"
    cells = [
        row.label,
        f"`{r.shown}`",
        seconds(r.median),
        f"{seconds(r.low)} – {seconds(r.high)}",
        cpu,
        str(len(r.times)),
        memory,
    ]
    if rates:
        cells.append(f"{row.items / r.median:,.0f} {row.unit}/s" if row.items else "")
    return cells


def section(title: str, intro: str, rows: Sequence[Row], *, rates: bool = False) -> list[str]:
    header = ["What", "Command", "Median", "Min – max", "CPU", "Runs", "Peak RSS"]
    header += ["Rate"] if rates else []
    return [f"## {title}", "", intro, "", *_table(header, [_cells(row, rates) for row in rows]), ""]


def _runs(count: int) -> str:
    return f"{count} run{'s' * (count != 1)}"


def _batch_label(key: str) -> str:
    kind, size, jobs = key.split("_")
    shown = f"Export {int(size):,} roles, {jobs.replace('j', '--jobs ')}"
    return shown + (" (memory run)" if kind == "memory" else "")


def _memory(record: Record, keys: Sequence[str]) -> list[str]:
    """Peak memory of each export's whole process tree, from its first run."""
    rows = []
    for key in keys:
        result = record.ok(key)
        if result is None or not result.tree:
            continue
        tree = result.tree
        rows.append(
            [
                _batch_label(key),
                f"{tree['total'] / 1024:.1f} MB",
                f"{tree['parent'] / 1024:.1f} MB",
                f"{tree['largest_child'] / 1024:.1f} MB" if tree["largest_child"] else "",
                str(tree["processes"]),
            ]
        )
    if not rows:
        return []
    return [
        "## Memory of every process",
        "",
        "The resident sets of the command and every process it started (workers and "
        "multiprocessing's resource tracker), read from `/proc` every 50 ms during the first run of "
        "each export; the largest sum is the memory the export needs.",
        "",
        *_table(["Export", "Every process", "Parent", "Largest other process", "Processes"], rows),
        "",
    ]


def render(record: Record, notes: str = "") -> str:
    """The whole report; ``notes`` (Markdown) closes it when given."""
    s = record.settings

    def row(key: str, label: str, unit: str = "") -> Row:
        return Row(record.results.get(key), label, record.counts.get(key, 0), unit)

    found = budgets(record)
    scope = (
        "start-up only"
        if s.startup_only
        else f"sizes {', '.join(map(str, s.sizes))}; {_runs(s.repeat)} per batch "
        f"({_runs(s.big_repeat)} above {BATCH_LIMIT:,} roles)"
    )
    settings = (
        f"{scope}; {_runs(s.startup_runs)} per single "
        f"command after {_runs(s.warmup).replace('run', 'warm-up run')}; timed with {record.tool}"
    )
    machine = {**record.machine, **record.checks, "Date": record.date, "Settings": settings}
    batches = [key for key in record.results if key.startswith("export_") and key != "export_one"]
    memory = [key for key in record.results if key.startswith("memory_")]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `{record.command}` on the machine below; rerun it to measure yours. Times are "
        "medians of whole processes, with the fastest and slowest run and the mean CPU time (user + "
        "system) per run; peak RSS is the largest resident set of the process (with `--jobs 2`, of "
        "the largest single process).",
        "",
        "## Budgets",
        "",
        "Ratios of median wall-clock times measured in the same run, so that the machine's speed "
        "cancels out; lint's budget is a time, with its ratio to linting the same roles' postings.",
        "",
        *_table(
            ["Budget", "Target", "Measured", "From", "Status"],
            [[b.name, b.target, b.shown, b.detail, f"**{b.status}**"] for b in found],
        ),
        "",
        "## Machine",
        "",
        *_table(["", ""], [[key, value] for key, value in machine.items()]),
        "",
        *section(
            "Start-up",
            "Whole processes, output discarded, next to a Typer app with two commands "
            "and nothing else (`bench/hello_typer.py`), run by the same Python.",
            [
                row("hello_help", "Typer hello-world --help"),
                row("hirecli_help", "hirecli --help"),
                row("hello_run", "Typer hello-world run"),
                row("posting", "Posting (Markdown)"),
            ],
        ),
        "## Start-up imports",
        "",
        "Modules imported by one command (`python -X importtime`, which adds its own overhead): the "
        "total import time and which heavy libraries were loaded. A Markdown posting should load none "
        "of python-docx, lxml, Jinja2 or rapidfuzz; markdown_it comes with Typer's help formatting "
        "and the hello-world loads it too.",
        "",
        *_table(
            ["Command", "Import time", "Heavy libraries loaded"],
            [[f"`{name}`", f"{ms:.0f} ms", heavy or "none"] for name, ms, heavy in record.imports],
        ),
        "",
        *section(
            "One role",
            "The seed role (`roles/mental-health-professional.yaml` with its company "
            "profile), one whole process per command.",
            [
                row("posting", "Posting (Markdown)"),
                row("kit", "Interview kit (Markdown)"),
                row("scorecard", "Scorecard (Markdown)"),
                row("export_one", "DOCX export (all documents)"),
                row("lint_one", "Lint"),
            ],
        ),
        *section(
            "Batches",
            "Generated roles (`bench/generate_roles.py`, seed 1: eleven job families, "
            "3 to 25 duties, 14 countries and currencies, pay by year, month, week, day or hour), "
            "the posting, interview kit and scorecard of every role as DOCX, Markdown and JSON in "
            "one process. Rate = roles per second.",
            [row(key, _batch_label(key), "roles") for key in batches]
            + [
                row("lint_batch", f"Lint {s.batch_size:,} role files", "roles"),
                row("lint_postings", f"Lint their {s.batch_size:,} Markdown postings", "docs"),
            ],
            rates=True,
        ),
        *_memory(record, [*batches, *memory]),
        *section(
            "Word documents: hirecli and pandoc",
            "hirecli writes the posting of every role as DOCX "
            f"in one process ({s.batch_size:,} roles, start-up included); pandoc converts each "
            "posting's Markdown in a process of its own, as a shell loop would. Rate = documents "
            "per second.",
            [row("docx_batch", "hirecli, one batch", "docs"), row("pandoc", "pandoc", "docs")],
            rates=True,
        ),
    ]
    if notes.strip():
        lines += [notes.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"
