"""The interview questions lint reads for a role: the role's own, and its kit's.

The role's own questions are read from the loaded role, each placed where it is
written (in the family file, for an inherited one). The rest of the kit is planned
once, and only when a rule that reads kit questions is enabled (``kit: true`` in the
rule table); its library and draft questions point at the skill they assess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirecli.errors import HirecliError
from hirecli.lint.model import Segment
from hirecli.lint.roletext import RoleFiles, dotted, fold
from hirecli.lint.yamlmap import Path

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Role

INTERVIEW = "interview"


def _question(files: RoleFiles, text: str, path: Path) -> Segment:
    placed = files.place(fold(text), [path])
    return Segment(fold(text), "question", placed.where, placed.file, INTERVIEW, "", -1, placed.field)


def custom_questions(role: Role, files: RoleFiles) -> list[Segment]:
    """The questions (and probes) written in the role, each at its place in its file."""
    found: list[Segment] = []
    for i, competency in enumerate(role.competencies):
        for j, question in enumerate(competency.questions):
            base: Path = ("competencies", i, "questions", j)
            text_path = (*base, "text") if (*base, "text") in files.positions.values else base
            found.append(_question(files, question.text, text_path))
            found += [_question(files, p, (*base, "probes", k)) for k, p in enumerate(question.probes)]
    return found


def kit_questions(
    role: Role, company: Company | None, files: RoleFiles, notes: list[str], drafts: list[Segment]
) -> list[Segment]:
    """The kit's other questions, planned once; skills with only draft questions go to ``drafts``.

    A kit that cannot be planned (a custom question on a protected topic stops it) is
    said in ``notes``: the custom questions are still checked on their own.
    """
    from hirecli.builders.kit.plan import plan_kit

    try:
        planned = plan_kit(role, company, positions=files.positions)
    except HirecliError as exc:
        notes.append(
            f"the interview kit could not be planned ({exc.message}); custom questions "
            "were checked on their own"
        )
        return []
    for comp in planned.drafts:
        placed = files.fallback(comp.path)
        drafts.append(
            Segment(comp.name, "paragraph", placed.where, placed.file, "skills", "", -1, dotted(comp.path))
        )
    paths = {comp.name: comp.path for comp in planned.competencies}
    found: list[Segment] = []
    for question in planned.questions:
        if question.custom:
            continue
        placed = files.fallback(paths.get(question.competency) or ("title",))
        for text in (question.text, *question.probes):
            found.append(
                Segment(
                    text,
                    "question",
                    placed.where,
                    placed.file,
                    INTERVIEW,
                    question.competency,
                    -1,
                    f"kit: {question.competency}",
                )
            )
    return found
