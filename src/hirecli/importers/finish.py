"""What a draft role gets once every line of the ad is placed.

The title from the document's metadata when no line gave one; the summary from the
text at the top (or under the first unknown heading) when the ad has no summary
section; facts read from what is already known (an intern title, a remote summary,
dollars in a country that has its own); and skills from the requirement and duty
lines when the ad lists none of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from hirecli.importers import titles
from hirecli.importers.money import dollar_currency
from hirecli.importers.report import Aside

if TYPE_CHECKING:
    from hirecli.importers.draft import Draft
    from hirecli.importers.report import ImportReport, SectionLine

_WORKPLACE_SENTENCE = re.compile(
    r"\b(?P<remote>fully remote|remote (?:role|position|job)|work(?:ing)? remotely|work from home)\b"
    r"|\b(?P<hybrid>hybrid (?:role|position|job|schedule|model|working))\b"
    r"|\b(?P<onsite>on-?site (?:role|position|job)|in-person (?:role|position|job))\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Prose:
    """Paragraphs the walk set aside for the summary or the notes."""

    top: SectionLine | None
    """The report line of the text before any heading."""
    at_top: list[tuple[int, str]]
    """Paragraphs before any heading: (position, text)."""
    unknown: list[tuple[int, str, SectionLine]]
    """Paragraphs under headings that name no part of a role, with their report line."""


def finish(
    draft: Draft, report: ImportReport, title_hint: str | None, has_summary: bool, prose: Prose
) -> None:
    """Fill in what the walk over the lines could not know until its end."""
    if draft.title is None and title_hint:
        title = titles.clean_title(re.split(r"\s+[|–—-]\s+", title_hint)[0])[0]
        if titles.looks_like_title(title):
            draft.title = title
            report.fact("title", title, 0, "the document's metadata title")
    moved = prose.top.placed.pop("summary or notes", 0) if prose.top else 0
    if moved and prose.top:
        prose.top.placed["notes" if has_summary else "summary"] += moved
    if has_summary:
        for pos, text in prose.at_top:
            draft.notes.append((None, "paragraph", text, pos))
            report.notes.append(Aside(pos, text, "text at the top, besides the summary section"))
    else:
        _summary_from_elsewhere(draft, report, prose)
    _infer(draft, report)
    _skills(draft, report)


def _skills(draft: Draft, report: ImportReport) -> None:
    """Skills from the requirement and duty lines, when the ad lists none of its own."""
    from hirecli.competencies import load_library
    from hirecli.families import role_fields
    from hirecli.importers.report import SkillLine
    from hirecli.importers.skills import read_skills

    lists = draft.lists
    if lists.get("skills.hard") or lists.get("skills.soft"):
        return
    asked = [
        *lists.get("qualifications.required", []),
        *lists.get("education.minimum", []),
        *([draft.exp_description] if draft.exp_description else []),
        *lists.get("qualifications.preferred", []),
        *lists.get("experience.preferred", []),
    ]
    duties = [*lists.get("responsibilities.primary", []), *lists.get("responsibilities.secondary", [])]
    found = read_skills(
        [(t, draft.where.get(t, 0)) for t in asked], [(t, draft.where.get(t, 0)) for t in duties]
    )
    if not found:
        return
    fields = role_fields(draft.title or "", draft.tags, [*duties, *asked]).fields
    library = load_library()
    for skill in found:
        draft.add(f"skills.{skill.kind}", skill.name)
        match = library.match(skill.name, fields)
        report.skills.append(
            SkillLine(
                skill.name,
                skill.kind,
                skill.pos,
                skill.line,
                skill.how,
                match.parts[0].competency if match.parts else "",
            )
        )


def _summary_from_elsewhere(draft: Draft, report: ImportReport, prose: Prose) -> None:
    """No summary heading: the text at the top, or else under the first unknown heading."""
    if prose.at_top:
        source, where = prose.at_top, "at the top"
    else:  # a description of a dozen words or more, not a lone line ("Lift 50 lb.")
        first = [p for p in prose.unknown if len(p[1].split()) >= 12][:1]
        source, where = [(pos, text) for pos, text, _ in first], "under an unknown heading"
        for _, _, line in first:
            line.placed["notes"] -= 1
            line.placed["summary"] += 1
            if line.placed["notes"] <= 0:
                del line.placed["notes"]
    if not source:
        return
    draft.summary = [text for _, text in source]
    report.fact(
        "summary", f"{len(source)} paragraph(s)", source[0][0], f"no summary heading: the text {where}"
    )
    taken = {text for _, text in source}
    draft.notes = [n for n in draft.notes if n[2] not in taken]
    report.notes = [a for a in report.notes if a.text not in taken]


def _infer(draft: Draft, report: ImportReport) -> None:
    """Facts read from what is already known: an intern title, a remote summary, local dollars."""
    intern = draft.title and re.search(r"\bintern(ship)?\b", draft.title, re.IGNORECASE)
    if draft.employment_type is None and intern:
        draft.employment_type = "internship"
        report.fact("employment_type", "internship", 0, "the title names an internship")
    place = draft.location
    if place.workplace is None:
        for text in draft.summary:
            found = _WORKPLACE_SENTENCE.search(text)
            if found and found.lastgroup:
                place.workplace = found.lastgroup
                report.fact("location.workplace", found.lastgroup, 0, f"the summary says {found.group()!r}")
                break
    if place.workplace == "remote" and place.country and not place.city:
        place.remote_regions = list(dict.fromkeys([*place.remote_regions, place.country]))
        place.country = place.region = None
    pay = draft.pay
    if pay is not None and pay.sign == "$":
        country = place.country or (place.remote_regions[0] if place.remote_regions else None)
        local = dollar_currency(country)
        if local:
            draft.pay = replace(pay, currency=local)
            report.warn(
                f"pay written with a bare '$' in a job located in {country}: read as "
                f"{local}; change compensation.currency if that is wrong"
            )
