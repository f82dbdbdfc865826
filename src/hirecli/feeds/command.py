"""``hirecli export --feed`` and ``--ats``: write a feed file, or per-role ATS payloads."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from hirecli.errors import UnknownFormatError, UsageError
from hirecli.feeds import ATS, FEEDS

if TYPE_CHECKING:
    from hirecli.feeds.jobs import FeedJob, LeftOut


@dataclass
class FeedReport:
    """What a feed or ATS export wrote and left out; anything left out means exit code 1."""

    kind: str
    output: Path
    written: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "output": str(self.output),
            "roles": self.written,
            "files": [str(f) for f in self.files],
            "left_out": [
                {
                    "source": s.source,
                    "role": s.role_id,
                    "reasons": list(s.reasons),
                    "problems": [p.to_dict() for p in s.problems],
                }
                for s in self.left_out
            ],
        }


def _publisher(jobs: Sequence[FeedJob]) -> tuple[str | None, str | None]:
    company = next((job.company for job in jobs if job.company is not None), None)
    if company is None:
        return None, None
    feeds = company.feeds
    return (
        (feeds.publisher if feeds and feeds.publisher else company.name),
        (feeds.publisher_url if feeds and feeds.publisher_url else company.website),
    )


def write_feed(
    name: str,
    paths: Sequence[str | Path],
    output: Path,
    *,
    date: datetime.date,
    force: bool = False,
    company: Path | None = None,
    stdin: BinaryIO | None = None,
) -> FeedReport:
    """One feed file of every role that has what the feed requires."""
    from hirecli.feeds import indeed, jsonld, linkedin
    from hirecli.feeds.jobs import LeftOut, collect
    from hirecli.fileio import refuse_existing, write_atomic

    if name not in FEEDS:
        raise UnknownFormatError("feed", name, FEEDS)
    if output.is_dir():
        raise UsageError(f"{output}: is a folder; --feed writes one file (e.g. -o feed.xml)")
    refuse_existing([output], force=force)
    module = {"indeed": indeed, "linkedin": linkedin, "jsonld": jsonld}[name]
    collected = collect(paths, channel=module.CHANNEL, date=date, company=company, stdin=stdin)
    report = FeedReport(name, output, left_out=list(collected.left_out))
    jobs = []
    for job in collected.jobs:
        reasons = module.missing(job)
        if reasons:
            report.left_out.append(LeftOut(job.source, job.role_id, tuple(reasons)))
        else:
            jobs.append(job)
            report.written.append(job.role_id)
    publisher, publisher_url = _publisher(jobs)
    if name == "indeed":
        feeds = next((j.company.feeds for j in jobs if j.company is not None), None)
        text = indeed.render(
            jobs,
            publisher=feeds.publisher if feeds else None,
            publisher_url=feeds.publisher_url if feeds else None,
        )
    elif name == "linkedin":
        text = linkedin.render(jobs, date=date, publisher=publisher, publisher_url=publisher_url)
    else:
        text = jsonld.render(jobs, name=f"Jobs at {publisher}" if publisher else None)
    write_atomic(output, text, force=force)
    report.files.append(output)
    return report


def write_ats(
    name: str,
    paths: Sequence[str | Path],
    outdir: Path,
    *,
    date: datetime.date,
    force: bool = False,
    company: Path | None = None,
    stdin: BinaryIO | None = None,
) -> FeedReport:
    """Per role, ``OUTDIR/<role-id>/`` with the ATS's JSON payloads; nothing written over
    without ``force``."""
    from hirecli.errors import HirecliError
    from hirecli.feeds import greenhouse
    from hirecli.feeds.jobs import LeftOut, collect
    from hirecli.fileio import refuse_existing, write_atomic

    if name not in ATS:
        raise UnknownFormatError("applicant tracking system", name, ATS)
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir}: exists and is not a folder; --ats writes a folder per role")
    collected = collect(paths, channel=greenhouse.CHANNEL, date=date, company=company, stdin=stdin)
    report = FeedReport(name, outdir, left_out=list(collected.left_out))
    planned: list[tuple[FeedJob, dict[str, str]]] = []
    for job in collected.jobs:
        reasons = greenhouse.missing(job)
        if reasons:
            report.left_out.append(LeftOut(job.source, job.role_id, tuple(reasons)))
            continue
        try:
            planned.append((job, greenhouse.payloads(job)))
        except HirecliError as exc:
            report.left_out.append(LeftOut(job.source, job.role_id, (exc.message,)))
    targets = [outdir / job.role_id / file for job, files in planned for file in files]
    refuse_existing(targets, force=force)
    for job, files in planned:
        for file, text in files.items():
            write_atomic(outdir / job.role_id / file, text, force=force)
            report.files.append(outdir / job.role_id / file)
        report.written.append(job.role_id)
    return report


def report_text(report: FeedReport) -> list[str]:
    """Lines for stderr: each role left out, then what was written."""
    what = f"the {report.kind} feed" if report.kind in FEEDS else f"the {report.kind} payloads"
    lines = [line for item in report.left_out for line in item.lines(what)]
    count = len(report.written)
    if report.kind in FEEDS:
        lines.append(
            f"wrote {report.output}: the {report.kind} feed of {count} role{'s' * (count != 1)}"
            + (f"; {len(report.left_out)} left out" if report.left_out else "")
        )
    else:
        lines.append(
            f"wrote {len(report.files)} {report.kind} payload files for {count} "
            f"role{'s' * (count != 1)} into {report.output}/<role-id>/"
            + (f"; {len(report.left_out)} left out" if report.left_out else "")
        )
    return lines


def report_json(report: FeedReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
