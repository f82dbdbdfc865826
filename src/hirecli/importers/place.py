"""Putting each block where it belongs in a role, and saying so in the report.

Facts ("Label: value" lines, pay, a line like "Full-time | Remote") are taken wherever
they stand; list items follow the rules in :mod:`hirecli.importers.route`; what is
inferred once every line is placed is :mod:`hirecli.importers.finish`'s. Paragraphs
in a list section become items only when the section has no bullets; otherwise they
go to notes. Text that fits nowhere goes to notes (or, when the role has no summary,
the text at the top becomes the summary); navigation is left out. Every decision is
listed in the report, and a line no rule placed is still kept in notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from hirecli.importers import fields, leftovers, location, titles
from hirecli.importers.draft import Draft
from hirecli.importers.facts import Facts
from hirecli.importers.finish import Prose, finish
from hirecli.importers.lines import Block
from hirecli.importers.report import Aside, ImportReport, SectionLine
from hirecli.importers.route import EXPERIENCE, LIST_KINDS, ROUTED_KINDS, route
from hirecli.importers.sections import Segment
from hirecli.importers.vocab import word_pattern


def _variable_pay(text: str) -> bool:
    return bool(word_pattern("vocabulary", "variable_pay").search(text))


class Placer:
    """Walks the segments and fills a :class:`Draft`, recording every decision."""

    def __init__(self, report: ImportReport, title_hint: str | None = None) -> None:
        self.draft = Draft(unit=report.unit)
        self.report = report
        self.facts = Facts(self.draft, report, self._count, self._note)
        self.title_hint = title_hint
        self.prose: list[tuple[int, str]] = []
        self.other_prose: list[tuple[int, str, SectionLine]] = []
        self.line: SectionLine | None = None
        self.segment: Segment | None = None
        self.block: Block | None = None
        self.top: SectionLine | None = None
        self.placed: set[int] = set()
        self.noted: set[int] = set()
        self.unplaced: list[tuple[Segment, Block]] = []

    # ---- the walk ---------------------------------------------------------------

    def run(self, segments: list[Segment]) -> Draft:
        has_summary = any(
            s.kind == "summary" and any(b.kind == "paragraph" for b in s.blocks) for s in segments
        )
        for segment in segments:
            self.segment = segment
            self.line = SectionLine(
                segment.title,
                segment.heading.pos if segment.heading else None,
                segment.kind,
                segment.confidence,
                segment.how,
                segment.parent,
            )
            if segment.kind == "preamble":
                self.top = self.line
            handler = self._handler(segment.kind)
            handler(segment)
            if segment.heading is not None or self.line.placed:
                self.report.sections.append(self.line)
        for segment, block in self.unplaced:
            self.segment, self.block, self.line = segment, block, None
            self._note(block, "not placed by any rule (kept so that nothing is lost)")
            self.report.warn(f"{self.report.unit} {block.pos}: a line no rule placed was kept in notes")
        finish(
            self.draft,
            self.report,
            self.title_hint,
            has_summary,
            Prose(self.top, self.prose, self.other_prose),
        )
        return self.draft

    def _handler(self, kind: str) -> Callable[[Segment], None]:
        if kind == "preamble":
            return self._preamble
        if kind == "summary":
            return self._summary
        if kind in ("compensation", "location", "schedule", "employment_type"):
            return self._facts_section
        if kind in LIST_KINDS or kind in ROUTED_KINDS:
            return self._list
        return self._notes_section

    def _each(self, segment: Segment) -> Iterator[Block]:
        """The segment's blocks; each must be counted somewhere before the next one."""
        for block in segment.blocks:
            self.block = block
            yield block
            if id(block) not in self.placed:
                self.unplaced.append((segment, block))

    def _count(self, path: str) -> None:
        if self.line is not None:
            self.line.placed[path] += 1
        if self.block is not None:
            self.placed.add(id(self.block))

    def _note(self, block: Block, why: str) -> None:
        if id(block) in self.noted:
            return
        self.noted.add(id(block))
        heading = self.segment.heading.text if self.segment and self.segment.heading else None
        self.draft.notes.append((heading, block.kind, block.text, block.pos))
        self.report.notes.append(Aside(block.pos, block.text, why))
        self._count("notes")

    def _drop(self, block: Block) -> None:
        why = (
            "e-mail header, greeting or signature" if block.cue == "email" else "navigation or page furniture"
        )
        self.report.dropped.append(Aside(block.pos, block.text, why))
        self._count("left out")

    # ---- sections -----------------------------------------------------------------

    def _preamble(self, segment: Segment) -> None:
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._top_fact(block) or self._placed_elsewhere(block, "preamble") or self._employer(block):
                continue
            elif block.kind == "paragraph" or block.kind == "heading":
                self.prose.append((block.pos, block.text))
                self._count("summary or notes")
            else:
                self._note(block, "a list before any section heading")

    def _summary(self, segment: Segment) -> None:
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block) or self._placed_elsewhere(block, "summary"):
                continue
            elif block.kind == "paragraph":
                self.draft.summary.append(block.text)
                self._count("summary")
            elif leftovers.is_duty(block.text):
                self._put("responsibilities.primary", block.text)
            else:
                self._note(block, f"a list item under {segment.title!r}")

    def _list(self, segment: Segment) -> None:
        bullets = any(b.kind == "bullet" for b in segment.blocks)
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block) or self._variable(block) or self._placed_elsewhere(block, segment.kind):
                continue
            elif block.kind == "bullet" or (not bullets and not block.text.endswith(":")):
                self._item(segment.kind, block)
            else:
                self._note(block, f"a paragraph among the list items of {segment.title!r}")

    def _facts_section(self, segment: Segment) -> None:
        schedule: list[Block] = []
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block) or self._variable(block) or self._placed_elsewhere(block, segment.kind):
                continue
            elif segment.kind == "schedule" and self.draft.schedule is None:
                schedule.append(block)
                self._count("schedule")
            elif not self._section_fact(segment, block):
                self._note(block, f"under {segment.title!r} but not understood as {segment.kind}")
        if schedule:
            self.draft.schedule = "; ".join(b.text.rstrip(".") for b in schedule)
            self.report.fact("schedule", self.draft.schedule, schedule[0].pos, "under a schedule heading")

    def _section_fact(self, segment: Segment, block: Block) -> bool:
        """A line under a location, employment type or pay heading, read as that fact."""
        if segment.kind == "location":
            place = location.parse_location(block.text, labeled=True)
            if place and not place.leftover:
                self.facts.set_place(place, block, "under a location heading")
                return True
        elif segment.kind == "employment_type":
            kind = fields.employment_type(block.text)
            how = "under its own heading"
            return bool(kind) and self.facts.set_field("employment_type", kind, block, how)
        elif segment.kind == "compensation" and _variable_pay(block.text):
            self.draft.variable_pay.append(block.text)
            self.report.fact(
                "compensation.variable_pay",
                block.text,
                block.pos,
                "mentions bonus or commission under a pay heading",
            )
            self._count("compensation.variable_pay")
            return True
        return False

    def _notes_section(self, segment: Segment) -> None:
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block) or self._placed_elsewhere(block, segment.kind):
                continue
            else:
                if segment.kind == "other" and block.kind == "paragraph" and self.line is not None:
                    self.other_prose.append((block.pos, block.text, self.line))
                self._note(block, f"under {segment.title!r}, a heading with no place in a role")

    def _placed_elsewhere(self, block: Block, kind: str) -> bool:
        """Text about the employer, equal opportunity or applying: offered for the company
        profile (in the report), since it is the same for every role of the employer."""
        text = block.text
        if kind == "equal_opportunity" or leftovers.is_eeo(text):
            self.report.suggest_company("eeo_statement", text, block.pos, "equal opportunity statement")
            self._count("company profile (eeo_statement)")
            return True
        if kind == "apply" or leftovers.is_apply(text):
            for key, value in leftovers.contacts(text):
                self.report.suggest_company(f"apply_{key}", value, block.pos, "how to apply")
            self.report.dropped.append(
                Aside(
                    block.pos,
                    text,
                    "how to apply: the company profile's apply url or email says it in every posting",
                )
            )
            self._count("company profile (apply)")
            return True
        if kind == "company":
            self.report.suggest_company("about", text, block.pos, "about the employer")
            self._count("company profile (about)")
            return True
        return False

    # ---- items ----------------------------------------------------------------------

    def _variable(self, block: Block) -> bool:
        """A pay differential, bonus or commission line outside a pay section: variable pay."""
        if block.kind == "heading" or not leftovers.is_variable_pay(block.text):
            return False
        self.draft.variable_pay.append(block.text)
        self.report.fact(
            "compensation.variable_pay", block.text, block.pos, "a pay differential, bonus or commission"
        )
        self._count("compensation.variable_pay")
        return True

    def _top_fact(self, block: Block) -> bool:
        """At the top, besides labels and pay: a line of facts, the title, a line of tags.
        Before the title is known, a line like "Home Health Aide - Per Diem" is the title
        (with its employment type), not a company name and a type."""
        facts = self.facts
        if self.draft.title is None and block.kind != "bullet":
            title, place, kind = titles.clean_title(block.text)
            if (
                (place or kind)
                and title != block.text.strip()
                and location.parse_location(title) is None
                and not fields.split_label(block.text)
                and facts.title(block)
            ):
                return True
        return facts.meta(block) or self._fact(block) or facts.title(block) or facts.tags(block)

    def _employer(self, block: Block) -> bool:
        """A short line in Title Case right under the title ("Cedar & Pine Home Goods"):
        the employer's name, offered for the company profile."""
        text = block.text.strip()
        words = text.split()
        if (
            self.draft.title is None
            or self.draft.summary
            or self.prose
            or "name" in self.report.company
            or block.kind != "paragraph"
            or not 1 <= len(words) <= 6
            or re.search(r"[.!?:;,]$", text)
            or not all(w[0].isupper() or w in ("&", "and", "of", "the", "de", "+") for w in words)
        ):
            return False
        self.report.suggest_company("name", text, block.pos, "a short line under the title (the employer?)")
        self._count("company profile (name)")
        return True

    def _fact(self, block: Block) -> bool:
        pay_section = self.segment is not None and self.segment.kind == "compensation"
        return self.facts.fact(block, pay_section=pay_section)

    def _item(self, kind: str, block: Block) -> None:
        path = route(kind, block.text, have_experience=self.draft.exp_description is not None)
        if path == EXPERIENCE:
            self._experience(block.text, block)
        else:
            self._put(path, block.text)

    def _put(self, path: str, text: str) -> None:
        if text in self.draft.lists.get(path, []):
            pos = self.block.pos if self.block else 0
            self.report.dropped.append(Aside(pos, text, f"repeats an item already in {path}"))
            self._count("left out")
            return
        self.draft.add(path, text)
        self.draft.where.setdefault(text, self.block.pos if self.block else 0)
        self._count(path)

    def _experience(self, text: str, block: Block) -> None:
        if self.draft.exp_description is not None:
            self._put("qualifications.required", text)
            return
        years = fields.experience_years(text) or (None, None)
        low, high = years
        if (low is not None and not 0 <= low <= 60) or (high is not None and not 0 <= high <= 60):
            low = high = None
        if low is not None and high is not None and high < low:
            low, high = high, low
        self.draft.exp_description = text
        self.draft.where.setdefault(text, block.pos)
        self.draft.exp_min, self.draft.exp_max = low, high
        span = f"{low}-{high} years" if high is not None else (f"{low}+ years" if low is not None else "")
        how = (
            "a line stating years of experience"
            if span
            else (
                "a line about experience, without years"
                if fields.mentions_years(text)
                else "the first line under an experience heading"
            )
        )
        self.report.fact("experience", span or text, block.pos, how)
        self._count("experience")
