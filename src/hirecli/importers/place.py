"""Putting each block where it belongs in a role, and saying so in the report.

Routing rules for items under a generic requirements heading ("Requirements",
"Qualifications", "What we're looking for", "Education & Experience"):

1. a line that states a length of experience ("3+ years", "at least two years",
   "2-7 years") is experience: the first sets experience.min_years/max_years and
   experience.description, later ones stay in qualifications.required;
2. else a line that names a school credential (degree, diploma, bachelor's, GED,
   high school, ...) is education.minimum;
3. anything else, licences and certifications included, is qualifications.required.

Under a "Preferred"/"Nice to have" heading the same rules fill experience.preferred,
education.preferred and qualifications.preferred. Items under an explicit Education or
Experience heading stay there, whatever they say. Lists under "Hard Skills" and "Soft
Skills" go to skills.hard and skills.soft; a plain "Skills" list is split by a word
list of soft skills (communication, empathy, ...). Paragraphs in a list section become
items only when the section has no bullets; otherwise they go to notes. Text that fits
nowhere goes to notes (or, when the role has no summary, the text at the top becomes
the summary); navigation is left out. Every decision is listed in the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from hirecli.importers import fields
from hirecli.importers.lines import Block
from hirecli.importers.money import Pay, dollar_currency, find_pay
from hirecli.importers.report import Aside, ImportReport, SectionLine
from hirecli.importers.sections import Segment
from hirecli.importers.vocab import word_pattern

LIST_KINDS = {
    "responsibilities": "responsibilities.primary",
    "responsibilities.primary": "responsibilities.primary",
    "responsibilities.secondary": "responsibilities.secondary",
    "skills.hard": "skills.hard",
    "skills.soft": "skills.soft",
    "education": "education.minimum",
    "education.minimum": "education.minimum",
    "education.preferred": "education.preferred",
    "education.fields_of_study": "education.fields_of_study",
    "experience.preferred": "experience.preferred",
    "benefits": "benefits",
    "career_path": "career_path.advancement",
    "career_path.entry_points": "career_path.entry_points",
    "career_path.advancement": "career_path.advancement",
    "career_path.lateral_moves": "career_path.lateral_moves",
}
ROUTED_KINDS = frozenset({"requirements", "preferred", "education_experience", "skills", "experience"})
_WORKPLACE_SENTENCE = re.compile(
    r"\b(?P<remote>fully remote|remote (?:role|position|job)|work(?:ing)? remotely|work from home)\b"
    r"|\b(?P<hybrid>hybrid (?:role|position|job|schedule|model|working))\b"
    r"|\b(?P<onsite>on-?site (?:role|position|job)|in-person (?:role|position|job))\b", re.IGNORECASE)


def _variable_pay(text: str) -> bool:
    return bool(word_pattern("vocabulary", "variable_pay").search(text))


@dataclass(slots=True)
class Draft:
    """The role as it is being assembled, before it is ordered and validated."""

    title: str | None = None
    tags: list[str] = field(default_factory=list)
    department: str | None = None
    reports_to: str | None = None
    openings: int | None = None
    employment_type: str | None = None
    schedule: str | None = None
    location: fields.Place = field(default_factory=fields.Place)
    pay: Pay | None = None
    variable_pay: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    exp_min: int | None = None
    exp_max: int | None = None
    exp_description: str | None = None
    notes: list[tuple[str | None, str, str]] = field(default_factory=list)
    """(heading, block kind, text) in document order."""

    def add(self, path: str, text: str) -> None:
        self.lists.setdefault(path, []).append(text)


class Placer:
    """Walks the segments and fills a :class:`Draft`, recording every decision."""

    def __init__(self, report: ImportReport, title_hint: str | None = None) -> None:
        self.draft = Draft()
        self.report = report
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
        has_summary = any(s.kind == "summary" and any(b.kind == "paragraph" for b in s.blocks)
                          for s in segments)
        for segment in segments:
            self.segment = segment
            self.line = SectionLine(segment.title, segment.heading.pos if segment.heading else None,
                                    segment.kind, segment.confidence, segment.how, segment.parent)
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
        self._finish(has_summary)
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
        self.draft.notes.append((heading, block.kind, block.text))
        self.report.notes.append(Aside(block.pos, block.text, why))
        self._count("notes")

    def _drop(self, block: Block) -> None:
        self.report.dropped.append(Aside(block.pos, block.text, "navigation or page furniture"))
        self._count("left out")

    # ---- sections -----------------------------------------------------------------

    def _preamble(self, segment: Segment) -> None:
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._meta(block) or self._fact(block) or self._title(block) or self._tags(block):
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
            elif self._fact(block):
                continue
            elif block.kind == "paragraph":
                self.draft.summary.append(block.text)
                self._count("summary")
            else:
                self._note(block, f"a list item under {segment.title!r}")

    def _list(self, segment: Segment) -> None:
        bullets = any(b.kind == "bullet" for b in segment.blocks)
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block):
                continue
            elif block.kind == "bullet" or (not bullets and not block.text.endswith(":")):
                self._item(segment.kind, block)
            else:
                self._note(block, f"a paragraph among the list items of {segment.title!r}")

    def _facts_section(self, segment: Segment) -> None:
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
                continue
            if self._fact(block):
                continue
            if segment.kind == "location":
                place = fields.parse_location(block.text, labeled=True)
                if place and not place.leftover:
                    self._set_place(place, block, "under a location heading")
                    continue
            elif segment.kind == "schedule" and self.draft.schedule is None:
                self.draft.schedule = "; ".join(b.text.rstrip(".") for b in segment.blocks
                                                if b.kind != "noise" and not self._is_pay(b))
                self.report.fact("schedule", self.draft.schedule, block.pos, "under a schedule heading")
                self._count("schedule")
                return
            elif segment.kind == "employment_type":
                kind = fields.employment_type(block.text)
                if kind and self._set("employment_type", kind, block, "under an employment type heading"):
                    continue
            elif segment.kind == "compensation" and _variable_pay(block.text):
                self.draft.variable_pay.append(block.text)
                self.report.fact("compensation.variable_pay", block.text, block.pos, "mentions bonus or "
                                 "commission under a pay heading")
                self._count("compensation.variable_pay")
                continue
            self._note(block, f"under {segment.title!r} but not understood as {segment.kind}")

    def _notes_section(self, segment: Segment) -> None:
        why = {"company": "about the company; it belongs in company.yaml",
               "apply": "how to apply", "equal_opportunity": "equal opportunity statement"}
        for block in self._each(segment):
            if block.kind == "noise":
                self._drop(block)
            elif self._fact(block):
                continue
            else:
                if segment.kind == "other" and block.kind == "paragraph" and self.line is not None:
                    self.other_prose.append((block.pos, block.text, self.line))
                self._note(block, why.get(segment.kind, f"under {segment.title!r}, a heading with no "
                                          "place in a role"))

    # ---- items ----------------------------------------------------------------------

    def _item(self, kind: str, block: Block) -> None:
        text = block.text
        if kind in ("requirements", "education_experience", "preferred"):
            preferred = kind == "preferred"
            if fields.mentions_years(text):
                if preferred:
                    self._put("experience.preferred", text)
                else:
                    self._experience(text, block)
            elif word_pattern("vocabulary", "education").search(text.replace("’", "'")):
                self._put("education.preferred" if preferred else "education.minimum", text)
            else:
                self._put("qualifications.preferred" if preferred else "qualifications.required", text)
        elif kind == "skills":
            soft = word_pattern("vocabulary", "soft_skills").search(text)
            self._put("skills.soft" if soft else "skills.hard", text)
        elif kind == "experience":
            if fields.mentions_years(text) or self.draft.exp_description is None:
                self._experience(text, block)
            else:
                self._put("qualifications.required", text)
        else:
            self._put(LIST_KINDS[kind], text)

    def _put(self, path: str, text: str) -> None:
        if text in self.draft.lists.get(path, []):
            pos = self.block.pos if self.block else 0
            self.report.dropped.append(Aside(pos, text, f"repeats an item already in {path}"))
            self._count("left out")
            return
        self.draft.add(path, text)
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
        self.draft.exp_min, self.draft.exp_max = low, high
        span = f"{low}-{high} years" if high is not None else (f"{low}+ years" if low is not None else "")
        how = "a line stating years of experience" if span else (
            "a line about experience, without years" if fields.mentions_years(text)
            else "the first line under an experience heading")
        self.report.fact("experience", span or text, block.pos, how)
        self._count("experience")

    # ---- facts ------------------------------------------------------------------------

    def _is_pay(self, block: Block) -> bool:
        pay = find_pay(block.text)
        return bool(pay and pay.pay_only)

    def _fact(self, block: Block) -> bool:
        """Consume a "Label: value" line or a line that is only pay."""
        if block.kind == "heading":
            return False
        label = fields.split_label(block.text)
        if label:
            name = fields.label_field(label[0])
            if name and self._labeled(name, label[1], block, f"label {label[0]!r}"):
                return True
        in_pay_section = self.segment is not None and self.segment.kind == "compensation"
        pay = find_pay(block.text, context=in_pay_section)
        if pay and (pay.pay_only or in_pay_section):
            return self._set_pay(pay, block)
        return False

    def _labeled(self, name: str, value: str, block: Block, how: str) -> bool:
        if name == "title":
            title = fields.clean_title(value)[0]
            return bool(fields.looks_like_title(title)) and self._set("title", title, block, how)
        if name == "compensation":
            pay = find_pay(value, context=True)
            return pay is not None and self._set_pay(pay, block)
        if name == "location":
            place = fields.parse_location(value, labeled=True)
            if place is None:
                return False
            self._set_place(place, block, how)
            if place.leftover:
                self._note(block, "part of the location line was not understood")
            return True
        if name == "workplace":
            found = fields.workplace(value)
            return found is not None and self._set_workplace(found, block, how)
        if name == "employment_type":
            kind = fields.employment_type(value)
            if kind is None or not self._set("employment_type", kind, block, how):
                return False
            if fields.employment_details(value):
                self._note(block, "says more than the employment type")
            return True
        if name == "openings":
            digits = re.fullmatch(r"\s*(\d{1,4})\b.*", value)
            return bool(digits and int(digits.group(1)) >= 1) and self._set(
                "openings", int(digits.group(1)) if digits else 0, block, how)
        if name == "tags":
            tags = fields.split_tags(value)
            return bool(tags) and self._set("tags", tags, block, how)
        if name in ("schedule", "department", "reports_to"):
            return self._set(name, value.strip(), block, how)
        return False

    def _set(self, name: str, value: object, block: Block, how: str) -> bool:
        current = getattr(self.draft, name)
        if current not in (None, []):
            if current == value:
                self._count(name)
                return True
            self.report.warn(f"{self.report.unit} {block.pos}: a second {name} ({value}) was found; "
                             f"the first ({current}) is used and the line is kept in notes")
            return False
        setattr(self.draft, name, value)
        shown = ", ".join(value) if isinstance(value, list) else value
        self.report.fact(name, shown, block.pos, how)
        self._count(name)
        return True

    def _set_pay(self, pay: Pay, block: Block) -> bool:
        if self.draft.pay is not None:
            if (pay.min, pay.max, pay.currency) == (self.draft.pay.min, self.draft.pay.max,
                                                    self.draft.pay.currency):
                self._count("compensation")
                return True
            self.report.warn(f"{self.report.unit} {block.pos}: a second pay statement ({pay.matched}) was "
                             "found; the first is used and the line is kept in notes")
            return False
        self.draft.pay = pay
        how = "period stated" if pay.period_stated else (
            "no period given: amounts under 500 read as hourly, others as yearly")
        if not pay.sign:
            how += "; no currency given: USD assumed"
        self.report.fact("compensation", _pay_text(pay), block.pos, how)
        if pay.min is None:
            self.report.warn(f"{self.report.unit} {block.pos}: open-ended pay ({block.text.strip()}); a role "
                             "needs a lowest amount, so compensation.min is left empty and the line "
                             "is kept in notes")
            self._note(block, "open-ended pay")
        if pay.variable:
            self.draft.variable_pay.append(pay.extra)
        self._count("compensation")
        return True

    def _set_workplace(self, value: str, block: Block, how: str) -> bool:
        if self.draft.location.workplace not in (None, value):
            self.report.warn(f"{self.report.unit} {block.pos}: the workplace is given as both "
                             f"{self.draft.location.workplace} and {value}; the first is used")
            self._note(block, "a workplace that contradicts an earlier one")
            return True
        if self.draft.location.workplace is None:
            self.draft.location.workplace = value
            self.report.fact("location.workplace", value, block.pos, how)
        self._count("location")
        return True

    def _set_place(self, place: fields.Place, block: Block, how: str) -> None:
        current = self.draft.location
        if current.city or current.country or current.remote_regions:
            if place.city or place.country or place.remote_regions:
                self.report.warn(f"{self.report.unit} {block.pos}: another location ({block.text.strip()}); "
                                 "the first is used")
        else:
            for name in ("city", "region", "country", "postal_code"):
                setattr(current, name, getattr(place, name))
            current.remote_regions = list(place.remote_regions)
            shown = ", ".join(str(v) for v in (place.city, place.region, place.country) if v)
            if place.remote_regions:
                shown = (shown + "; " if shown else "") + "applicants in " + ", ".join(place.remote_regions)
            if shown:
                self.report.fact("location", shown, block.pos, how)
        if place.workplace:
            self._set_workplace(place.workplace, block, how)
        else:
            self._count("location")

    def _title(self, block: Block) -> bool:
        if self.draft.title is not None:
            return False
        inner = fields.title_in(block.text)
        text = inner or block.text
        if not fields.looks_like_title(text) or fields.is_run_together(text):
            return False
        title, place, kind = fields.clean_title(text)
        if title.isupper() and len(title) > 4:
            title = fields.uncap(title)
            how_caps = "; written in capitals, shown in title case"
        else:
            how_caps = ""
        how = "inside the page heading" if inner else ("the first heading" if block.kind == "heading"
                                                       else "the first short line")
        self._set("title", title, block, how + how_caps)
        if place:
            self._set_workplace(place, block, "written after the title")
        if kind and self.draft.employment_type is None:
            self._set("employment_type", kind, block, "written after the title")
        return True

    def _tags(self, block: Block) -> bool:
        if self.draft.tags or not fields.is_run_together(block.text):
            return False
        return self._set("tags", fields.split_tags(block.text), block, "a line of tags run together")

    def _meta(self, block: Block) -> bool:
        """A line like "Full-time | Remote | Denver, CO": every part must be understood."""
        if block.kind == "heading" or fields.split_label(block.text):
            return False
        whole = fields.parse_location(block.text)
        found: list[str | fields.Place | Pay] = [whole] if whole else []
        pay = find_pay(block.text)
        text = block.text.replace(pay.matched, "\x00") if pay else block.text
        parts = [] if whole else [p.strip() for p in re.split(r"\s*[|·•]\s*|\s[-–—]\s", text) if p.strip()]
        unknown = []
        for part in parts:
            if pay and "\x00" in part:
                part_pay = find_pay(part.replace("\x00", pay.matched))
                if part_pay is None or not part_pay.pay_only:
                    return False
                found.append(part_pay)
                continue
            kind = fields.employment_type(part, whole=True) or (
                fields.employment_type(part) if len(part.split()) <= 3 else None)
            place = None if kind else fields.parse_location(part)
            if kind:
                found.append(kind)
            elif place:
                found.append(place)
            elif len(parts) > 1 and len(part.split()) <= 5:
                unknown.append(part)
            else:
                return False
        if not found:
            return False
        kept = True
        for value in found:
            if isinstance(value, str):
                kept = self._set("employment_type", value, block, "a line of job facts") and kept
            elif isinstance(value, Pay):
                kept = self._set_pay(value, block) and kept
            else:
                self._set_place(value, block, "a line of job facts")
        if not kept:
            self._note(block, "job facts that repeat or contradict earlier ones")
        elif unknown:
            rest = Block("paragraph", " · ".join(unknown), block.pos, block.end)
            self._note(rest, "part of a line of job facts that was not understood (a company name?)")
        return True

    # ---- the end ------------------------------------------------------------------------

    def _finish(self, has_summary: bool) -> None:
        draft = self.draft
        if draft.title is None and self.title_hint:
            title = fields.clean_title(re.split(r"\s+[|–—-]\s+", self.title_hint)[0])[0]
            if fields.looks_like_title(title):
                draft.title = title
                self.report.fact("title", title, 1, "the document's metadata title")
        moved = self.top.placed.pop("summary or notes", 0) if self.top else 0
        if moved and self.top:
            self.top.placed["notes" if has_summary else "summary"] += moved
        if not has_summary:
            if self.prose:
                source = self.prose
                where = "at the top"
            else:
                source = [(pos, text) for pos, text, _ in self.other_prose[:1]]
                where = "under an unknown heading"
                for _, _, line in self.other_prose[:1]:
                    line.placed["notes"] -= 1
                    line.placed["summary"] += 1
                    if line.placed["notes"] <= 0:
                        del line.placed["notes"]
            if source:
                draft.summary = [text for _, text in source]
                self.report.fact("summary", f"{len(source)} paragraph(s)", source[0][0],
                                 f"no summary heading: the text {where}")
                taken = {text for _, text in source}
                draft.notes = [n for n in draft.notes if n[2] not in taken]
                self.report.notes = [a for a in self.report.notes if a.text not in taken]
        else:
            for pos, text in self.prose:
                draft.notes.append((None, "paragraph", text))
                self.report.notes.append(Aside(pos, text, "text at the top, besides the summary section"))
        intern = draft.title and re.search(r"\bintern(ship)?\b", draft.title, re.IGNORECASE)
        if draft.employment_type is None and intern:
            draft.employment_type = "internship"
            self.report.fact("employment_type", "internship", 0, "the title names an internship")
        if draft.location.workplace is None:
            for text in draft.summary:
                found = _WORKPLACE_SENTENCE.search(text)
                if found:
                    draft.location.workplace = found.lastgroup
                    self.report.fact("location.workplace", found.lastgroup, 0,
                                     f"the summary says {found.group()!r}")
                    break
        place = draft.location
        if place.workplace == "remote" and place.country and not place.city:
            place.remote_regions = list(dict.fromkeys([*place.remote_regions, place.country]))
            place.country = place.region = None
        pay = draft.pay
        if pay is not None and pay.sign == "$":
            regions = draft.location.remote_regions
            country = draft.location.country or (regions[0] if regions else None)
            local = dollar_currency(country)
            if local:
                draft.pay = Pay(local, pay.min, pay.max, pay.period, pay.period_stated, pay.sign,
                                pay.matched, pay.pay_only, pay.variable)
                self.report.warn(f"pay written with a bare '$' in a job located in {country}: read as "
                                 f"{local}; change compensation.currency if that is wrong")


def _pay_text(pay: Pay) -> str:
    def amount(value: float | None) -> str:
        return "?" if value is None else (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}")

    if pay.min is None:
        span = f"up to {amount(pay.max)}"
    else:
        span = amount(pay.min) if pay.max is None else f"{amount(pay.min)}-{amount(pay.max)}"
    return f"{span} {pay.currency} per {pay.period}"
