"""Compliance checks: pay transparency by location, benefits, the equal-opportunity statement.

The laws are a table (``pay_laws.yaml``) with the date each entry was last checked.
A role file's location (or its company's) picks the laws; configuration can add
jurisdictions, or ``all``. A posting whose location is unknown gets a reminder
instead of an error.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from hirecli.lint.context import Context
from hirecli.lint.model import Segment, Severity
from hirecli.lint.rules import rules
from hirecli.screening.tables import load_data

if TYPE_CHECKING:
    from hirecli.model.role import Location

ALL = "all"
_BARE = r"\d[\d,.]*(?:\s?k\b)?"
"""The upper end of a range may leave out the currency ("USD 50,000 to 70,000")."""


@dataclass(frozen=True, slots=True)
class Law:
    id: str
    name: str
    law: str
    countries: frozenset[str]
    region: str | None
    cities: frozenset[str]
    effective: date | None
    min_employees: int
    benefits: bool
    covers_remote: bool
    checked: date
    note: str
    benefits_note: str
    max_width: float | None = None
    """The widest range the law allows (yearly pay, in ``currency``)."""
    exempt_above: float | None = None
    """Postings whose yearly pay starts above this are not covered."""
    currency: str | None = None

    def label(self) -> str:
        since = f", since {self.effective.isoformat()}" if self.effective else ""
        return f"{self.name} ({self.law}{since}; checked {self.checked.isoformat()})"


@functools.cache
def laws() -> dict[str, Law]:
    """Every pay-transparency law of the table, by id."""
    found: dict[str, Law] = {}
    for entry in load_data("pay_laws.yaml")["laws"]:
        where: dict[str, Any] = entry["where"]
        countries = where.get("countries") or [where["country"]]
        found[entry["id"]] = Law(
            entry["id"],
            entry["name"],
            entry["law"],
            frozenset(countries),
            where.get("region"),
            frozenset(c.casefold() for c in where.get("cities", [])),
            entry.get("effective"),
            int(entry["min_employees"]),
            bool(entry["benefits"]),
            bool(entry.get("covers_remote")),
            entry["checked"],
            " ".join(str(entry.get("note", "")).split()),
            " ".join(str(entry.get("benefits_note", "")).split()),
            entry.get("max_width"),
            entry.get("exempt_above"),
            entry.get("currency"),
        )
    return found


@dataclass(frozen=True, slots=True)
class Place:
    """Where a job is, as far as the pay laws care."""

    country: str | None
    region: str | None = None
    city: str | None = None
    remote: bool = False
    remote_regions: frozenset[str] = frozenset()

    @classmethod
    def of(cls, location: Location) -> Place:
        return cls(
            location.country or ("US" if location.region else None),
            (location.region or "").upper() or None,
            location.city,
            location.workplace == "remote",
            frozenset(location.remote_regions),
        )


def laws_for(place: Place | None) -> list[Law]:
    """The laws that cover a job at ``place``, including remote jobs they reach."""
    if place is None:
        return []
    city = (place.city or "").casefold()
    found = []
    for law in laws().values():
        here = (
            place.country in law.countries
            and (law.region is None or law.region == place.region)
            and (not law.cities or city in law.cities)
        )
        reaches = (
            place.remote
            and law.covers_remote
            and (
                bool(place.remote_regions & law.countries)
                or (not place.remote_regions and place.country in (None, *law.countries))
            )
        )
        if here or reaches:
            found.append(law)
    return found


_LOCATION = re.compile(
    r"\blocation\s*:[*_\s]*(?P<where>[^|;\n]{2,100}?)(?=\s+[A-Z][a-z]+:|[|;\n]|$)", re.IGNORECASE
)
_PARTS = re.compile(r"\s*(?:,|\(|\)|/|–|—|·|\s-\s)\s*")


@functools.cache
def _places() -> tuple[dict[str, str], dict[str, str]]:
    data = load_data("places.yaml")
    states = {name.casefold(): code for name, code in data["us_states"].items()}
    countries = {name.casefold(): code for name, code in data["countries"].items()}
    return states, countries


def place_from_text(segments: list[Segment]) -> Place | None:
    """The place named on a posting's "Location:" line ("Denver, CO", "Remote (United States)")."""
    states, countries = _places()
    codes = set(states.values())
    for segment in segments:
        match = _LOCATION.search(segment.text)
        if match is None:
            continue
        where = match.group("where").strip().rstrip(".")
        country = region = city = None
        parts = [p.strip(" .") for p in _PARTS.split(where) if p.strip(" .")]
        for part in reversed(parts):  # "City, ST, Country": the broadest names come last
            folded = part.casefold()
            state_code = len(part) == 2 and part.isupper() and part in codes
            if country is None and folded in countries and not state_code:
                country = countries[folded]
            elif region is None and (state_code or folded in states):
                region = part if state_code else states[folded]
            elif folded not in ("remote", "hybrid", "on-site", "onsite"):
                city = part
        if region and not country:
            country = "US"
        remote = "remote" in where.casefold()
        reach = frozenset({country}) if remote and country else frozenset()
        return Place(country, region, city, remote, reach)
    return None


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("structure.yaml")
    pay = data["pay"]
    amount = f"(?:{pay['amount']})"
    before = "|".join(f"(?:{p})" for p in pay["open_before"])
    after = "|".join(f"(?:{p})" for p in pay["open_after"])
    return {
        "eeo": re.compile("|".join(f"(?:{p})" for p in data["eeo_patterns"]), re.IGNORECASE),
        "benefits": re.compile("|".join(f"(?:{p})" for p in data["benefit_patterns"]), re.IGNORECASE),
        "range": re.compile(f"{amount}{pay['range_join']}(?:{amount}|{_BARE})", re.IGNORECASE),
        "open": re.compile(f"\\b(?:{before})\\s*{amount}|{amount}\\s*(?:{after})", re.IGNORECASE),
        "amount": re.compile(amount, re.IGNORECASE),
    }


def _find(ctx: Context, name: str) -> tuple[Segment, int, int] | None:
    """The first match of one of the patterns in the posting: its segment, start and end."""
    text, starts = ctx.joined()
    match = _patterns()[name].search(text)
    if match is None:
        return None
    index = bisect.bisect_right(starts, match.start()) - 1
    segment = ctx.body[index]
    offset = starts[index]
    return segment, match.start() - offset, min(match.end() - offset, len(segment.text))


def pay_status(ctx: Context) -> tuple[str, Segment | None, int, int]:
    """range, fixed, open or missing, and where the pay is written."""
    role = ctx.posting.role
    if role is not None:
        comp = role.compensation
        where = next((s for s in ctx.body if s.section == "pay" or s.heading == "Pay"), None)
        if comp is None or comp.min is None:
            return "missing", None, 0, 0
        return ("range" if comp.max is not None and comp.max > comp.min else "fixed"), where, 0, 0
    for name, status in (("range", "range"), ("open", "open"), ("amount", "fixed")):
        found = _find(ctx, name)
        if found:
            return status, *found
    return "missing", None, 0, 0


def _has_benefits(ctx: Context) -> bool:
    role, company = ctx.posting.role, ctx.posting.company
    if (role is not None and role.benefits) or (company is not None and company.benefits):
        return True
    if any(s.section == "benefits" for s in ctx.body):
        return True
    return _find(ctx, "benefits") is not None


def _place(ctx: Context) -> Place | None:
    role = ctx.posting.role
    if role is None:
        return place_from_text(ctx.body)
    from hirecli.builders.posting.facts import effective_location

    location = effective_location(role, ctx.posting.company)
    return Place.of(location) if location is not None else None


def job_place(ctx: Context) -> Place | None:
    """Where the posting's job is, from the role (or company) location or a "Location:" line."""
    return _place(ctx)


def _covered(ctx: Context) -> list[Law]:
    chosen = laws_for(_place(ctx))
    table = laws()
    for name in ctx.jurisdictions:
        extra = list(table.values()) if name == ALL else [table[name]]
        chosen += [law for law in extra if law not in chosen]
    return chosen


def check_pay(ctx: Context) -> None:
    status, where, start, end = pay_status(ctx)
    covered = _covered(ctx)
    ctx.stats["pay"] = status
    ctx.stats["jurisdictions"] = [
        {"id": law.id, "name": law.name, "checked": law.checked.isoformat()} for law in covered
    ]
    size = ctx.employees
    applying = [
        law for law in covered if (size is None or size >= law.min_employees) and not _exempt(ctx, law)
    ]
    current = [law for law in applying if law.effective is None or law.effective <= ctx.today]
    coming = [law for law in applying if law not in current]
    if status == "missing":
        for law in current:
            ctx.report(
                "pay-range-missing",
                f"No pay range, which {law.label()} requires in the posting" + _threshold(law, size),
                where,
                why=_why(law),
            )
        for law in coming:
            ctx.report("pay-law-upcoming", f"No pay range; {law.label()} will require one", where)
        if not covered:
            ctx.report(
                "pay-range-missing",
                "No pay range; many US states and cities and the EU require "
                "one (give the location, or set `jurisdictions` in .hirecli-lint.yaml)",
                where,
                severity=Severity.info,
            )
    elif status == "open":
        for law in current:
            ctx.report(
                "pay-range-open-ended",
                f"Open-ended pay; {law.label()} asks for a minimum and a maximum",
                where,
                start,
                end,
                why=_why(law),
            )
        if not current:
            ctx.report(
                "pay-range-open-ended",
                "Open-ended pay: state both ends of the range",
                where,
                start,
                end,
                severity=Severity.info,
            )
    for law in current:
        _check_width(ctx, law, where)
    if current and not _has_benefits(ctx):
        for law in (law for law in current if law.benefits):
            ctx.report(
                "benefits-missing",
                f"No description of benefits, which {law.label()} requires",
                where,
                why=_why(law, "benefits-missing"),
            )


def _yearly(ctx: Context, law: Law) -> tuple[float, float | None] | None:
    """The role's yearly pay range in the law's currency, when the role gives one."""
    role = ctx.posting.role
    comp = role.compensation if role is not None else None
    if comp is None or comp.min is None or law.currency is None or comp.currency != law.currency:
        return None
    if comp.period != "year":
        return None
    return float(comp.min), float(comp.max) if comp.max is not None else None


def _exempt(ctx: Context, law: Law) -> bool:
    pay = _yearly(ctx, law) if law.exempt_above is not None else None
    return pay is not None and law.exempt_above is not None and pay[0] > law.exempt_above


def _check_width(ctx: Context, law: Law, where: Segment | None) -> None:
    pay = _yearly(ctx, law) if law.max_width is not None else None
    if pay is None or pay[1] is None or law.max_width is None:
        return
    width = pay[1] - pay[0]
    if width > law.max_width:
        ctx.report(
            "pay-range-too-wide",
            f"The pay range is {law.currency} {width:,.0f} wide; {law.label()} "
            f"allows at most {law.currency} {law.max_width:,.0f}",
            where,
            why=_why(law),
        )


def _threshold(law: Law, size: int | None) -> str:
    if size is not None or law.min_employees <= 1:
        return ""
    return f" (for employers with {law.min_employees} or more employees)"


def _why(law: Law, rule: str = "pay-range-missing") -> str | None:
    """The rule's reason, with what the law's entry notes about pay or about benefits."""
    note = law.benefits_note if rule == "benefits-missing" else law.note
    return f"{rules()[rule].why} {note}" if note else None


def eeo_pattern() -> re.Pattern[str]:
    """An equal-opportunity statement."""
    return _patterns()["eeo"]


def check_eeo(ctx: Context) -> None:
    if _find(ctx, "eeo") is None:
        message = "No equal-opportunity statement"
        if ctx.posting.role is not None and ctx.posting.company is None:
            message += " (no company profile was used; its eeo_statement would add one)"
        ctx.report("eeo-statement-missing", message)
