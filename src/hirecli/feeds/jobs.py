"""The roles of a catalogue as jobs to publish: each with its posting for the feed's channel."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from hirecli.errors import HirecliError, InputFileError, Problem, UsageError, ValidationFailed

if TYPE_CHECKING:
    from hirecli.builders.posting.build import PostingResult
    from hirecli.model.company import Company
    from hirecli.model.loader import Loaded
    from hirecli.model.role import Location, Role


@dataclass(frozen=True)
class FeedJob:
    """One role ready for a feed: its posting for the channel, and where to apply."""

    source: str
    loaded: Loaded[Role]
    company: Company | None
    posting: PostingResult
    date: datetime.date

    @property
    def role(self) -> Role:
        return self.loaded.model

    @property
    def role_id(self) -> str:
        return self.loaded.model.slug

    @property
    def description(self) -> str:
        """The posting (without its title) as the channel's HTML, as in the JSON-LD."""
        return str((self.posting.jsonld or {}).get("description", ""))

    @property
    def url(self) -> str | None:
        """The job's page: ``feeds.job_url`` with the role id, else the company's apply address."""
        if self.company is None:
            return None
        if self.company.feeds is not None and self.company.feeds.job_url:
            return self.company.feeds.job_url_for(self.role_id)
        return self.company.apply.url if self.company.apply else None

    @property
    def email(self) -> str | None:
        return self.company.apply.email if self.company and self.company.apply else None

    @property
    def location(self) -> Location | None:
        """Where the job is; a remote role without a place of its own takes the company's."""
        from hirecli.builders.posting.facts import effective_location

        where = effective_location(self.role, self.company)
        if (
            where is not None
            and where.workplace != "onsite"
            and not where.city
            and self.company is not None
            and self.company.location is not None
        ):
            base = self.company.location
            return where.model_copy(
                update={
                    "city": base.city,
                    "region": base.region,
                    "country": where.country or base.country,
                    "postal_code": base.postal_code,
                    "street_address": base.street_address,
                }
            )
        return where


@dataclass(frozen=True)
class LeftOut:
    """A role that is not in the feed, and why."""

    source: str
    role_id: str | None
    reasons: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    def lines(self, what: str) -> list[str]:
        """One line per problem, or "FILE: left out of WHAT: reasons"."""
        if self.problems:
            return [str(p) for p in self.problems]
        return [f"{self.source}: left out of {what}: {'; '.join(self.reasons)}"]


@dataclass
class Collected:
    jobs: list[FeedJob] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


class _Companies:
    def __init__(self, given: Path | None) -> None:
        from hirecli.model.loader import load_company

        self.given = load_company(given) if given is not None else None
        self.use_given = given is not None
        self.found: dict[Path, Company] = {}

    def for_role(self, source: str) -> Company | None:
        from hirecli.model.loader import find_company, load_company

        if self.use_given:
            return self.given
        path = find_company(source)
        if path is None:
            return None
        if path not in self.found:
            self.found[path] = load_company(path)
        return self.found[path]


def collect(
    paths: Sequence[str | Path],
    *,
    channel: str,
    date: datetime.date,
    company: Path | None = None,
    stdin: BinaryIO | None = None,
    kit: bool = False,
) -> Collected:
    """Every role named or found (family files that say ``abstract: true`` left out), built for
    ``channel``; a role that fails to load or build is left out with its problems."""
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.model.loader import iter_role_files, load_role_file

    companies = _Companies(company)
    out = Collected()
    seen: dict[str, str] = {}
    for source in iter_role_files(paths):
        try:
            loaded = load_role_file(source, stdin)
            profile = companies.for_role(str(source))
            result = build_posting_with_report(loaded.model, profile, channel=channel, date=date)
        except ValidationFailed as exc:
            out.left_out.append(LeftOut(str(source), None, problems=exc.problems))
            continue
        except (InputFileError, UsageError):
            raise
        except HirecliError as exc:
            out.left_out.append(LeftOut(str(source), None, (exc.message,)))
            continue
        role_id = loaded.model.slug
        if role_id in seen:
            out.left_out.append(
                LeftOut(
                    loaded.source,
                    role_id,
                    (
                        f"its id {role_id!r} is also the id of {seen[role_id]}; every job in a feed needs "
                        "its own id (set id:)",
                    ),
                )
            )
            continue
        seen[role_id] = loaded.source
        out.jobs.append(FeedJob(loaded.source, loaded, profile, result, date))
    return out


def cdata(text: str) -> str:
    """``text`` as an XML CDATA section (a ``]]>`` inside is split across two sections)."""
    from hirecli.model.fields import CONTROL

    clean = CONTROL.sub("", text)
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(name: str, value: Any, indent: int = 4) -> str:
    return f"{' ' * indent}<{name}>{cdata(str(value))}</{name}>"
