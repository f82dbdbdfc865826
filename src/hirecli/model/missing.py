"""Facts a posting should have that a role does not state: reported, never defaulted.

A role may leave out its employment type, its place or its pay; the posting then
leaves them out too (nothing is invented). These findings say what is missing and
why it matters, for ``hirecli validate`` and ``hirecli lint``, and for the import
report: pay where a pay transparency law asks for it in the posting, the employment
type, and a location (or, for a remote job, the countries applicants may live in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Location, Role

PAY_LAWS: dict[tuple[str, str], str] = {
    ("US", "CO"): "Colorado",
    ("US", "CA"): "California",
    ("US", "WA"): "Washington",
    ("US", "NY"): "New York",
    ("US", "HI"): "Hawaii",
    ("US", "DC"): "Washington DC",
    ("US", "MD"): "Maryland",
    ("US", "IL"): "Illinois",
    ("US", "MN"): "Minnesota",
    ("US", "NJ"): "New Jersey",
    ("US", "VT"): "Vermont",
    ("US", "MA"): "Massachusetts",
    ("CA", "BC"): "British Columbia",
    ("CA", "ON"): "Ontario",
}
"""Where a law asks for the pay range in the posting itself (see shared/reference.md;
thresholds of employer size differ: the finding says to check)."""
EU = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    }
)


@dataclass(frozen=True, slots=True)
class MissingFact:
    """A fact the role does not state: its field path and what to add."""

    path: tuple[str, ...]
    message: str
    code: str

    @property
    def field(self) -> str:
        return ".".join(self.path)


def _where(role: Role, company: Company | None) -> Location | None:
    if role.location is not None:
        return role.location
    return company.location if company is not None else None


def _pay_law(location: Location | None) -> str | None:
    """The law that asks for pay in this posting, named, or None."""
    if location is None:
        return None
    if location.country and location.region and (location.country, location.region) in PAY_LAWS:
        return PAY_LAWS[(location.country, location.region)]
    remote = location.workplace == "remote" and "workplace" in location.model_fields_set
    if remote and ("US" in location.remote_regions or location.country == "US"):
        return "Colorado and other US states (a remote job open to their residents)"
    if location.country in EU or any(c in EU for c in location.remote_regions):
        return "the EU Pay Transparency Directive (from June 2026)"
    return None


def missing_facts(role: Role, company: Company | None = None) -> list[MissingFact]:
    """What a posting of ``role`` would lack that it should state."""
    found: list[MissingFact] = []
    if "employment_type" not in role.model_fields_set:
        found.append(
            MissingFact(
                ("employment_type",),
                "employment_type is not stated: a posting should say "
                "whether the job is full-time, part-time, a contract, temporary, an "
                "internship, per diem or volunteer work (nothing is assumed)",
                "missing-employment-type",
            )
        )
    location = _where(role, company)
    remote = (
        location is not None and location.workplace == "remote" and "workplace" in location.model_fields_set
    )
    if location is None or not (location.city or location.country or location.remote_regions):
        found.append(
            MissingFact(
                ("location",),
                "location is not stated: a posting needs a city and "
                "country, or, for a remote job, workplace: remote and remote_regions",
                "missing-location",
            )
        )
    elif remote and not location.remote_regions:
        found.append(
            MissingFact(
                ("location", "remote_regions"),
                "location.remote_regions is not stated: a "
                "remote posting should name the countries applicants may live in",
                "missing-remote-regions",
            )
        )
    pay = role.compensation
    law = _pay_law(location)
    if law and (pay is None or pay.min is None):
        found.append(
            MissingFact(
                ("compensation",),
                f"compensation is not stated, and {law} asks for the pay "
                "range in the posting; add compensation.min and compensation.max (check "
                "the law's employer-size threshold)",
                "missing-pay",
            )
        )
    elif law == "Washington" and pay is not None and pay.min is not None and pay.max is None:
        found.append(
            MissingFact(
                ("compensation", "max"),
                "compensation.max is not stated, and Washington "
                "asks for a range with an upper end, not an open-ended one",
                "open-ended-pay",
            )
        )
    return found
