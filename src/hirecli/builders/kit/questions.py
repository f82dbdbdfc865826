"""The questions each competency may draw on: custom, from the library, or generated.

A pool holds, for each question type, the questions in the order the planner should
try them. Custom questions from the role file come first and are used as written.
Library questions are rotated by a stable hash of the role and ``--variant``, so that
variant 0 keeps the library's order and every other variant starts somewhere else.
Generated questions are filled from templates with the skill's name and the role's
related duties; each generated skill starts at a different template, so that no two
skills read alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Anchors, KitQuestion
from hirecli.builders.kit.templates import leads, templates
from hirecli.builders.kit.text import articles, capitalize, fill, lower_first, sentence, stable_number
from hirecli.competencies import QUESTION_TYPES, Kind, LibraryCompetency, QuestionType
from hirecli.model.role import CustomQuestion


@dataclass
class Pool:
    """Questions for one competency, by type, best first."""

    by_type: dict[QuestionType, list[KitQuestion]] = field(
        default_factory=lambda: {t: [] for t in QUESTION_TYPES}
    )
    mixed: bool = False
    """Generated questions rank with library ones: part of the name matched nothing."""

    def extend(self, other: Pool) -> None:
        for kind, questions in other.by_type.items():
            self.by_type[kind].extend(questions)

    def mix(self, other: Pool) -> None:
        """Alternate ``other``'s questions with these, type by type."""
        for kind, questions in other.by_type.items():
            self.by_type[kind] = _interleave([self.by_type[kind], questions])
        self.mixed = True

    def count(self) -> int:
        return sum(len(q) for q in self.by_type.values())


def rotation(size: int, *parts: object, variant: int) -> int:
    """Where a list of ``size`` starts for ``variant``: 0 for variant 0, never 0 otherwise."""
    if variant == 0 or size < 2:
        return 0
    return 1 + stable_number(*parts, variant) % (size - 1)


def _rotate(items: Sequence[Any], offset: int) -> list[Any]:
    return [*items[offset:], *items[:offset]] if items else []


def _interleave(lists: Sequence[Sequence[KitQuestion]]) -> list[KitQuestion]:
    out: list[KitQuestion] = []
    for index in range(max((len(x) for x in lists), default=0)):
        out.extend(x[index] for x in lists if index < len(x))
    return out


def library_pool(
    competency: str,
    entries: Sequence[LibraryCompetency],
    values: dict[str, str],
    *,
    role_id: str,
    variant: int,
) -> Pool:
    """The library questions of every entry the skill matched, alternating between them."""
    pool = Pool()
    for kind in QUESTION_TYPES:
        per_entry: list[list[KitQuestion]] = []
        for entry in entries:
            questions = [q for q in entry.questions if q.type == kind]
            offset = rotation(len(questions), role_id, competency, entry.id, kind, variant=variant)
            per_entry.append(
                [
                    KitQuestion(
                        text=articles(fill(q.text, values)),
                        type=q.type,
                        probes=q.probes,
                        strong=q.strong,
                        red_flags=q.red_flags,
                        anchors=entry.anchors,
                        minutes=q.minutes,
                        competency=competency,
                        source=q.id,
                        scoring_key=q.scoring_key,
                    )
                    for q in _rotate(questions, offset)
                ]
            )
        pool.by_type[kind] = _interleave(per_entry)
    return pool


def _duty_text(duty: str) -> str:
    """A duty quoted as its own sentence after a colon: "conduct thorough ... to others."."""
    return sentence(lower_first(duty))


def generated_pool(
    competency: str,
    skill: str,
    kind: Kind,
    duties: Sequence[str],
    anchors: Anchors,
    *,
    ordinal: int,
    variant: int,
    role: str,
) -> Pool:
    """Questions written from templates for a skill the library does not know.

    ``ordinal`` numbers the generated skills of one kit, so each starts at different
    templates; ``duties`` are the role's duties most related to the skill, best first.
    """
    choices: list[str | None] = [*duties[:2], None] if duties else [None]
    quoted = {duty: _duty_text(duty) for duty in duties[:2]}
    all_leads = leads()
    base = {"skill": skill, "Skill": capitalize(skill), "role": role}
    pool = Pool()
    for type_index, qtype in enumerate(QUESTION_TYPES):
        if kind == "soft" and qtype in ("technical", "work_sample"):
            continue
        options = templates(qtype, kind)
        start = (ordinal * 2 + variant) % len(options)
        for position, template in enumerate(_rotate(options, start)):
            # a work sample is best built on a real duty whenever there is one
            duty = (
                duties[0]
                if duties and qtype == "work_sample"
                else choices[(position + type_index) % len(choices)]
            )
            lead = all_leads[(ordinal * 3 + position + type_index) % len(all_leads)]
            values = {**base, "lead": lead, "duty": quoted[duty] if duty else ""}
            probes, strong, red_flags = template.filled(values)
            pool.by_type[qtype].append(
                KitQuestion(
                    text=articles(fill(template.with_duty if duty else template.without_duty, values)),
                    type=qtype,
                    probes=probes,
                    strong=strong,
                    red_flags=red_flags,
                    anchors=anchors,
                    minutes=template.minutes,
                    competency=competency,
                    source=template.source,
                    prep=template.prep,
                )
            )
    return pool


def generated_anchors(skill: str) -> Anchors:
    anchors = kit_data("generated_questions")["anchors"]
    one, two, three, four = (fill(text(anchors[n]), {"skill": skill}) for n in (1, 2, 3, 4))
    return one, two, three, four


def generated_definition(skill: str, kind: Kind, description: str | None, has_duty: bool) -> str:
    forms = kit_data("generated_questions")["definition"]
    if description:
        return sentence(description)
    body = forms["soft"] if kind == "soft" else forms["hard_with_duty" if has_duty else "hard"]
    return fill(text(body), {"skill": skill})


def custom_questions(
    competency: str,
    questions: Sequence[CustomQuestion],
    anchors: Anchors,
    path: tuple[str | int, ...],
) -> list[KitQuestion]:
    """The role file's own questions, used as written; empty probes and signals get the
    generic ones for their type so that every question can be rated the same way."""
    data = kit_data("generated_questions")
    out: list[KitQuestion] = []
    for index, question in enumerate(questions):
        out.append(
            KitQuestion(
                text=text(question.text),
                type=question.type,
                probes=tuple(text(p) for p in question.probes)
                or tuple(data["default_probes"][question.type]),
                strong=tuple(text(s) for s in question.strong) or tuple(data["default_signals"]["strong"]),
                red_flags=tuple(text(r) for r in question.red_flags)
                or tuple(data["default_signals"]["red_flags"]),
                anchors=anchors,
                minutes=question.minutes,
                competency=competency,
                source="role file",
                scoring_key=tuple(text(k) for k in question.scoring_key),
                path=(*path, "questions", index),
            )
        )
    return out
