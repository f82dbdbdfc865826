"""A diff report as people read it: plain text for a terminal, Markdown for a pull-request
comment, or JSON for a script."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from hirecli.diff import DiffReport, LineChange


def _summary(report: DiffReport) -> str:
    counts = report.counts()
    parts = [f"{counts[k]} {k}" for k in ("changed", "added", "removed") if counts[k]]
    return (", ".join(parts) or "no role changed") + f"; {counts['unchanged']} unchanged"


def _tally(changes: Sequence[LineChange]) -> str:
    counts = {k: sum(1 for c in changes if c.kind == k) for k in ("added", "removed", "changed")}
    return ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no change"


def _value(text: str | None) -> str:
    return text if text is not None else "(none)"


def to_text(report: DiffReport) -> str:
    """For people at a terminal: each changed role, its key facts, then its lines."""
    out: list[str] = []
    for role in report.roles:
        if role.status == "unchanged":
            continue
        where = role.new or role.old
        out.append(f"{role.title} ({role.role_id}): {role.status}  [{where}]")
        for item in role.highlights:
            out.append(f"  {item.field}: {_value(item.old)} -> {_value(item.new)}")
        for label, changes in (("posting", role.posting), ("interview kit", role.kit)):
            if not changes:
                continue
            out.append(f"  {label}: {_tally(changes)}")
            section = None
            for change in changes:
                if change.section != section:
                    section = change.section
                    out.append(f"    @@ {section} @@")
                if change.kind == "added":
                    out.append(f"    + {change.new}")
                elif change.kind == "removed":
                    out.append(f"    - {change.old}")
                else:
                    out.append(f"    - {change.old}")
                    out.append(f"    + {change.new}")
        out.append("")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def _md_cell(text: str | None) -> str:
    return "—" if text is None else text.replace("|", "\\|").replace("\n", " ")


def _fence(lines: list[str]) -> list[str]:
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    ticks = "`" * max(3, longest + 1)
    return [f"{ticks}diff", *lines, ticks]


def to_markdown(report: DiffReport) -> str:
    """For a pull-request comment: a summary, then per role its key facts and a diff block."""
    out = [f"## hirecli diff: {_summary(report)}", ""]
    for role in report.roles:
        if role.status == "unchanged":
            continue
        out += [f"### {_md_cell(role.title)} (`{role.role_id}`): {role.status}", ""]
        if role.highlights:
            out += ["| | before | after |", "|---|---|---|"]
            out += [
                f"| **{_md_cell(h.field)}** | {_md_cell(h.old)} | {_md_cell(h.new)} |"
                for h in role.highlights
            ]
            out.append("")
        for label, changes in (("Posting", role.posting), ("Interview kit", role.kit)):
            if not changes:
                continue
            out += [
                f"<details{' open' if label == 'Posting' else ''}><summary>{label}: "
                f"{_tally(changes)}</summary>",
                "",
            ]
            body: list[str] = []
            section = None
            for change in changes:
                if change.section != section:
                    section = change.section
                    body.append(f"@@ {section} @@")
                if change.old is not None:
                    body.append(f"- {change.old}")
                if change.new is not None:
                    body.append(f"+ {change.new}")
            out += [*_fence(body), "", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_json(report: DiffReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def rendered(report: DiffReport, fmt: str) -> str:
    renderers: dict[str, Callable[[DiffReport], str]] = {"text": to_text, "md": to_markdown, "json": to_json}
    return renderers[fmt](report)
