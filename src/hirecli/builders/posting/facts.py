"""The key facts at the top of a posting: pay, location, type of employment and the like."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from hirecli.builders.posting.parts import one_line
from hirecli.cldr import country_name as country_name
from hirecli.document import Inlines, inlines

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Location, Role

EMPLOYMENT_WORDS = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "temporary": "Temporary",
    "internship": "Internship",
    "per_diem": "Per diem",
    "volunteer": "Volunteer",
}
WORKPLACE_WORDS = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
FACT_LABELS = {
    "pay": "Pay",
    "location": "Location",
    "employment_type": "Employment type",
    "schedule": "Schedule",
    "department": "Department",
    "reports_to": "Reports to",
    "openings": "Openings",
}


def stated(role: Role, name: str) -> bool:
    """Whether the role file states ``name``: a default the model fills in is not published."""
    return name in role.model_fields_set


def effective_location(role: Role, company: Company | None) -> Location | None:
    """The role's location, else the company's."""
    if role.location is not None:
        return role.location
    return company.location if company is not None else None


def place_text(location: Location) -> str:
    """ "Chicago, IL, United States": the parts of a place that are known."""
    parts = [location.city, location.region, country_name(location.country) if location.country else None]
    return ", ".join(p for p in parts if p)


def location_text(location: Location | None) -> str:
    """The location as a reader wants it: "Remote (United States, Canada)", "Hybrid — Chicago, ..."."""
    if location is None:
        return ""
    if "workplace" not in location.model_fields_set:  # not stated: neither "On-site" nor a guess
        return place_text(location) or (
            ", ".join(country_name(c) for c in location.remote_regions) if location.remote_regions else ""
        )
    word = WORKPLACE_WORDS[location.workplace]
    if location.workplace == "remote" and location.remote_regions:
        return f"{word} ({', '.join(country_name(c) for c in location.remote_regions)})"
    place = place_text(location)
    return f"{word} — {place}" if place else word


def pay_country(role: Role, company: Company | None) -> str | None:
    """The country whose conventions pay is written in."""
    location = effective_location(role, company)
    if location is None:
        return None
    if location.country:
        return location.country
    return location.remote_regions[0] if location.remote_regions else None


def pay_text(role: Role, company: Company | None) -> str:
    """ "$55,000 – $95,000 per year", or empty when the role has no pay set."""
    from hirecli.pay import format_pay

    if role.compensation is None or not role.compensation.is_set:
        return ""
    return format_pay(role.compensation, pay_country(role, company))


def fact_values(role: Role, company: Company | None) -> dict[str, str]:
    """Every key fact the role has, by fact name; missing facts are left out."""
    values = {
        "pay": pay_text(role, company),
        "location": location_text(effective_location(role, company)),
        "employment_type": EMPLOYMENT_WORDS[role.employment_type] if stated(role, "employment_type") else "",
        "schedule": one_line(role.schedule) if role.schedule else "",
        "department": role.department or "",
        "reports_to": role.reports_to or "",
        "openings": str(role.openings) if role.openings else "",
    }
    return {name: value for name, value in values.items() if value}


def key_facts(role: Role, company: Company | None, names: Iterable[str]) -> tuple[tuple[str, Inlines], ...]:
    """The facts named, in that order, as label/value pairs."""
    values = fact_values(role, company)
    return tuple((FACT_LABELS[name], inlines(values[name])) for name in names if name in values)
