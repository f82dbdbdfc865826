"""Indeed's XML job feed.

Written to Indeed's XML feed reference: a ``<source>`` root with one ``<job>`` per job;
every job has ``title``, ``date`` (ISO 8601), ``referencenumber`` and ``requisitionid``
(the role id: unique and never changed), ``url``, ``company``, ``city``, ``state``,
``country`` and ``description``, and, when the role has them, ``postalcode``,
``streetaddress``, ``email``, ``salary``, ``education``, ``jobtype``, ``category``,
``experience`` and ``remotetype``. Every value stands in a CDATA section, and the
description is HTML without entities (Indeed reads literal characters), except ``&lt;``
and ``&gt;`` for angle brackets in the text itself.
"""

from __future__ import annotations

import html
import re

from hirecli.feeds.jobs import FeedJob, cdata, element

NAME = "indeed"
CHANNEL = "indeed"
REQUIRED = (
    "title",
    "date",
    "referencenumber",
    "requisitionid",
    "url",
    "company",
    "city",
    "state",
    "country",
    "description",
)
JOB_TYPES = {
    "full_time": "fulltime",
    "part_time": "parttime",
    "contract": "contract",
    "temporary": "temporary",
    "internship": "internship",
}
REMOTE_TYPES = {"remote": "Fully remote", "hybrid": "Hybrid remote"}
_ENTITY = re.compile(r"&(?!lt;|gt;)(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def without_entities(markup: str) -> str:
    """HTML with its character references written as the characters (``&lt;``/``&gt;`` kept)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), markup)


def fields(job: FeedJob) -> dict[str, str]:
    """The job's elements in the feed's order; empty ones left out."""
    from hirecli.builders.posting.facts import pay_text
    from hirecli.builders.posting.jsonld import credential_category

    role, where = job.role, job.location
    experience = role.experience
    years = ""
    if experience.min_years is not None:
        years = (
            f"{experience.min_years}-{experience.max_years} years"
            if experience.max_years is not None and experience.max_years != experience.min_years
            else f"{experience.min_years}+ years"
        )
    education = credential_category(role.education.minimum) or ""
    values = {
        "title": job.posting.title,
        "date": f"{job.date.isoformat()}T00:00:00Z",
        "referencenumber": job.role_id,
        "requisitionid": job.role_id,
        "url": job.url or "",
        "company": job.company.name if job.company else "",
        "city": where.city if where and where.city else "",
        "state": where.region if where and where.region else "",
        "country": where.country if where and where.country else "",
        "postalcode": where.postal_code if where and where.postal_code else "",
        "streetaddress": where.street_address if where and where.street_address else "",
        "email": job.email or "",
        "description": without_entities(job.description),
        "salary": pay_text(role, job.company),
        "education": education if education != "no requirements" else "",
        "jobtype": JOB_TYPES.get(role.employment_type, ""),
        "category": role.department or ", ".join(role.tags),
        "experience": years,
        "remotetype": REMOTE_TYPES.get(where.workplace, "") if where else "",
    }
    return {k: v for k, v in values.items() if v}


def missing(job: FeedJob) -> list[str]:
    """What Indeed requires that the job lacks, each with how to give it."""
    have = fields(job)
    hints = {
        "url": "job page (feeds.job_url or apply.url in company.yaml)",
        "company": "company name (a company.yaml, or --company)",
        "city": "city (location.city, or the company's location)",
        "state": "state or province (location.region)",
        "country": "country (location.country)",
    }
    return [f"no {hints.get(name, name)}" for name in REQUIRED if name not in have]


def render(jobs: list[FeedJob], *, publisher: str | None = None, publisher_url: str | None = None) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<source>"]
    if publisher:
        lines.append(f"  <publisher>{cdata(publisher)}</publisher>")
    if publisher_url:
        lines.append(f"  <publisherurl>{cdata(publisher_url)}</publisherurl>")
    for job in jobs:
        lines.append("  <job>")
        lines += [element(name, value) for name, value in fields(job).items()]
        lines.append("  </job>")
    lines.append("</source>")
    return "\n".join(lines) + "\n"
