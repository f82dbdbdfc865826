"""How well the competency library covers a set of roles: the figures behind the kit's promise.

For each role: how many of its skills matched a library competency of the role's field,
how many main questions are drafts, and whether two competencies of one kit share an
anchor (the same evidence scored twice). ``scripts/kit_coverage.py`` prints these for a
folder; the tests hold them to the targets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hirecli.builders.kit.model import Kit
from hirecli.families import families


@dataclass(frozen=True, slots=True)
class Coverage:
    role: str
    fields: tuple[str, ...]
    skills: int
    matched: int
    """Skills assessed by a library competency (pinned, matched or merged)."""
    off_field: tuple[str, ...]
    """Skills matched to a competency whose family does not fit the role's field."""
    main_questions: int
    draft_questions: int
    shared_anchors: tuple[str, ...]


def kit_coverage(kit: Kit, skills: Iterable[str]) -> Coverage:
    fams = families()
    names = list(dict.fromkeys(skills))
    by_skill = {s: c for c in kit.competencies for s in c.covers}
    library_backed = {s for s, c in by_skill.items() if c.family is not None}
    off = tuple(
        s
        for s in names
        if s in by_skill
        and by_skill[s].family is not None
        and not fams.fits(str(by_skill[s].family), frozenset(kit.fields))
    )
    main = [q for s in kit.stages for q in s.questions if q.competency in {c.name for c in kit.competencies}]
    seen: dict[str, str] = {}
    shared: list[str] = []
    for comp in kit.competencies:
        for anchor in comp.anchors:
            owner = seen.setdefault(anchor, comp.name)
            if owner != comp.name:
                shared.append(f"{owner} / {comp.name}")
    return Coverage(
        role=kit.role_id,
        fields=kit.fields,
        skills=len(names),
        matched=sum(1 for s in names if s in library_backed),
        off_field=off,
        main_questions=len(main),
        draft_questions=sum(1 for q in main if q.draft),
        shared_anchors=tuple(dict.fromkeys(shared)),
    )
