"""The budgets of the issue, as ratios of figures measured in the same run."""

from __future__ import annotations

from dataclasses import dataclass

from record import Record


@dataclass(frozen=True)
class Budget:
    """One target, the figure measured for it, and whether it was met (None: not measured)."""

    name: str
    target: str
    measured: float | None
    passed: bool | None
    detail: str
    unit: str = "x"

    @property
    def status(self) -> str:
        if self.passed is None:
            return "not measured"
        return "PASS" if self.passed else "MISS"

    @property
    def shown(self) -> str:
        if self.measured is None:
            return ""
        if self.unit == "MB":
            return f"{self.measured:.0f} MB"
        if self.unit == "s":
            return f"{self.measured:.1f} s"
        return f"{self.measured:.3f}x" if self.unit == "x3" else f"{self.measured:.2f}x"


def _ratio(record: Record, slow: str, fast: str) -> float | None:
    a, b = record.ok(slow), record.ok(fast)
    return None if a is None or b is None else a.median / b.median


def _cpu_ratio(record: Record, slow: str, fast: str) -> str:
    a, b = record.ok(slow), record.ok(fast)
    if a is None or b is None or a.cpu is None or not b.cpu:
        return "median times"
    return f"median times (CPU time: {a.cpu / b.cpu:.2f}x)"


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def budgets(record: Record) -> list[Budget]:
    """Every budget, from the run's medians."""
    size = record.settings.batch_size
    found = []
    ratio = _ratio(record, "hirecli_help", "hello_help")
    found.append(
        Budget(
            "`hirecli --help` vs Typer hello-world `--help`",
            "<= 1.10x",
            ratio,
            _at_most(ratio, 1.10),
            _cpu_ratio(record, "hirecli_help", "hello_help"),
        )
    )
    ratio = _ratio(record, "posting", "hello_run")
    found.append(
        Budget(
            "`hirecli posting` vs Typer hello-world run",
            "<= 1.20x",
            ratio,
            _at_most(ratio, 1.20),
            _cpu_ratio(record, "posting", "hello_run"),
        )
    )
    docx, pandoc = record.ok("docx_batch"), record.ok("pandoc")
    speed = None
    if docx and pandoc:
        speed = (record.counts["docx_batch"] / docx.median) / (record.counts["pandoc"] / pandoc.median)
    found.append(
        Budget(
            "DOCX documents per second: hirecli batch vs pandoc per document",
            ">= 10x",
            speed,
            _at_least(speed, 10),
            f"{size:,}-role batch of postings, --jobs 1",
        )
    )
    ratio = _ratio(record, f"export_{size}_j1", f"export_{size}_j2")
    free = f"; free-core check {min(record.speedups):.2f}x" if record.speedups else ""
    found.append(
        Budget(
            "`--jobs 2` speed-up over `--jobs 1`",
            ">= 1.6x",
            ratio,
            _at_least(ratio, 1.6),
            f"{size:,}-role export{free}",
        )
    )
    ordered = sorted(record.settings.sizes)
    if len(ordered) >= 2:
        small, large = ordered[-2], ordered[-1]
        ratio = _ratio(record, f"export_{large}_j1", f"export_{small}_j1")
        limit = 1.1 * large / small
        found.append(
            Budget(
                f"{large / small:g}x the roles: time ratio",
                f"<= {limit:.1f}x",
                ratio,
                _at_most(ratio, limit),
                f"{small:,} vs {large:,} roles, --jobs 1",
            )
        )
    else:
        found.append(Budget("10x the roles: time ratio", "<= 11x", None, None, "needs two sizes"))
    found += _memory_growth(record)
    found.append(_lint(record))
    memory = record.ok(f"export_{size}_j1")
    mb = memory.rss_mb if memory else None
    found.append(
        Budget(
            f"Peak memory of a {size:,}-role export",
            "< 200 MB",
            mb,
            None if mb is None else mb < 200,
            "max RSS, --jobs 1",
            unit="MB",
        )
    )
    return found


def _tree_mb(record: Record, key: str) -> float | None:
    result = record.ok(key)
    return None if result is None or not result.tree else result.tree["total"] / 1024


def _memory_growth(record: Record) -> list[Budget]:
    """Peak memory of every process of an export at the largest size next to the size before:
    from a --memory run when one was merged, else from the timed exports."""
    memory = sorted({int(key.split("_")[1]) for key in record.results if key.startswith("memory_")})
    prefix = "memory" if len(memory) >= 2 else "export"
    ordered = memory if len(memory) >= 2 else sorted(record.settings.sizes)
    if len(ordered) < 2:
        return [Budget("Peak memory, more roles", "<= 1.2x", None, None, "needs two sizes")]
    small, large = ordered[-2], ordered[-1]
    found: list[Budget] = []
    for jobs in (1, 2):
        a = _tree_mb(record, f"{prefix}_{large}_j{jobs}")
        b = _tree_mb(record, f"{prefix}_{small}_j{jobs}")
        ratio = None if a is None or b is None else a / b
        shown = "" if a is None or b is None else f": {a:.0f} MB vs {b:.0f} MB"
        found.append(
            Budget(
                f"Peak memory of every process, {large:,} vs {small:,} roles, `--jobs {jobs}`",
                "<= 1.2x",
                ratio,
                _at_most(ratio, 1.2),
                f"full export, sampled every 50 ms{shown}",
                unit="x3",
            )
        )
    return found


def _lint(record: Record) -> Budget:
    """Lint of 1,000 role files, and how it compares with linting their 1,000 postings."""
    size = record.settings.batch_size
    roles, postings = record.ok("lint_batch"), record.ok("lint_postings")
    seconds = None if roles is None else roles.median * 1000 / size
    detail = f"median of {size:,} role files" + (", scaled to 1,000" if size != 1000 else "")
    if roles is not None and postings is not None:
        detail += f"; {roles.median / postings.median:.2f}x the time of their {size:,} Markdown postings"
    return Budget(
        "Lint of 1,000 role files",
        "<= 10 s",
        seconds,
        _at_most(seconds, 10.0),
        detail,
        unit="s",
    )
