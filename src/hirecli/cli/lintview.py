"""Lint reports made fit to show: bounded in size, and safe on a terminal.

A finding quotes the posting's own words. A posting can hold escape sequences (clear the
screen, set the window title) and can be megabytes long; a finding must neither pass
those sequences to a terminal nor copy a whole paragraph into every line of a report.

- Every format shows a finding's text cut to :data:`MAX_TEXT` characters, and its excerpt
  to a window around it.
- At most :data:`MAX_PER_RULE` findings of one rule are listed per file; one more line
  says how many were left out (with the rule's severity, so ``--fail-on`` decides alike).
- In the formats read on a terminal or in a CI log (terminal, text, github) every control
  character or bidi override is shown as an escape (:mod:`hirecli.termsafe`). JSON and
  SARIF escape them themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from hirecli.lint.model import FileReport, Finding, Severity
from hirecli.termsafe import safe, safe_block

MAX_TEXT = 200
"""Characters of a finding's text that any report shows."""
MAX_PER_RULE = 100
"""Findings of one rule listed per file."""
WINDOW = 120
"""Characters of context kept on each side of a finding, for the terminal's excerpt."""
_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


def _cut(text: str, most: int = MAX_TEXT) -> str:
    if len(text) <= most:
        return text
    tail = most // 4
    return f"{text[: most - tail - 1]}…{text[-tail:]}"


def _finding(finding: Finding, terminal: bool) -> Finding:
    start = max(0, min(finding.start, len(finding.context)))
    end = min(len(finding.context), start + len(finding.text))
    left = finding.context[max(0, start - WINDOW) : start] if finding.context else ""
    right = finding.context[end : end + WINDOW] if finding.context else ""
    text = _cut(finding.text)
    clean = safe if terminal else (lambda value: value)
    block = safe_block if terminal else (lambda value: value)
    shown_left, shown_text, shown_right = clean(left), clean(text), clean(right)
    context = shown_left + shown_text + shown_right if finding.context else ""
    return replace(
        finding,
        message=clean(_cut(finding.message, 4 * MAX_TEXT)),
        text=shown_text,
        file=clean(finding.file),
        why=block(finding.why),
        suggestion=block(_cut(finding.suggestion, 4 * MAX_TEXT)),
        field=clean(finding.field) if finding.field is not None else None,
        context=context,
        start=len(shown_left) if finding.context else 0,
    )


def _left_out(rule: str, findings: list[Finding], file: str, terminal: bool) -> Finding:
    first = findings[0]
    worst = min((f.severity for f in findings), key=lambda s: _ORDER.get(s, 3))
    return Finding(
        rule,
        first.category,
        worst,
        f"and {len(findings):,} more {rule} finding{'s' * (len(findings) != 1)} in this file, not "
        f"listed (at most {MAX_PER_RULE} of one rule are)",
        "",
        safe(file) if terminal else file,
        first.line,
        first.column,
        first.why,
        first.suggestion,
        first.field,
    )


def prepare(reports: Sequence[FileReport], fmt: str) -> list[FileReport]:
    """``reports`` as they are shown in ``fmt`` (terminal, text, github, json or sarif)."""
    terminal = fmt in ("terminal", "text", "github")
    shown: list[FileReport] = []
    for report in reports:
        counts: Counter[str] = Counter()
        kept: list[Finding] = []
        left: dict[str, list[Finding]] = {}
        for finding in report.findings:
            counts[finding.rule] += 1
            if counts[finding.rule] > MAX_PER_RULE:
                left.setdefault(finding.rule, []).append(finding)
            else:
                kept.append(_finding(finding, terminal))
        kept += [_left_out(rule, found, report.file, terminal) for rule, found in left.items()]
        stats = dict(report.stats)
        notes = stats.get("notes")
        if terminal and isinstance(notes, list):
            stats["notes"] = [safe(note) for note in notes]
        shown.append(
            replace(report, file=safe(report.file) if terminal else report.file, findings=kept, stats=stats)
        )
    return shown
