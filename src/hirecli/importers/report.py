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
        """The report as plain text, one finding a line."""
        unit = self.unit
        out = [f"{self.source} -> {self.role_id or '(role)'} ({self.fmt})"]
        if self.facts:
            out.append("facts:")
            width = max(len(f.field) for f in self.facts)
            out += [f"  {f.field:<{width}}  {_short(f.value, 60)}  [{f'{unit} {f.pos}; ' if f.pos else ''}"
                    f"{f.how}]" for f in self.facts]
        if self.sections:
            out.append("sections (confidence; where the lines went):")
            width = max(len(f"{unit} {s.pos}") for s in self.sections)
            for s in self.sections:
                where = ", ".join(f"{path} {count}" for path, count in s.placed.items()) or "nothing"
                name = f"{s.parent} > {s.heading}" if s.parent else s.heading
                at = f"{unit} {s.pos}" if s.pos else "top"
                out.append(f"  {at:>{width}}  {_short(name, 48):<48}  {s.confidence:.1f}  {s.kind}: {where}"
                           + (f"  ({s.how})" if s.how and s.how != "exact" else ""))
        if self.mends:
            out.append("mended:")
            out += [f"  {unit} {m.pos}: {_short(m.before, 40)!r} -> {_short(m.after, 40)!r}: {m.reason}"
                    + ("" if m.sure else "  [check]") for m in sorted(self.mends, key=lambda m: m.pos)]
        if self.dropped:
            out.append("left out:")
            out += [f"  {unit} {a.pos}: {_short(a.text, 60)!r} ({a.why})" for a in self.dropped]
        if self.notes:
            out.append("kept in notes (no other place for them):")
            out += [f"  {unit} {a.pos}: {_short(a.text, 60)!r} ({a.why})" for a in self.notes]
        if self.warnings:
            out.append("warnings:")
            out += [f"  {w}" for w in self.warnings]
        return "\n".join(out) + "\n"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
