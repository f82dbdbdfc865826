"""One schema.org ``ItemList`` of every role's ``JobPosting``, as JSON-LD.

Each item is the posting's ``JobPosting`` as ``hirecli posting --format jsonld`` writes
it (without its own ``@context``), with ``url`` when the company gives job pages. A role
that lacks what Google for Jobs requires of a JobPosting (title, description,
datePosted, hiringOrganization, and jobLocation or a remote job's
applicantLocationRequirements) is left out.
"""

from __future__ import annotations

import json
from typing import Any

from hirecli.feeds.jobs import FeedJob

NAME = "jsonld"
CHANNEL = "careers"
CONTEXT = "https://schema.org"


def item(job: FeedJob) -> dict[str, Any]:
    data = {k: v for k, v in (job.posting.jsonld or {}).items() if k != "@context"}
    if job.url:
        data["url"] = job.url
    return data


def missing(job: FeedJob) -> list[str]:
    from hirecli.builders.posting.jsonld import missing_properties

    return missing_properties(dict(job.posting.jsonld or {}))


def render(jobs: list[FeedJob], *, name: str | None = None) -> str:
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "ItemList"}
    if name:
        data["name"] = name
    data["numberOfItems"] = len(jobs)
    data["itemListOrder"] = "https://schema.org/ItemListUnordered"
    data["itemListElement"] = [
        {"@type": "ListItem", "position": i, "item": item(job)} for i, job in enumerate(jobs, start=1)
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
