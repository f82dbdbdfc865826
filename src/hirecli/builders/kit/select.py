"""Choosing each stage's questions once its competencies are placed.

Every custom question is asked. Each stage then takes one main question per
competency, rotating through the pools, mixing question types and never repeating a
question, within the stage's minutes. A competency with a single main question in the
whole loop gets a planned reserve, asked instead when the candidate has no example.
Spare minutes go to second questions, the most important competencies first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from hirecli.builders.kit.assign import ALLOWED
from hirecli.builders.kit.loop import StagePlan
from hirecli.builders.kit.model import KitCompetency, KitQuestion
from hirecli.builders.kit.questions import Pool
from hirecli.competencies import QuestionType

MAX_PER_STAGE = 3
"""Most questions one stage asks about one competency."""
RESERVE_TYPES: tuple[QuestionType, ...] = ("situational", "behavioral", "technical")
"""A reserve stands in for a main question, so no long work samples; a situational one
first, because it needs no past example."""
_TYPE_LAST = {"work_sample": 1}
_ByType = dict[QuestionType, list[KitQuestion]]
_KEY_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=1024)
def question_key(question_text: str) -> str:
    """Question text compared without case, spacing or punctuation. Cached: the planner
    compares each candidate question many times, and a kit has a few hundred."""
    return " ".join(_KEY_WORD.findall(question_text.lower()))


class Selector:
    def __init__(
        self, order: Sequence[KitCompetency], pools: Mapping[str, Pool], stages: Sequence[StagePlan]
    ) -> None:
        self.order = list(order)
        self.rank = {c.name: i for i, c in enumerate(order)}
        self.pools = pools
        self.stages = list(stages)
        self.used: set[str] = {question_key(q.text) for s in stages for q in s.fixed}
        self.templates: dict[str, int] = {}
        """How often each question template is used, so that generated questions vary."""
        self.warnings: list[str] = []
        self.shortest: dict[tuple[str, str], int] = {}
        """:meth:`_shortest` by competency and stage purpose: pools do not change while planning."""
        self.split: dict[str, tuple[_ByType, _ByType]] = {}
        """:meth:`_split` by competency."""

    def _types(self, stage: StagePlan, comp: str) -> list[QuestionType]:
        allowed: list[QuestionType] = [t for t in ALLOWED[stage.purpose] if t != "work_sample"]
        if self.rank_of(comp).kind == "soft":
            allowed = [t for t in allowed if t != "technical"] or allowed
        counts = {t: sum(1 for q in stage.questions if q.type == t) for t in allowed}
        return sorted(allowed, key=lambda t: (counts[t], allowed.index(t)))

    def rank_of(self, comp: str) -> KitCompetency:
        return self.order[self.rank[comp]]

    def pick(
        self, stage: StagePlan, comp: str, allowance: int | None, types: Sequence[QuestionType] | None = None
    ) -> KitQuestion | None:
        """The next unused question of ``comp`` that fits ``allowance`` minutes: written
        questions (custom or library) before generated ones, the stage's least used type
        first."""
        pool = self.pools[comp]
        used = self.used
        order = list(types or self._types(stage, comp))
        for qtype in order:
            for question in pool.by_type[qtype] if pool.mixed else self._written(comp, qtype):
                if question_key(question.text) not in used and (
                    allowance is None or question.minutes <= allowance
                ):
                    return question
        # the generated question whose template is least used so far, earliest first
        best: tuple[int, int, KitQuestion] | None = None
        for rank, qtype in enumerate(order):
            for question in self._drafts(comp, qtype):
                count = self.templates.get(question.source, 0)
                if (best is not None and (count, rank) >= best[:2]) or (
                    allowance is not None and question.minutes > allowance
                ):
                    continue
                if question_key(question.text) not in used:
                    if not count:  # nothing later ranks before it
                        return question
                    best = (count, rank, question)
        return best[2] if best else None

    def _written(self, comp: str, qtype: QuestionType) -> list[KitQuestion]:
        """The custom and library questions of ``comp`` of one type, in the pool's order."""
        return self._split(comp)[0][qtype]

    def _drafts(self, comp: str, qtype: QuestionType) -> list[KitQuestion]:
        """The generated questions of ``comp`` of one type, in the pool's order."""
        return self._split(comp)[1][qtype]

    def _split(self, comp: str) -> tuple[_ByType, _ByType]:
        """The pool of ``comp`` split once into written and generated questions: the planner
        looks through it for every question it places."""
        if comp not in self.split:
            by_type = self.pools[comp].by_type
            self.split[comp] = (
                {t: [q for q in qs if not q.draft] for t, qs in by_type.items()},
                {t: [q for q in qs if q.draft] for t, qs in by_type.items()},
            )
        return self.split[comp]

    def take(self, stage: StagePlan, question: KitQuestion, *, reserve: bool = False) -> None:
        self.used.add(question_key(question.text))
        self.templates[question.source] = self.templates.get(question.source, 0) + 1
        (stage.reserve if reserve else stage.questions).append(question)
        if question.competency not in stage.comps:
            stage.comps.append(question.competency)

    def main_count(self, comp: str) -> int:
        return sum(1 for s in self.stages for q in s.questions if q.competency == comp)

    def place_exercise(self, index: int, question: KitQuestion) -> None:
        stage = self.stages[index]
        stage.exercise = question
        self.take(stage, question)

    def place_custom(self, planned: Sequence[Sequence[str]]) -> None:
        """Every custom question is asked: spread over its competency's stages, in order."""
        for comp in self.order:
            custom = [q for qs in self.pools[comp.name].by_type.values() for q in qs if q.custom]
            stages = [i for i, names in enumerate(planned) if comp.name in names]
            if not custom or not stages:
                continue
            for number, question in enumerate(custom):
                if question_key(question.text) in self.used:
                    if not any(question == s.exercise for s in self.stages):
                        self.warnings.append(
                            f'The question "{question.text}" is asked twice; the second copy was left out.'
                        )
                    continue
                self.take(self.stages[stages[number % len(stages)]], question)

    def main(self, planned: Sequence[Sequence[str]], *, flexible: Sequence[bool]) -> list[tuple[int, str]]:
        """One main question per planned competency and stage. A stage that may grow
        (``flexible``) takes the best question even when it runs over; a fixed one only
        what fits. Returns the (stage, competency) pairs that found no question."""
        missed: list[tuple[int, str]] = []
        for index, stage in enumerate(self.stages):
            pending = sorted(planned[index], key=lambda n: self.rank[n])
            for position, comp in enumerate(pending):
                if any(q.competency == comp for q in stage.questions):
                    continue
                later = sum(
                    self._shortest(c, stage.purpose)
                    for c in pending[position + 1 :]
                    if not any(q.competency == c for q in stage.questions)
                )
                question = self.pick(stage, comp, stage.room - later) or self.pick(
                    stage, comp, None if flexible[index] else stage.room
                )
                if question is None:
                    missed.append((index, comp))
                else:
                    self.take(stage, question)
        return missed

    def _shortest(self, comp: str, purpose: str) -> int:
        """The minutes of the shortest question of ``comp`` a stage of ``purpose`` may ask
        (work samples aside), to keep room for the competencies still to place."""
        k = (comp, purpose)
        if k not in self.shortest:
            self.shortest[k] = min(
                (
                    q.minutes
                    for t in ALLOWED[purpose]
                    if t != "work_sample"
                    for q in self.pools[comp].by_type[t]
                ),
                default=6,
            )
        return self.shortest[k]

    def reserves(self) -> None:
        for comp in self.order:
            stages = [s for s in self.stages if any(q.competency == comp.name for q in s.questions)]
            if not stages:
                continue
            have = self.main_count(comp.name)
            while have < 2:
                question = self.pick(stages[0], comp.name, None, RESERVE_TYPES)
                if question is None:
                    break
                self.take(stages[0], question, reserve=True)
                have += 1

    def extras(self) -> None:
        """Spend spare minutes on second questions: must-haves and heavy competencies
        first, then any competency the stage assesses."""
        rounds = (
            lambda stage, comp: comp.must_have or comp.weight > 1,
            lambda stage, comp: True,
        )
        for wanted in rounds:
            changed = True
            while changed:
                changed = False
                for stage in self.stages:
                    for comp in self.order:
                        if comp.name not in stage.comps or stage.room <= 0 or not wanted(stage, comp):
                            continue
                        if sum(1 for q in stage.questions if q.competency == comp.name) >= MAX_PER_STAGE:
                            continue
                        question = self.pick(stage, comp.name, stage.room)
                        if question is not None:
                            self.take(stage, question)
                            changed = True

    def order_questions(self) -> None:
        for stage in self.stages:
            stage.questions.sort(key=lambda q: (_TYPE_LAST.get(q.type, 0), self.rank.get(q.competency, -1)))
            stage.reserve.sort(key=lambda q: self.rank.get(q.competency, -1))
