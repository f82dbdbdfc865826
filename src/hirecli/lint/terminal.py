"""The lint report drawn for a person at a terminal.

A summary of findings by category as a small bar chart, the gender-coded balance as
a scale, then each finding with its excerpt highlighted. Everything that comes from a
posting is added as plain :class:`rich.text.Text`, never parsed as markup, so a role
that says "[bold]" prints "[bold]".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hirecli.lint.model import FileReport, Finding, GenderBalance, Severity
from hirecli.lint.report import totals
from hirecli.lint.rules import categories

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

STYLES = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
ICONS = {Severity.error: "✖", Severity.warning: "▲", Severity.info: "●"}
BAR_WIDTH = 28
SCALE_HALF = 10
EXCERPT_SIDE = 32
EXCERPT_MATCH = 56


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _counts_text(counts: dict[str, int]) -> Text:
    from rich.text import Text

    text = Text()
    parts = [
        (counts["error"], "error", Severity.error),
        (counts["warning"], "warning", Severity.warning),
        (counts["info"], "note", Severity.info),
    ]
    for index, (count, word, severity) in enumerate(parts):
        if index:
            text.append(", ")
        text.append(_plural(count, word), style=STYLES[severity] if count else "dim")
    return text


def category_chart(findings: Sequence[Finding]) -> Text:
    """One bar per category that has findings, coloured by its worst severity."""
    from rich.text import Text

    by_category = Counter(f.category for f in findings)
    worst: dict[str, Severity] = {}
    for finding in findings:
        current = worst.get(finding.category)
        if current is None or finding.severity.rank > current.rank:
            worst[finding.category] = finding.severity
    order = [c for c in categories() if c in by_category]
    width = max((len(c) for c in order), default=0)
    most = max(by_category.values(), default=1)
    chart = Text()
    for name in order:
        count = by_category[name]
        length = max(1, round(BAR_WIDTH * count / most))
        chart.append(f"  {name.ljust(width)} ")
        chart.append("█" * length, style=STYLES[worst[name]])
        chart.append(f" {count}\n")
    return chart


def gender_scale(gender: GenderBalance) -> list[RenderableType]:
    """The balance of masculine- and feminine-coded words as a marker on a scale, then the words."""
    from rich.text import Text

    score = max(-SCALE_HALF, min(SCALE_HALF, gender.score))
    scale = Text("  masculine ")
    for step in range(-SCALE_HALF, SCALE_HALF + 1):
        if step == score:
            scale.append("●", style="bold magenta")
        elif step == 0:
            scale.append("┼", style="dim")
        else:
            scale.append("─", style="blue" if step < 0 else "green")
    scale.append(" feminine   ")
    scale.append(f"{gender.verdict} ({gender.score:+d})", style="bold")
    lines: list[RenderableType] = [scale]
    for label, counts in (("feminine", gender.feminine), ("masculine", gender.masculine)):
        if counts:
            words = ", ".join(
                f"{_stem(stem)} ×{n}" if n > 1 else _stem(stem)
                for stem, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            )
            line = Text(f"{label}-coded: ", style="dim")
            line.append(words, style="")
            lines.append(_indented(line, indent=2))
    return lines


def _stem(stem: str) -> str:
    """A stem as the paper writes it: "collab-" for a prefix, "active" for a whole word."""
    from hirecli.lint.gender import stem_of

    return stem if stem_of(stem) is not None else f"{stem}-"


def figures(stats: dict[str, object]) -> Text | None:
    """The measurements behind the structure and pay checks, on one line."""
    from rich.text import Text

    parts = []
    if isinstance(stats.get("words"), int):
        parts.append(f"{stats['words']:,} words")
    if isinstance(stats.get("reading_ease"), float):
        parts.append(f"reading ease {stats['reading_ease']:.0f}")
    lists = stats.get("lists")
    if isinstance(lists, list) and lists:
        parts.append(f"{_plural(len(lists), 'list')} (longest {max(lists)})")
    needs = stats.get("requirements")
    if isinstance(needs, dict):
        parts.append(f"{needs['must_have']} must-have / {needs['preferred']} nice-to-have")
    if isinstance(stats.get("pay"), str):
        parts.append(f"pay: {stats['pay']}")
    laws = stats.get("jurisdictions")
    if isinstance(laws, list) and laws:
        parts.append("laws: " + ", ".join(f"{law['name']} (checked {law['checked']})" for law in laws))
    return Text(" · ".join(parts), style="dim") if parts else None


def excerpt(finding: Finding) -> Text | None:
    """The finding's text in its sentence, highlighted, cut to a line's length."""
    from rich.text import Text

    if not finding.text or not finding.context:
        return None
    start, end = finding.start, finding.start + len(finding.text)
    cut = min(end, start + EXCERPT_MATCH)
    left = max(0, start - EXCERPT_SIDE)
    right = min(len(finding.context), end + EXCERPT_SIDE) if cut == end else cut
    shown = Text("    ")
    shown.append("…" if left else "", style="dim")
    shown.append(finding.context[left:start])
    shown.append(finding.context[start:cut], style=f"{STYLES[finding.severity]} reverse")
    shown.append(finding.context[cut:right])
    shown.append("…" if right < len(finding.context) else "", style="dim")
    return shown


def _indented(text: str | Text, style: str = "", *, indent: int = 4) -> RenderableType:
    """Text that keeps its indent when it wraps."""
    from rich.padding import Padding
    from rich.text import Text

    body = text if isinstance(text, Text) else Text(text, style=style)
    return Padding(body, (0, 0, 0, indent))


def _finding(finding: Finding, home: str, explained: set[str]) -> list[RenderableType]:
    from rich.text import Text

    where = f"{finding.line}:{finding.column}"
    if finding.file != home:
        where = f"{finding.file}:{where}"
    head = Text("  ")
    head.append(f"{ICONS[finding.severity]} {finding.severity.value}", style=STYLES[finding.severity])
    head.append(f"  {where}  ", style="dim")
    head.append(finding.rule, style="bold")
    lines: list[RenderableType] = [head, _indented(finding.message)]
    shown = excerpt(finding)
    if shown is not None:
        lines.append(shown)
    if finding.suggestion:
        lines.append(_indented("→ " + finding.suggestion, "green"))
    if finding.rule not in explained:
        explained.add(finding.rule)
        lines.append(_indented("why: " + finding.why, "dim italic"))
    return lines


def file_report(report: FileReport) -> list[RenderableType]:
    from rich.rule import Rule
    from rich.text import Text

    counts = {s.value: report.count(s) for s in Severity}
    title = Text(report.file, style="bold")
    title.append("  ")
    title.append_text(_counts_text(counts))
    parts: list[RenderableType] = [Rule(title, align="left")]
    measured = figures(report.stats)
    if measured is not None:
        parts.append(_indented(measured, indent=2))
    if report.findings:
        parts += [Text("Findings by category", style="bold underline"), category_chart(report.findings)]
    gender = report.gender
    if gender.feminine or gender.masculine:
        parts.append(Text("Gender-coded wording (Gaucher et al. 2011)", style="bold underline"))
        parts += gender_scale(gender)
    if report.findings:
        parts.append(Text("Findings", style="bold underline"))
        explained: set[str] = set()
        for finding in report.findings:
            parts += _finding(finding, report.file, explained)
    else:
        parts.append(Text("  No findings.", style="green"))
    notes = report.stats.get("notes")
    if isinstance(notes, list):
        parts += [Text(f"  note: {note}", style="dim") for note in notes]
    return parts


def print_reports(reports: Sequence[FileReport], console: Console) -> None:
    from rich.text import Text

    for report in reports:
        for part in file_report(report):
            console.print(part)
        console.print()
    if len(reports) > 1:
        summary = totals(reports)
        line = Text(f"{_plural(summary['files'], 'file')}: ", style="bold")
        line.append_text(_counts_text(summary))
        console.print(line)
