"""BENCHMARKS.md: the machine, the budgets with PASS/MISS, and every measurement as a table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from measure import Result


@dataclass(frozen=True)
class Budget:
    """One target, a ratio measured in this run, and whether it was met."""

    name: str
    target: str
    measured: float | None
    passed: bool | None
    detail: str
    unit: str = "x"

    @property
    def shown(self) -> str:
        if self.measured is None:
            return ""
        return f"{self.measured:.0f} MB" if self.unit == "MB" else f"{self.measured:.2f}x"

    @property
    def status(self) -> str:
        if self.passed is None:
            return "not measured"
        return "PASS" if self.passed else "MISS"


@dataclass(frozen=True)
class Row:
    """A measurement and what it counts (roles or documents per run), for the rate columns."""

    result: Result
    label: str
    items: int = 0
    unit: str = ""


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _measure_rows(rows: Sequence[Row], *, rates: bool) -> list[list[str]]:
    out = []
    for row in rows:
        r = row.result
        if not r.ok:
            cells = [row.label, f"`{r.shown}`", r.error or "not run", "", "", "", ""]
            out.append(cells + ([""] if rates else []))
            continue
        memory = f"{r.rss_mb:.0f} MB" if r.rss_mb is not None else "?"
        cpu = seconds(r.cpu) if r.cpu is not None else "?"
        cells = [row.label, f"`{r.shown}`", seconds(r.median), f"{seconds(r.low)} – {seconds(r.high)}",
                 cpu, str(len(r.times)), memory]
        if rates:
            cells.append(f"{row.items / r.median:,.0f} {row.unit}/s" if row.items else "")
        out.append(cells)
    return out


def section(title: str, intro: str, rows: Sequence[Row], *, rates: bool = False) -> list[str]:
    header = ["What", "Command", "Median", "Min – max", "CPU", "Runs", "Peak RSS"]
    header += ["Rate"] if rates else []
    return [f"## {title}", "", intro, "", *_table(header, _measure_rows(rows, rates=rates)), ""]


def budgets_table(budgets: Sequence[Budget]) -> list[str]:
    rows = [[b.name, b.target, b.shown, b.detail, f"**{b.status}**"] for b in budgets]
    return ["## Budgets", "",
            "Ratios of median wall-clock times measured in the same run, so that the machine's speed "
            "cancels out.", "",
            *_table(["Budget", "Target", "Measured", "From", "Status"], rows), ""]


def machine_table(info: dict[str, str], when: str, settings: str) -> list[str]:
    rows = [[key, value] for key, value in info.items()]
    rows += [["Date", when], ["Settings", settings]]
    return ["## Machine", "", *_table(["", ""], rows), ""]


def imports_table(rows: Sequence[tuple[str, float, str]]) -> list[str]:
    return ["## Start-up imports", "",
            "Modules imported by one command (`python -X importtime`): the total import time and "
            "which heavy libraries were loaded. `--help` and a Markdown posting should need none of "
            "python-docx, Jinja2 or rapidfuzz.", "",
            *_table(["Command", "Import time", "Heavy libraries loaded"],
                    [[f"`{name}`", f"{ms:.0f} ms", heavy or "none"] for name, ms, heavy in rows]), ""]
