"""LinkedIn's XML job feed (Basic Jobs).

Written to LinkedIn's XML feed development guide: a ``<source>`` root with
``lastBuildDate``, ``publisherUrl``, ``publisher`` and ``expectedJobCount``, then one
``<job>`` per job. The fields the guide makes mandatory are always there:
``partnerJobId`` (at most 40 characters), ``company``, ``title``, ``description`` (at
least 100 characters, in the limited HTML LinkedIn accepts: the ``linkedin`` channel),
``applyUrl`` (https) and ``location``; ``companyId`` and ``posterEmail`` come from
``feeds:`` in company.yaml. The recommended ones follow when the role has them:
``city``, ``state``, ``country``, ``postalCode``, ``workplaceTypes``, ``jobtype``,
``experienceLevel``, ``salaries`` and ``skills``.
"""

from __future__ import annotations

from email.utils import format_datetime
from typing import TYPE_CHECKING

from hirecli.feeds.jobs import FeedJob, cdata, element

if TYPE_CHECKING:
    import datetime

NAME = "linkedin"
CHANNEL = "linkedin"
MAX_ID = 40
MIN_DESCRIPTION = 100
MAX_TITLE = 200
REQUIRED = ("partnerJobId", "company", "title", "description", "applyUrl", "location")
JOB_TYPES = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "contract": "CONTRACT",
    "temporary": "TEMPORARY",
    "internship": "INTERNSHIP",
    "volunteer": "VOLUNTEER",
    "per_diem": "OTHER",
}
WORKPLACE_TYPES = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
PERIODS = {"year": "YEARLY", "month": "MONTHLY", "week": "WEEKLY", "day": "DAILY", "hour": "HOURLY"}


def _amount(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def location_string(job: FeedJob) -> str:
    """ "San Francisco, CA" in the United States, "City, Country" elsewhere; for a remote job,
    the countries applicants may live in."""
    from hirecli.builders.posting.facts import country_name

    where = job.location
    if where is None:
        return ""
    if where.workplace == "remote" and where.remote_regions:
        return ", ".join(country_name(c) for c in where.remote_regions)
    country = where.country or (where.remote_regions[0] if where.remote_regions else None)
    if where.city and country == "US" and where.region:
        return f"{where.city}, {where.region}"
    if where.city:
        return ", ".join(p for p in (where.city, country_name(country) if country else None) if p)
    return country_name(country) if country else ""


def experience_level(job: FeedJob) -> str:
    """INTERNSHIP for internships; else ENTRY_LEVEL, ASSOCIATE or MID_SENIOR_LEVEL by the years
    of experience the role asks for (none when it does not say)."""
    role = job.role
    if role.employment_type == "internship":
        return "INTERNSHIP"
    years = role.experience.min_years
    if years is None:
        return ""
    return "ENTRY_LEVEL" if years == 0 else ("ASSOCIATE" if years <= 2 else "MID_SENIOR_LEVEL")


def fields(job: FeedJob) -> dict[str, str]:
    role, where = job.role, job.location
    feeds = job.company.feeds if job.company else None
    values = {
        "partnerJobId": job.role_id,
        "company": job.company.name if job.company else "",
        "companyId": feeds.linkedin_company_id if feeds and feeds.linkedin_company_id else "",
        "title": job.posting.title,
        "description": job.description,
        "applyUrl": job.url or "",
        "location": location_string(job),
        "city": where.city if where and where.city else "",
        "state": where.region if where and where.region else "",
        "country": where.country if where and where.country else "",
        "postalCode": where.postal_code if where and where.postal_code else "",
        "workplaceTypes": WORKPLACE_TYPES[where.workplace] if where else "",
        "jobtype": JOB_TYPES.get(role.employment_type, ""),
        "experienceLevel": experience_level(job),
        "posterEmail": (feeds.poster_email if feeds and feeds.poster_email else None) or job.email or "",
    }
    return {k: v for k, v in values.items() if v}


def missing(job: FeedJob) -> list[str]:
    have = fields(job)
    hints = {
        "company": "company name (a company.yaml, or --company)",
        "applyUrl": "apply address (feeds.job_url or apply.url in company.yaml)",
        "location": "location (the role's or the company's)",
        "description": "description",
    }
    reasons = [f"no {hints.get(name, name)}" for name in REQUIRED if name not in have]
    if len(job.role_id) > MAX_ID:
        reasons.append(
            f"the role id has {len(job.role_id)} characters; LinkedIn's partnerJobId takes "
            f"at most {MAX_ID} (set a shorter id:)"
        )
    if "description" in have and len(have["description"]) < MIN_DESCRIPTION:
        reasons.append(
            f"the description has {len(have['description'])} characters; LinkedIn needs at "
            f"least {MIN_DESCRIPTION}"
        )
    if "applyUrl" in have and not have["applyUrl"].startswith("https://"):
        reasons.append(f"the apply address {have['applyUrl']} does not start with https://")
    if len(job.posting.title) > MAX_TITLE:
        reasons.append(f"the title is longer than {MAX_TITLE} characters")
    return reasons


def _salaries(job: FeedJob) -> list[str]:
    comp = job.role.compensation
    if comp is None or comp.min is None:
        return []
    high = comp.max if comp.max is not None else comp.min
    return [
        "    <salaries>",
        "      <salary>",
        "        <highEnd>",
        f"          <amount>{cdata(_amount(high))}</amount>",
        f"          <currencyCode>{cdata(comp.currency)}</currencyCode>",
        "        </highEnd>",
        "        <lowEnd>",
        f"          <amount>{cdata(_amount(comp.min))}</amount>",
        f"          <currencyCode>{cdata(comp.currency)}</currencyCode>",
        "        </lowEnd>",
        f"        <period>{cdata(PERIODS[comp.period])}</period>",
        f"        <type>{cdata('BASE_SALARY')}</type>",
        "      </salary>",
        "    </salaries>",
    ]


def _skills(job: FeedJob) -> list[str]:
    names = [skill.name for skill in job.role.all_skills]
    if not names:
        return []
    return ["    <skills>", *(f"      <skill>{cdata(name)}</skill>" for name in names), "    </skills>"]


def render(
    jobs: list[FeedJob],
    *,
    date: datetime.date,
    publisher: str | None = None,
    publisher_url: str | None = None,
) -> str:
    import datetime as dt

    built = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<source>",
        f"  <lastBuildDate>{cdata(format_datetime(built, usegmt=True))}</lastBuildDate>",
    ]
    if publisher_url:
        lines.append(f"  <publisherUrl>{cdata(publisher_url)}</publisherUrl>")
    if publisher:
        lines.append(f"  <publisher>{cdata(publisher)}</publisher>")
    lines.append(f"  <expectedJobCount>{cdata(str(len(jobs)))}</expectedJobCount>")
    for job in jobs:
        lines.append("  <job>")
        lines += [element(name, value) for name, value in fields(job).items()]
        lines += _salaries(job)
        lines += _skills(job)
        lines.append("  </job>")
    lines.append("</source>")
    return "\n".join(lines) + "\n"
