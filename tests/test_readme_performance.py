"""The README's performance figures are those of BENCHMARKS.md, which bench/run.py writes."""

from __future__ import annotations

import re

import pytest

from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BENCHMARKS = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")

ROWS = {
    "`hirecli --help` vs": "`hirecli --help`",
    "`hirecli posting` vs": "`hirecli posting ROLE --format md`",
    "DOCX documents per second": "Word documents in a batch",
    "`--jobs 2` speed-up": "`--jobs 2` over `--jobs 1`",
    "10x the roles": "10x the roles",
    "Lint of 1,000 role files": "Lint",
}
"""Budget rows of BENCHMARKS.md and the README rows that quote their figure."""


def _rows(text: str, heading: str) -> dict[str, list[str]]:
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    found = {}
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
            found[cells[0]] = cells[1:]
    return found


BUDGETS = _rows(BENCHMARKS, "## Budgets")
FIGURES = _rows(README, "## Performance")


def _budget(prefix: str) -> list[str]:
    matches = [cells for name, cells in BUDGETS.items() if name.startswith(prefix)]
    assert len(matches) == 1, f"BENCHMARKS.md has no single budget {prefix!r}"
    return matches[0]


@pytest.mark.parametrize(("budget", "row"), ROWS.items())
def test_each_figure_is_the_measured_one(budget: str, row: str) -> None:
    _target, measured, detail, status = _budget(budget)
    figure = FIGURES[row][0]
    assert measured in figure, f"README says {figure!r}; BENCHMARKS.md measured {measured}"
    if "MISS" in status:
        assert "missed" in figure
    ratio = re.search(r"\d+\.\d+x the time of their", detail)
    if ratio:
        assert ratio.group(0).split(" ")[0] in figure


def test_the_memory_figures_are_the_measured_ones() -> None:
    figure = FIGURES["Peak memory of an export, every process"][0]
    budgets = [cells for name, cells in BUDGETS.items() if name.startswith("Peak memory of every process")]
    assert len(budgets) == 2
    for _, measured, detail, status in budgets:
        assert measured in figure
        if "MISS" in status:
            assert "missed" in figure
        for megabytes in re.findall(r"(\d+) MB", detail):
            assert f"{megabytes} MB" in figure
