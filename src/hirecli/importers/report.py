"""What the importer did with each part of the input, for a person to check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hirecli.importers.mend import Mend


@dataclass(slots=True)
class SectionLine:
    """One heading of the input: what it was read as, with what confidence, and where its
    lines went."""

    heading: str
    pos: int | None
    kind: str
    confidence: float
    how: str
    parent: str | None = None
    placed: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class FactLine:
    field: str
    value: str
    pos: int
    how: str


@dataclass(frozen=True, slots=True)
class Aside:
    """A line left out (navigation) or kept in notes, and why."""

    pos: int
    text: str
    why: str


@dataclass(slots=True)
class ImportReport:
    source: str
    fmt: str
    unit: str = "line"
    role_id: str = ""
    sections: list[SectionLine] = field(default_factory=list)
    facts: list[FactLine] = field(default_factory=list)
    mends: list[Mend] = field(default_factory=list)
    dropped: list[Aside] = field(default_factory=list)
    notes: list[Aside] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fact(self, name: str, value: object, pos: int, how: str) -> None:
        self.facts.append(FactLine(name, str(value), pos, how))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "format": self.fmt, "id": self.role_id,
            "sections": [{"heading": s.heading, self.unit: s.pos, "read_as": s.kind,
                          "confidence": s.confidence, "how": s.how, "parent": s.parent,
                          "placed": dict(s.placed)} for s in self.sections],
            "facts": [{"field": f.field, "value": f.value, self.unit: f.pos, "how": f.how}
                      for f in self.facts],
            "mended": [{self.unit: m.pos, "before": m.before, "after": m.after, "reason": m.reason,
                        "sure": m.sure} for m in self.mends],
            "left_out": [{self.unit: a.pos, "text": a.text, "why": a.why} for a in self.dropped],
            "notes": [{self.unit: a.pos, "text": a.text, "why": a.why} for a in self.notes],
            "warnings": list(self.warnings),
        }

    def render(self) -> str:
        """The report as plain text, one finding a line, for a person to check."""
        unit = self.unit
        out = [f"{self.source} -> {self.role_id or '(no role)'} (read as {self.fmt})"]
        if self.facts:
            out.append("Facts")
            width = max(len(f.field) for f in self.facts)
            for fact in self.facts:
                where = f"{unit} {fact.pos}: " if fact.pos else ""
                out.append(f"  {fact.field:<{width}}  {_short(fact.value, 48)}  ({where}{fact.how})")
        if self.sections:
            width = max(len(f"{unit} {s.pos}") for s in self.sections)
            room = max(_NAME - width, 24)
            out.append(f"{'Sections':<{width + room + 4}}  confidence  went to")
            for s in self.sections:
                went = ", ".join(f"{path} ({count})" for path, count in s.placed.items()) or "-"
                name = f"{s.parent} > {s.heading}" if s.parent else s.heading
                at = f"{unit} {s.pos}" if s.pos else "top"
                how = f"  [{s.how}]" if s.how and s.how != "exact" else ""
                name = _short(name, room)
                out.append(f"  {at:>{width}}  {name:<{room}}  {s.confidence:>10.1f}  {went}{how}")
        if self.mends:
            out.append("Mended")
            for mend in sorted(self.mends, key=lambda m: m.pos):
                before, after = _around_change(mend.before, mend.after)
                change = f"{before!r} -> {after!r}" if before != after else f"{before!r}"
                doubt = "" if mend.sure else "  [check]"
                out.append(f"  {unit} {mend.pos}: {change}: {mend.reason}{doubt}")
        if self.dropped:
            out.append("Left out")
            out += [f"  {unit} {a.pos}: {_short(a.text, 60)!r} ({a.why})" for a in self.dropped]
        if self.notes:
            out.append("Kept in notes")
            out += [f"  {unit} {a.pos}: {_short(a.text, 60)!r} ({a.why})" for a in self.notes]
        if self.warnings:
            out.append("Warnings")
            out += [f"  {w}" for w in self.warnings]
        return "\n".join(out) + "\n"


_NAME = 58
"""Columns for a section's line number and heading in the text report."""


def _around_change(before: str, after: str, context: int = 14, limit: int = 36) -> tuple[str, str]:
    """The part of two texts around where they first differ, so a small mend stays visible."""
    if before == after:
        return _short(before, limit), _short(after, limit)
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    start = max(0, start - context)
    lead = "…" if start else ""
    return lead + _short(before[start:], limit), lead + _short(after[start:], limit)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
