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


@dataclass(frozen=True, slots=True)
class SkillLine:
    """A skill read from a line of the ad: its name, kind, the line, and what it matched."""

    name: str
    kind: str
    pos: int
    line: str
    how: str
    competency: str = ""
    """The library competency it matched ("" when none: the kit drafts questions)."""


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
    company: dict[str, list[Aside]] = field(default_factory=dict)
    """What the ad says about the employer, for its company profile (company.yaml):
    name, about, eeo_statement, apply_url, apply_email, website."""
    skills: list[SkillLine] = field(default_factory=list)
    """Skills read from requirement and duty lines, each with the line it came from."""
    missing: list[str] = field(default_factory=list)
    """Facts a posting should have that the ad does not state (left out, not guessed)."""

    def suggest_company(self, key: str, value: str, pos: int, why: str) -> None:
        values = self.company.setdefault(key, [])
        if all(a.text != value for a in values):
            values.append(Aside(pos, value, why))

    def company_yaml(self) -> str:
        """The company profile suggestion as YAML lines, ready to merge into company.yaml."""
        from hirecli.importers.yamlout import Folded, dump_yaml

        data: dict[str, Any] = {}
        if "name" in self.company:
            data["name"] = self.company["name"][0].text
        if "website" in self.company:
            data["website"] = self.company["website"][0].text
        if "about" in self.company:
            data["about"] = Folded(" ".join(a.text for a in self.company["about"]))
        if "eeo_statement" in self.company:
            data["eeo_statement"] = Folded(" ".join(a.text for a in self.company["eeo_statement"]))
        apply = {
            key: self.company[f"apply_{key}"][0].text
            for key in ("url", "email")
            if f"apply_{key}" in self.company
        }
        if apply:
            data["apply"] = apply
        return dump_yaml(data) if data else ""

    def fact(self, name: str, value: object, pos: int, how: str) -> None:
        self.facts.append(FactLine(name, str(value), pos, how))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.fmt,
            "id": self.role_id,
            "sections": [
                {
                    "heading": s.heading,
                    self.unit: s.pos,
                    "read_as": s.kind,
                    "confidence": s.confidence,
                    "how": s.how,
                    "parent": s.parent,
                    "placed": dict(s.placed),
                }
                for s in self.sections
            ],
            "facts": [
                {"field": f.field, "value": f.value, self.unit: f.pos, "how": f.how} for f in self.facts
            ],
            "mended": [
                {self.unit: m.pos, "before": m.before, "after": m.after, "reason": m.reason, "sure": m.sure}
                for m in self.mends
            ],
            "left_out": [{self.unit: a.pos, "text": a.text, "why": a.why} for a in self.dropped],
            "notes": [{self.unit: a.pos, "text": a.text, "why": a.why} for a in self.notes],
            "warnings": list(self.warnings),
            "skills": [
                {
                    "name": k.name,
                    "kind": k.kind,
                    self.unit: k.pos,
                    "from": k.line,
                    "how": k.how,
                    "competency": k.competency or None,
                }
                for k in self.skills
            ],
            "missing": list(self.missing),
            "company_profile": {key: [a.text for a in values] for key, values in self.company.items()},
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
        if self.skills:
            out.append("Skills (from the lines they name them in)")
            width = max(len(k.name) for k in self.skills)
            for skill in self.skills:
                match = (
                    f" -> {skill.competency}"
                    if skill.competency
                    else " (not in the library: draft questions)"
                )
                out.append(
                    f"  {skill.name:<{width}}  {skill.kind}{match}  ({unit} {skill.pos}: "
                    f"{_short(skill.line, 50)!r}; {skill.how})"
                )
        if self.company:
            out.append("Company profile suggestion (merge into company.yaml; not part of the role)")
            out += [f"  {line}" for line in self.company_yaml().splitlines()]
        if self.missing:
            out.append("Not stated in the ad (left out, not guessed; add them if a posting should say)")
            out += [f"  {m}" for m in self.missing]
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
