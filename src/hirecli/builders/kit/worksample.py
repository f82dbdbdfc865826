"""The loop's scored exercise: a work sample or a knowledge question with a key.

Work samples and job-knowledge tests are among the most valid predictors of job
performance (Sackett et al. 2022), so every role with hard skills gets one. The
exercise is drawn from the role's own ``competencies:`` first, then from the library
(work samples with a scoring key, then technical questions with one), and only as a
last resort from a drafted task. Each comes with instructions for the candidate, the
materials to prepare, its time, its scoring key and what earns each rating.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Anchors, KitCompetency, KitQuestion
from hirecli.builders.kit.questions import Pool
from hirecli.builders.kit.text import fill, lower_first


@dataclass(frozen=True, slots=True)
class Exercise:
    """How one scored exercise is run and scored, for the interviewer's packet."""

    label: str
    """Work sample or Knowledge question."""
    minutes: int
    instructions: str
    """What the interviewer reads out (or hands over) to the candidate."""
    materials: tuple[str, ...]
    prepare: str
    key: tuple[str, ...]
    ratings: tuple[str, str, str, str]
    """What earns a 1, 2, 3 and 4."""


def _tiers(pool: Pool) -> list[tuple[int, KitQuestion]]:
    """The pool's questions that can serve as the exercise, with their tier (lower is better)."""
    found: list[tuple[int, KitQuestion]] = []
    for question in pool.by_type["work_sample"]:
        if question.custom:
            found.append((0, question))
        elif not question.draft and question.scoring_key:
            found.append((1, question))
        elif not question.draft:
            found.append((3, question))
        else:
            found.append((5, question))
    for question in pool.by_type["technical"]:
        if question.custom and question.scoring_key:
            found.append((2, question))
        elif not question.draft and question.scoring_key:
            found.append((4, question))
    return found


def choose(
    order: Sequence[KitCompetency], pools: Mapping[str, Pool], preferred: Sequence[str] = ()
) -> KitQuestion | None:
    """The exercise for the loop: the best-tier question among the hard competencies,
    the competencies in ``preferred`` (a stage's focus) before the others, then by rank."""
    hard = [c for c in order if c.kind == "hard"]
    if not hard:
        return None
    first = [c for c in hard if c.name in preferred] or hard
    best: tuple[int, int, KitQuestion] | None = None
    for rank, comp in enumerate(first):
        for tier, question in _tiers(pools[comp.name]):
            if best is None or (tier, rank) < best[:2]:
                best = (tier, rank, question)
    return best[2] if best else None


def points(question: KitQuestion) -> tuple[str, ...]:
    """The scoring key, or the signals of a strong answer where the question has no key."""
    return question.scoring_key or question.strong


def _needs(count: int) -> tuple[int, int]:
    need3 = count if count <= 2 else count - 1
    need2 = max(1, min(need3 - 1, math.ceil(count / 2)))
    return need3, need2


def rating_rules(question: KitQuestion, anchors: Anchors) -> tuple[str, str, str, str]:
    """What earns a 1, 2, 3 and 4 on the exercise, from the size of its key."""
    forms = kit_data("work_samples")["ratings"]
    count = len(points(question))
    need3, need2 = _needs(count)
    values = {
        "points": str(count),
        "need3": str(need3),
        "need2": str(need2),
        "anchor": lower_first(anchors[3]),
    }
    one, two, three, four = (fill(text(forms[n]), values) for n in (1, 2, 3, 4))
    if count <= 1:
        three = fill("The point of the key, with no red flag.", values)
        two = "Part of the point of the key, or the point with a red flag that is not about safety."
        one = "Misses the point of the key, or a red flag about safety, ethics or the law."
    return one, two, three, four


def exercise(question: KitQuestion, comp: KitCompetency) -> Exercise:
    data = kit_data("work_samples")
    part = data["work_sample" if question.type == "work_sample" else "knowledge"]
    warning = max(2, question.minutes // 4)
    instructions = fill(
        text(part["instructions"]), {"minutes": str(question.minutes), "warning": str(warning)}
    )
    materials = [str(m) for m in data["materials"]]
    extra = data["family_materials"].get(comp.family or "")
    if extra and question.type == "work_sample":
        materials.insert(1, str(extra))
    prepare = question.prep or text(data["prepare"])
    return Exercise(
        label=str(part["label"]),
        minutes=question.minutes,
        instructions=instructions,
        materials=tuple(materials),
        prepare=prepare,
        key=points(question),
        ratings=rating_rules(question, comp.anchors),
    )
