"""schema.org ``JobPosting`` data as Google for Jobs reads it (JSON-LD).

Keys are written in one fixed order so that the same role always gives the same bytes.
The description is the posting itself, rendered by the HTML writer.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import TYPE_CHECKING, Any

from hirecli.builders.posting.facts import country_name, effective_location, stated
from hirecli.builders.posting.title import plain_title

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Compensation, Education, Experience, Location, Role

EMPLOYMENT_TYPES = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
    "volunteer": "VOLUNTEER",
    "per_diem": "PER_DIEM",
}
UNIT_TEXT = {"year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}
NO_REQUIREMENTS = "no requirements"
"""Google's value for education or experience that a job does not ask for."""

_NONE_NEEDED = re.compile(
    r"\bno\b[^.;]*\b(?:diploma|degree|education|qualifications?)\b[^.;]*\b(?:required|needed|necessary)\b"
    r"|\b(?:diploma|degree|education)\b[^.;]*\bnot (?:required|needed|necessary)\b",
    re.IGNORECASE,
)
_LEVELS = (  # lowest first: the minimum a posting asks for is the lowest level it names
    (
        "high school",
        re.compile(r"high[- ]school|secondary school|\bGED\b|\bHiSET\b|\bA[- ]levels?\b", re.IGNORECASE),
    ),
    (
        "associate degree",
        re.compile(
            r"\bassociate(?:'s|’s)?\s+(?:degree|of)\b|\bADN\b|\bAAS\b|"
            r"foundation degree",
            re.IGNORECASE,
        ),
    ),
    (
        "bachelor degree",
        re.compile(
            r"\bbachelor|\bBSN\b|\bBSc\b|\bB\.S\.|\bB\.A\.|undergraduate degree|"
            r"university degree|four-year degree",
            re.IGNORECASE,
        ),
    ),
    (
        "postgraduate degree",
        re.compile(
            r"\bmaster(?:'s|’s)?\b|\bdoctor(?:ate|al)\b|\bPh\.?D\b|\bPsy\.?D\b|"
            r"\bMSW\b|\bMSN\b|\bMBA\b|post-?graduate|\bgraduate degree",
            re.IGNORECASE,
        ),
    ),
)
_CERTIFICATE = re.compile(r"\bcertific|\blicen[cs]", re.IGNORECASE)
_EXPERIENCE_INSTEAD = re.compile(
    r"\bequivalent (?:practical |work |professional |relevant )?experience\b|\bexperience in place of\b",
    re.IGNORECASE,
)


def credential_category(texts: list[str]) -> str | None:
    """The credentialCategory Google knows for a role's minimum education, or None."""
    joined = " ".join(texts)
    if not joined.strip():
        return None
    for category, pattern in _LEVELS:
        if pattern.search(joined):
            return category
    if _NONE_NEEDED.search(joined):
        return NO_REQUIREMENTS
    return "professional certificate" if _CERTIFICATE.search(joined) else None


def _number(value: float, currency: str = "USD") -> int | float:
    """An amount as the posting shows it, so that the JSON-LD says the same number."""
    from hirecli.pay import json_amount

    return json_amount(value, currency)


def _salary(comp: Compensation | None) -> dict[str, Any] | None:
    if comp is None or comp.min is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if comp.max is None or comp.max == comp.min:
        value["value"] = _number(comp.min, comp.currency)
    else:
        value["minValue"] = _number(comp.min, comp.currency)
        value["maxValue"] = _number(comp.max, comp.currency)
    value["unitText"] = UNIT_TEXT[comp.period]
    return {"@type": "MonetaryAmount", "currency": comp.currency, "value": value}


def _education(education: Education) -> dict[str, Any] | str | None:
    category = credential_category(education.minimum)
    if category is None or category == NO_REQUIREMENTS:
        return category
    return {"@type": "EducationalOccupationalCredential", "credentialCategory": category}


def _experience(experience: Experience) -> dict[str, Any] | str | None:
    if experience.min_years is None:
        return None
    if experience.min_years == 0:
        return NO_REQUIREMENTS
    return {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": experience.min_years * 12}


def _organization(company: Company) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": company.name}
    if company.website:
        org["sameAs"] = company.website
    if company.logo_url:
        org["logo"] = company.logo_url
    return org


def _place(location: Location) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    for key, value in (
        ("streetAddress", location.street_address),
        ("addressLocality", location.city),
        ("addressRegion", location.region),
        ("postalCode", location.postal_code),
        ("addressCountry", location.country),
    ):
        if value:
            address[key] = value
    return {"@type": "Place", "address": address}


def _where(location: Location | None, company: Company | None) -> dict[str, Any]:
    if location is None:
        return {}
    if location.workplace != "remote":
        return {"jobLocation": _place(location)}
    countries = list(location.remote_regions)
    if not countries and company is not None and company.location and company.location.country:
        countries = [company.location.country]
    where: dict[str, Any] = {"jobLocationType": "TELECOMMUTE"}
    if countries:
        where["applicantLocationRequirements"] = [
            {"@type": "Country", "name": country_name(c)} for c in countries
        ]
    return where


def jsonld_data(
    role: Role,
    company: Company | None,
    *,
    date: datetime.date,
    valid_days: int | None = None,
    description: str,
) -> dict[str, Any]:
    """The JobPosting for ``role`` with ``description`` (an HTML fragment) as its text."""
    location = effective_location(role, company)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": plain_title(role.title, location).text,
        "description": description,
        "identifier": {
            "@type": "PropertyValue",
            "name": company.name if company else "hirecli role id",
            "value": role.slug,
        },
        "datePosted": date.isoformat(),
    }
    if valid_days is not None:
        data["validThrough"] = (date + datetime.timedelta(days=valid_days)).isoformat()
    if stated(role, "employment_type"):  # Google reads a missing type as unknown, not full-time
        data["employmentType"] = EMPLOYMENT_TYPES[role.employment_type]
    if company is not None:
        data["hiringOrganization"] = _organization(company)
    data.update(_where(location, company))
    optional: dict[str, Any] = {
        "baseSalary": _salary(role.compensation),
        "educationRequirements": _education(role.education),
        "experienceRequirements": _experience(role.experience),
        "experienceInPlaceOfEducation": True
        if any(_EXPERIENCE_INSTEAD.search(t) for t in role.education.minimum)
        else None,
        "occupationalCategory": role.occupation_code,
        "workHours": " ".join(role.schedule.split()) if role.schedule else None,
        "totalJobOpenings": role.openings,
        "skills": [skill.name for skill in role.all_skills] or None,
    }
    data.update({key: value for key, value in optional.items() if value is not None})
    return data


def missing_properties(data: dict[str, Any]) -> list[str]:
    """What Google for Jobs requires that ``data`` lacks, as sentences for a warning."""
    missing = [f"{key} is missing" for key in ("title", "description", "datePosted") if not data.get(key)]
    if "hiringOrganization" not in data:
        missing.append("hiringOrganization is missing (add a company.yaml or use --company)")
    if "jobLocation" not in data and "jobLocationType" not in data:
        missing.append("jobLocation is missing (give the role or the company a location)")
    if data.get("jobLocationType") == "TELECOMMUTE" and "applicantLocationRequirements" not in data:
        missing.append("applicantLocationRequirements is missing (set location.remote_regions)")
    return missing


def jsonld_text(data: dict[str, Any]) -> str:
    """The JSON-LD as a file holds it: indented by two spaces, ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
