"""The posting hirecli builds for a role, as lint segments placed where their words are written.

The posting builder decides what candidates read (the channel's sections, labels and
limits); each of its lists is made of one or more lists of the role, in a fixed order,
and a channel only ever drops the last items of a list. So the n-th item of a posting
list comes from the n-th value of the role's lists behind it (:func:`_sources`), and
the item is placed from that value's YAML path. Headings, labels and sentences
hirecli writes point at the field they describe and are not word-checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirecli.document import plain
from hirecli.lint.model import Segment, SegmentKind
from hirecli.lint.roletext import RoleFiles, fold
from hirecli.lint.yamlmap import Path

if TYPE_CHECKING:
    from hirecli.builders.posting.build import PostingResult
    from hirecli.model.company import Company
    from hirecli.model.role import Role

Source = tuple[tuple[Path, ...], bool]
"""The YAML paths an item shows, in order, and whether they are in the company profile."""

SECTIONS = {
    "summary": "summary",
    "responsibilities": "duties",
    "requirements": "requirements",
    "preferred": "preferred",
    "skills": "skills",
    "career_path": "career",
    "pay": "pay",
    "notes": "other",
    "about": "about",
    "eeo": "eeo",
    "apply": "apply",
}
"""Each posting section's group in the readers' section vocabulary, as lint checks read it."""
_FIELDS: dict[str, tuple[Source, Path]] = {
    "summary": (((("summary",),), False), ("summary",)),
    "responsibilities": (((("responsibilities",),), False), ("responsibilities",)),
    "requirements": (((("qualifications",),), False), ("qualifications",)),
    "preferred": (((("qualifications",),), False), ("qualifications",)),
    "skills": (((("skills",),), False), ("skills",)),
    "career_path": (((("career_path",),), False), ("career_path",)),
    "pay": (((("compensation", "variable_pay"),), False), ("compensation",)),
    "notes": (((("notes",),), False), ("notes",)),
    "about": (((("about",),), True), ("about",)),
    "eeo": (((("eeo_statement",),), True), ("eeo_statement",)),
    "apply": (((("apply", "url"), ("apply", "email")), True), ("apply",)),
}
"""Where each section's paragraphs come from, and the field its heading (and any sentence
hirecli writes in it) points at."""
_FACTS: dict[str, Path] = {
    "Pay": ("compensation",),
    "Location": ("location",),
    "Employment type": ("employment_type",),
    "Schedule": ("schedule",),
    "Department": ("department",),
    "Reports to": ("reports_to",),
    "Openings": ("openings",),
}


def _listed(path: Path, values: list[str]) -> list[Source]:
    return [(((*path, index),), False) for index in range(len(values))]


def _skill(files: RoleFiles, kind: str, index: int, described: bool) -> tuple[Path, ...]:
    path: Path = ("skills", kind, index)
    name = (*path, "name") if (*path, "name") in files.positions.values else path
    return (name, (*path, "description")) if described else (name,)


def _requirements(role: Role, files: RoleFiles) -> list[Source]:
    from hirecli.builders.posting.sections import experience_line

    found = _listed(("education", "minimum"), role.education.minimum)
    if experience_line(role.experience):
        path: Path = ("experience", "description") if role.experience.description else ("experience",)
        found.append(((path,), False))
    for kind, skills in (("hard", role.skills.hard), ("soft", role.skills.soft)):
        found += [
            (_skill(files, kind, i, bool(s.description)), False) for i, s in enumerate(skills) if s.must_have
        ]
    return found + _listed(("qualifications", "required"), role.qualifications.required)


def _preferred(role: Role) -> list[Source]:
    found = _listed(("education", "preferred"), role.education.preferred)
    found += _listed(("experience", "preferred"), role.experience.preferred)
    found += _listed(("qualifications", "preferred"), role.qualifications.preferred)
    fields = role.education.fields_of_study
    if fields:
        found.append((tuple(("education", "fields_of_study", i) for i in range(len(fields))), False))
    return found


def _benefits(role: Role, company: Company | None) -> list[Source]:
    seen: set[str] = set()
    found: list[Source] = []
    for owner, texts in ((True, company.benefits if company else []), (False, role.benefits)):
        for index, text in enumerate(texts):
            if fold(text).casefold() not in seen:
                seen.add(fold(text).casefold())
                found.append(((("benefits", index),), owner))
    return found


def _sources(key: str, role: Role, company: Company | None, files: RoleFiles) -> list[Source]:
    """Where each item of the posting list ``key`` comes from, in the builder's order."""
    if key in ("primary", "secondary"):
        return _listed(("responsibilities", key), getattr(role.responsibilities, key))
    if key in ("hard", "soft"):
        return [(_skill(files, key, i, False), False) for i in range(len(getattr(role.skills, key)))]
    if key in ("entry_points", "advancement", "lateral_moves"):
        return _listed(("career_path", key), getattr(role.career_path, key))
    if key == "requirements":
        return _requirements(role, files)
    if key == "preferred":
        return _preferred(role)
    return _benefits(role, company)


class PostingSegments:
    """Segments of a built posting, each placed from the YAML path it shows."""

    def __init__(self, files: RoleFiles) -> None:
        self.files = files
        self.items: list[Segment] = []
        self.group = -1

    def add(
        self,
        kind: SegmentKind,
        text: str,
        source: Source,
        field: Path,
        where: tuple[str, str],
        group: int = -1,
    ) -> None:
        """Add ``text``, which shows the values of ``source``; hirecli's own words point at ``field``."""
        text = fold(text)
        if not text:
            return
        paths, company = source
        placed = (
            self.files.place(text, paths, company=company, field=field)
            if kind != "heading"
            else self.files.fallback(field, company=company)
        )
        section, heading = where
        self.items.append(
            Segment(
                text,
                kind,
                placed.where,
                placed.file,
                section,
                heading,
                group,
                placed.field,
                placed.generated,
            )
        )


def posting_segments(
    result: PostingResult, role: Role, company: Company | None, files: RoleFiles
) -> list[Segment]:
    """The title, facts and sections of ``result`` as segments placed in the role's files."""
    out = PostingSegments(files)
    out.add("title", result.title, ((("title",),), False), ("title",), ("", ""))
    for label, value in result.facts:
        path = _FACTS.get(label, ("title",))
        out.add("fact", plain(value), ((path,), False), path, ("pay" if label == "Pay" else "", label))
    for section in result.sections:
        kind = SECTIONS.get(section.name, "other")
        source, field = _FIELDS.get(section.name, (((("title",),), False), ("title",)))
        out.add("heading", section.heading, source, field, (kind, section.heading))
        for paragraph in section.paragraphs:
            out.add("paragraph", plain(paragraph), source, field, (kind, section.heading))
        for list_ in section.lists:
            out.group += 1
            list_kind = "benefits" if list_.key == "benefits" else kind
            if list_.label:
                out.add("heading", list_.label, source, field, (list_kind, list_.label))
            sources = _sources(list_.key, role, company, files)
            for index, item in enumerate(list_.items):
                item_source = sources[index] if index < len(sources) else ((field,), source[1])
                out.add(
                    "bullet",
                    plain(item),
                    item_source,
                    field,
                    (list_kind, list_.label or section.heading),
                    out.group,
                )
    return out.items


def requirement_counts(result: PostingResult) -> tuple[int, int]:
    """(must-have, preferred) items in the posting."""
    counts = {"requirements": 0, "preferred": 0}
    for section in result.sections:
        if section.name in counts:
            counts[section.name] += section.bullets
    return counts["requirements"], counts["preferred"]
