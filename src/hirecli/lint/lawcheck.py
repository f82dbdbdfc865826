"""The protected-characteristic screen run over a posting: errors that name their law.

Every text of the posting (and of the file's other fields) goes through
:func:`hirecli.lint.screen.screen`; sentences that ask the reader something ("Are you
married?") also go through the interview-question screen, since an application form
may not ask what an interviewer may not. Record wording is an error where the job's
place restricts it and a warning elsewhere; a religious organisation or a stated bona
fide occupational qualification turns a preference into a warning that says so.
"""

from __future__ import annotations

import bisect
import re

from hirecli.lint.compliance import job_place, laws
from hirecli.lint.context import Context
from hirecli.lint.model import Segment, Severity
from hirecli.lint.screen import ScreenHit, exemption, record_laws, screen
from hirecli.screening.protected import find_protected_topics

_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?\n]|$)")
"""A sentence and its end; consecutive matches never rescan text, so this stays linear."""
RULE = "protected-preference"


def _regions(ctx: Context) -> tuple[set[str], str]:
    """US region codes of the job (its place and configured jurisdictions), and its city."""
    place = job_place(ctx)
    regions: set[str] = set()
    city = ""
    if place is not None and place.country in (None, "US") and place.region:
        regions.add(place.region)
        city = (place.city or "").casefold()
    table = laws()
    for name in ctx.jurisdictions:
        law = table.get(name)
        if law is not None and "US" in law.countries and law.region:
            regions.add(law.region)
            if law.cities:
                city = next(iter(law.cities))
    return regions, city


def _record_law(ctx: Context, kind: str) -> str | None:
    """The law that makes record wording of ``kind`` an error at the job's place, if any."""
    known = record_laws()
    regions, city = _regions(ctx)
    for region in sorted(regions):
        if region in known[kind]:
            return known[kind][region]
    if "NY" in regions and city in (
        "new york",
        "new york city",
        "nyc",
        "manhattan",
        "brooklyn",
        "queens",
        "bronx",
        "the bronx",
        "staten island",
    ):
        return known["cities"].get("new york city")
    return None


def check_screen(ctx: Context) -> None:
    """Report stated preferences and limits on protected characteristics, with their law."""
    segments = [s for s in ctx.checked if not s.generated]
    if not segments:
        return
    texts = [ctx.normal(s).text for s in segments]
    whole = "\n".join(texts)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    spans = {name: [m.span() for m in exemption(name).finditer(whole)] for name in ("religious", "bfoq")}
    # One pass over the whole posting (hits never cross a line), then back to each segment.
    for hit in screen(whole, whole):
        index = bisect.bisect_right(starts, hit.start) - 1
        base = starts[index]
        local = ScreenHit(hit.entry, hit.start - base, hit.end - base, hit.matched)
        # the exemption must come from elsewhere than the hit ("attend church" is no church)
        exempt = {
            name: any(b <= hit.start or a >= hit.end for a, b in found) for name, found in spans.items()
        }
        _report(ctx, segments[index], local, exempt)
    for segment in segments:
        if "?" in segment.text:
            _questions(ctx, segment)


def _report(ctx: Context, segment: Segment, hit: ScreenHit, exempt: dict[str, bool]) -> None:
    entry = hit.entry
    normal = ctx.normal(segment)
    start, end = normal.span(hit.start, hit.end)
    text = segment.text[start:end]
    severity = Severity.warning if entry.severity == "warning" else Severity.error
    law = entry.law
    note = ""
    if entry.kind is not None:
        found = _record_law(ctx, entry.kind)
        if found is None:
            severity = Severity.warning
            law = record_laws()["federal"][""]
            note = " (an error where the job's state or city restricts it; give the location)"
        else:
            law = found
    elif entry.exempt and exempt.get(entry.exempt):
        severity = Severity.warning
        note = (
            " (lawful only for a religious organisation, Title VII section 702, or where religion is a "
            "bona fide occupational qualification)"
            if entry.exempt == "religious"
            else " (lawful only where it is a bona fide occupational qualification; check that it is)"
        )
    verb = "limits or states a preference on" if severity is Severity.error else "may limit applicants by"
    ctx.claim(segment, start, end)
    ctx.report(
        RULE,
        f'Wording that {verb} {entry.topic}: "{text}" ({law}){note}',
        segment,
        start,
        end,
        suggestion=entry.rewrite,
        severity=severity,
        why=f"{entry.why} Law: {law}.",
    )


def _questions(ctx: Context, segment: Segment) -> None:
    for sentence in _SENTENCE.finditer(segment.text):
        if not sentence.group().endswith("?"):
            continue
        for hit in find_protected_topics(sentence.group()):
            start, end = sentence.start() + hit.start, sentence.start() + hit.end
            law = f" ({hit.law})" if hit.law else ""
            ctx.claim(segment, start, end)
            ctx.report(
                RULE,
                f'The posting asks applicants about {hit.topic}: "{hit.matched}"{law}',
                segment,
                start,
                end,
                suggestion=f"Ask instead: {hit.alternative}",
                severity=Severity.error,
                why=hit.why,
            )
