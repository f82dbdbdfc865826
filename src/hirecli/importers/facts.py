"""Single facts about the job found in the text: title, pay, place, employment type,
tags. Each is taken once; a later, different value is kept in notes with a warning."""

from __future__ import annotations

import re
from collections.abc import Callable

from hirecli.importers import fields, location, titles
from hirecli.importers.draft import Draft
from hirecli.importers.lines import Block
from hirecli.importers.money import Pay, find_pay
from hirecli.importers.report import ImportReport

_ABBREVIATED = re.compile(r"\b(?:Ltd|Inc|Co|Corp|LLC|LLP|PLC)\.$")
"""A company name's abbreviation ("Okanagan Mechanical Ltd."): not the end of a sentence."""


class Facts:
    """Sets facts on a :class:`Draft`; ``count`` and ``note`` report where a line went."""

    def __init__(
        self,
        draft: Draft,
        report: ImportReport,
        count: Callable[[str], None],
        note: Callable[[Block, str], None],
    ) -> None:
        self.draft = draft
        self.report = report
        self.count = count
        self.note = note

    def is_pay(self, block: Block) -> bool:
        pay = find_pay(block.text)
        return bool(pay and pay.pay_only)

    def fact(self, block: Block, *, pay_section: bool = False) -> bool:
        """Consume a "Label: value" line or a line that is only pay (any pay, in a pay section)."""
        if block.kind == "heading":
            return False
        if self.meta(block, labels_only=True):
            return True
        label = fields.split_label(block.text)
        if label:
            name = fields.label_field(label[0])
            if name and self._labeled(name, label[1], block, f"label {label[0]!r}"):
                return True
        pay = find_pay(block.text, context=pay_section)
        if pay and (pay.pay_only or pay_section):
            return self.set_pay(pay, block)
        return False

    def _labeled(self, name: str, value: str, block: Block, how: str) -> bool:
        if name == "title":
            title = titles.clean_title(value)[0]
            return bool(titles.looks_like_title(title)) and self.set_field("title", title, block, how)
        if name == "compensation":
            pay = find_pay(value, context=True)
            return pay is not None and self.set_pay(pay, block)
        if name == "location":
            place = location.parse_location(value, labeled=True)
            if place is None:
                return False
            self.set_place(place, block, how)
            if place.leftover:
                self.note(block, "part of the location line was not understood")
            return True
        if name == "workplace":
            found = fields.workplace(value)
            if found is None or not self.set_workplace(found, block, how):
                return False
            days = fields.office_days(value)
            if days:
                self.office_days(days, block)
            return True
        if name == "employment_type":
            kind = fields.employment_type(value)
            if kind is None or not self.set_field("employment_type", kind, block, how):
                return False
            if fields.employment_details(value):
                self.note(block, "says more than the employment type")
            return True
        if name == "openings":
            digits = re.fullmatch(r"\s*(\d{1,4})\b.*", value)
            return bool(digits and int(digits.group(1)) >= 1) and self.set_field(
                "openings", int(digits.group(1)) if digits else 0, block, how
            )
        if name == "tags":
            tags = fields.split_tags(value)
            return bool(tags) and self.set_field("tags", tags, block, how)
        if name in ("schedule", "department", "reports_to"):
            return self.set_field(name, value.strip(), block, how)
        return False

    def set_field(self, name: str, value: object, block: Block, how: str) -> bool:
        """Set a draft field once; an equal value again is fine, a different one is refused."""
        current = getattr(self.draft, name)
        if current not in (None, []):
            if current == value:
                self.count(name)
                return True
            self.report.warn(
                f"{self.report.unit} {block.pos}: a second {name} ({value}) was found; "
                f"the first ({current}) is used and the line is kept in notes"
            )
            return False
        setattr(self.draft, name, value)
        shown = ", ".join(value) if isinstance(value, list) else value
        self.report.fact(name, shown, block.pos, how)
        self.count(name)
        return True

    def set_pay(self, pay: Pay, block: Block) -> bool:
        from hirecli.pay import pay_problem

        problem = pay_problem(pay.min, pay.max, pay.currency, pay.period)  # as the role model checks it
        if problem:
            self.report.warn(
                f"{self.report.unit} {block.pos}: pay ({pay.matched[:80]}) cannot be used: "
                f"{problem}; the line is kept in notes"
            )
            return False
        if self.draft.pay is not None:
            if (pay.min, pay.max, pay.currency) == (
                self.draft.pay.min,
                self.draft.pay.max,
                self.draft.pay.currency,
            ):
                self.count("compensation")
                return True
            self.report.warn(
                f"{self.report.unit} {block.pos}: a second pay statement ({pay.matched}) was "
                "found; the first is used and the line is kept in notes"
            )
            return False
        self.draft.pay = pay
        how = (
            "period stated"
            if pay.period_stated
            else ("no period given: amounts under 500 read as hourly, others as yearly")
        )
        if not pay.sign:
            how += "; no currency given: USD assumed"
        self.report.fact("compensation", _pay_text(pay), block.pos, how)
        if pay.min is None:
            self.report.warn(
                f"{self.report.unit} {block.pos}: open-ended pay ({block.text.strip()}); a role "
                "needs a lowest amount, so compensation.min is left empty and the line "
                "is kept in notes"
            )
            self.note(block, "open-ended pay")
        if pay.variable:
            self.draft.variable_pay.append(pay.extra)
        self.count("compensation")
        return True

    def set_workplace(self, value: str, block: Block, how: str) -> bool:
        if self.draft.location.workplace not in (None, value):
            self.report.warn(
                f"{self.report.unit} {block.pos}: the workplace is given as both "
                f"{self.draft.location.workplace} and {value}; the first is used"
            )
            self.note(block, "a workplace that contradicts an earlier one")
            return True
        if self.draft.location.workplace is None:
            self.draft.location.workplace = value
            self.report.fact("location.workplace", value, block.pos, how)
        self.count("location")
        return True

    def set_place(self, place: location.Place, block: Block, how: str) -> None:
        current = self.draft.location
        if current.city or current.country or current.remote_regions:
            if place.city or place.country or place.remote_regions:
                self.report.warn(
                    f"{self.report.unit} {block.pos}: another location ({block.text.strip()}); "
                    "the first is used and the line is kept in notes"
                )
                self.note(block, "a second location")
        else:
            for name in ("city", "region", "country", "postal_code"):
                setattr(current, name, getattr(place, name))
            current.remote_regions = list(place.remote_regions)
            how = f"{how}; {place.inferred}" if place.inferred else how
            shown = ", ".join(str(v) for v in (place.city, place.region, place.country) if v)
            if place.remote_regions:
                shown = (shown + "; " if shown else "") + "applicants in " + ", ".join(place.remote_regions)
            if shown:
                self.report.fact("location", shown, block.pos, how)
        if place.workplace:
            self.set_workplace(place.workplace, block, how)
        else:
            self.count("location")

    def title(self, block: Block) -> bool:
        if self.draft.title is not None:
            return False
        inner = titles.title_in(block.text)
        text = inner or block.text
        if not titles.looks_like_title(text) or fields.is_run_together(text):
            return False
        title, place, kind = titles.clean_title(text)
        if title.isupper() and len(title) > 4:
            title = titles.uncap(title)
            how_caps = "; written in capitals, shown in title case"
        else:
            how_caps = ""
        how = (
            "inside the page heading"
            if inner
            else ("the first heading" if block.kind == "heading" else "the first short line")
        )
        self.set_field("title", title, block, how + how_caps)
        if place:
            self.set_workplace(place, block, "written after the title")
        if kind and self.draft.employment_type is None:
            self.set_field("employment_type", kind, block, "written after the title")
        return True

    def tags(self, block: Block) -> bool:
        if self.draft.tags or not fields.is_run_together(block.text):
            return False
        return self.set_field("tags", fields.split_tags(block.text), block, "a line of tags run together")

    def meta(self, block: Block, *, labels_only: bool = False) -> bool:
        """A line of job facts: "Full-time | Remote | Denver, CO", "Acme — Tacoma, WA — Full-time",
        "Location: Austin, TX · Team: Platform · Type: Full-time". Parts are split at middle
        dots, bars, bullets and spaced dashes; each part may be a "Label: value" pair, pay,
        an employment type, a workplace or a place. One short part that is none of these
        (a company name) is offered as the company's name; a line with a longer unknown part
        is not a line of facts. With ``labels_only``, only lines with a label pair count."""
        if block.kind == "heading":
            return False
        parts = fields.meta_parts(block.text)
        if len(parts) < 2:
            if labels_only or fields.split_label(block.text):
                return False
            return self._single_meta(block)
        found: list[tuple[str, object, str]] = []
        unknown: list[str] = []
        labelled = False
        for part in parts:
            reading = self._read_part(part)
            if reading is not None and reading[0] == "place" and reading[2]:
                unknown.append(reading[2])
            if reading is None:
                ended = re.search(r"[.!?]$", part) and not _ABBREVIATED.search(part)
                if len(part.split()) <= 5 and not ended:
                    unknown.append(part)
                    continue
                return False
            labelled = labelled or reading[0] == "label"
            found.append(reading)
        if (
            not found
            or len(unknown) > 1
            or (labels_only and (not labelled or unknown))
            or all(kind == "other" for kind, _, _ in found)
        ):
            return False
        if (
            self.draft.title is None
            and unknown
            and unknown[0] == parts[0]
            and not any(kind in ("place", "pay") for kind, _, _ in found)
        ):
            return False  # "Warehouse Associate - Night Shift": a title with its shift, not an employer
        kept = True
        for kind, value, extra in found:
            if kind == "label":
                kept = self._labeled(str(value), extra, block, "a line of job facts") and kept
            elif kind == "type":
                kept = self.set_field("employment_type", value, block, "a line of job facts") and kept
            elif kind == "pay":
                kept = self.set_pay(value, block) and kept  # type: ignore[arg-type]
            elif kind == "workplace":
                kept = self.set_workplace(str(value), block, "a line of job facts") and kept
                if extra:
                    self.office_days(extra, block)
            elif kind == "other":
                other = Block("paragraph", str(value), block.pos, block.end)
                self.note(other, "a fact a role has no field for")
            else:
                self.set_place(value, block, "a line of job facts")  # type: ignore[arg-type]
        if not kept:
            self.note(block, "job facts that repeat or contradict earlier ones")
        for part in unknown:
            self.report.suggest_company(
                "name", part, block.pos, "the part of a line of job facts that names no fact (the employer?)"
            )
            self.count("company profile")
        return True

    def _read_part(self, part: str) -> tuple[str, object, str] | None:
        """What one part of a line of facts states: (kind, value, extra), or None."""
        label = fields.split_label(part)
        if label:
            name = fields.label_field(label[0])
            return ("label", name, label[1]) if name else ("other", part, "")
        pay = find_pay(part)
        if pay is not None and pay.pay_only:
            return "pay", pay, ""
        kind = fields.employment_type(part, whole=True) or (
            fields.employment_type(part) if len(part.split()) <= 3 else None
        )
        if kind:
            return "type", kind, ""
        if fields.is_shift(part):
            return "label", "schedule", part
        place = fields.workplace(part)
        days = fields.office_days(part)
        if place and (fields.workplace(part, whole=True) or days or len(part.split()) <= 3):
            located = location.parse_location(part)
            if located is not None and (located.city or located.country or located.remote_regions):
                return "place", located, ""
            return "workplace", place, days
        located = location.parse_location(part)
        if located is not None:
            return "place", located, ""
        head, _, tail = part.rpartition(",")
        located = location.parse_location(tail.strip()) if head.strip() and len(head.split()) <= 5 else None
        if located is not None and located.city:  # "Kirkstall Valley Academy, Leeds"
            return "place", located, head.strip()
        return None

    def _single_meta(self, block: Block) -> bool:
        """A line that is only a place, only an employment type, or places and types run
        together with commas ("Remote, US", "Part-time, Remote")."""
        text = block.text
        whole = location.parse_location(text)
        if whole is not None:
            self.set_place(whole, block, "a line of job facts")
            return True
        reading = self._read_part(text)
        if reading is not None and reading[0] == "place" and reading[2]:  # "The Grey Heron, Edinburgh"
            self.set_place(reading[1], block, "a line naming the employer and its place")  # type: ignore[arg-type]
            self.report.suggest_company("name", reading[2], block.pos, "the employer named beside the place")
            self.count("company profile")
            return True
        pieces = [p.strip() for p in text.split(",") if p.strip()]
        readings = [self._read_part(p) for p in pieces] if len(pieces) > 1 else []
        if not readings or any(r is None or r[0] in ("label", "pay") for r in readings):
            kind = fields.employment_type(text, whole=True)
            return bool(kind) and self.set_field("employment_type", kind, block, "a line of job facts")
        for reading in readings:
            assert reading is not None
            kind_, value, extra = reading
            if kind_ == "type":
                self.set_field("employment_type", value, block, "a line of job facts")
            elif kind_ == "workplace":
                self.set_workplace(str(value), block, "a line of job facts")
                if extra:
                    self.office_days(extra, block)
            else:
                self.set_place(value, block, "a line of job facts")  # type: ignore[arg-type]
        return True

    def office_days(self, days: str, block: Block) -> None:
        """Days in the office of a hybrid job: kept in the schedule, which says when one works."""
        if self.draft.schedule and days.lower() in self.draft.schedule.lower():
            return
        self.draft.schedule = f"{self.draft.schedule}; {days}" if self.draft.schedule else days
        self.report.fact("schedule", days, block.pos, "days in the office of a hybrid job")
        self.count("schedule")


def _pay_text(pay: Pay) -> str:
    def amount(value: float | None) -> str:
        return "?" if value is None else (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}")

    if pay.min is None:
        span = f"up to {amount(pay.max)}"
    else:
        span = amount(pay.min) if pay.max is None else f"{amount(pay.min)}-{amount(pay.max)}"
    return f"{span} {pay.currency} per {pay.period}"
