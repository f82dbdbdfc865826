"""Placing competencies in stages: few per interview, must-haves twice, the right judges.

Competencies are placed in order of importance (must-have, weight, then as the role
lists them). Each stage takes at most ``max_competencies`` (the screen two, and only
soft ones with a short question: a recruiter cannot judge hard skills), and only as
many as its minutes hold, judged by a typical question of each. Hard skills go to the
skills stage first and soft skills to the panel; a must-have gets a second stage. A
stage whose competencies the role file names (``focus``) takes others only to cover
gaps. What fits nowhere is not dropped: the plan assesses it another way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from hirecli.builders.kit.data import kit_data
from hirecli.builders.kit.loop import StagePlan, max_competencies
from hirecli.builders.kit.model import KitCompetency
from hirecli.builders.kit.questions import Pool
from hirecli.competencies import QuestionType

ALLOWED: dict[str, tuple[QuestionType, ...]] = {
    "screen": ("behavioral", "situational"),
    "manager": ("behavioral", "situational", "technical"),
    "skills": ("technical", "situational", "behavioral", "work_sample"),
    "panel": ("behavioral", "situational"),
    "general": ("behavioral", "situational", "technical", "work_sample"),
}
PREFERENCE: dict[str, tuple[tuple[str, ...], ...]] = {
    "hard": (("skills", "general"), ("manager",), ("panel",)),
    "soft": (("panel", "manager", "general"), ("screen",), ("skills",)),
}
"""Where each kind of competency goes: tiers of stage purposes, best first. Within a tier
the stage with the fewest competencies so far takes it, so that interviews stay balanced."""


def typical_minutes(pool: Pool, purpose: str, *, tight: bool = False) -> int:
    """The minutes a typical question of ``pool`` takes in a stage of ``purpose`` (the
    median of its written questions of the stage's types, work samples aside); with
    ``tight``, its shortest."""
    questions = [q for t in ALLOWED[purpose] if t != "work_sample" for q in pool.by_type[t]]
    written = [q.minutes for q in questions if not q.draft]
    minutes = sorted(written or [q.minutes for q in questions])
    if not minutes:
        return 6
    return minutes[0] if tight else minutes[len(minutes) // 2]


@dataclass
class Assignment:
    planned: list[list[str]]
    """The competencies of each stage, in the order they were placed."""
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Assigner:
    def __init__(
        self,
        order: Sequence[KitCompetency],
        pools: Mapping[str, Pool],
        stages: Sequence[StagePlan],
        exercise: tuple[int, str, int] | None,
    ) -> None:
        """``exercise``: the stage index, competency and minutes of the scored exercise."""
        self.order = list(order)
        self.comps = {c.name: c for c in order}
        self.pools = pools
        self.stages = list(stages)
        self.exercise = exercise
        self.planned: list[list[str]] = [[] for _ in stages]
        self.load = [s.overhead for s in stages]
        self.notes: list[str] = []
        self.screen_minutes = int(kit_data("loop")["screen"]["max_question_minutes"])
        self.typical: dict[tuple[str, str, bool], int] = {}
        """:func:`typical_minutes` by competency, purpose and tightness: asked again and again."""

    # -- what fits where ----------------------------------------------------------

    def cost(self, index: int, name: str, *, tight: bool = False) -> int:
        if self.exercise and self.exercise[:2] == (index, name):
            return self.exercise[2]
        return self.minutes(name, self.stages[index].purpose, tight=tight)

    def minutes(self, name: str, purpose: str, *, tight: bool = False) -> int:
        """The typical minutes of a question of ``name`` in a stage of ``purpose``."""
        k = (name, purpose, tight)
        if k not in self.typical:
            self.typical[k] = typical_minutes(self.pools[name], purpose, tight=tight)
        return self.typical[k]

    def suits(self, index: int, comp: KitCompetency) -> bool:
        """Whether the stage's interviewers can judge ``comp``: no hard skill in a screen,
        and only soft skills with a short question there."""
        stage = self.stages[index]
        if stage.purpose != "screen":
            return True
        return comp.kind == "soft" and self.minutes(comp.name, "screen", tight=True) <= self.screen_minutes

    def fits(self, index: int, name: str, *, tight: bool = False) -> bool:
        stage = self.stages[index]
        return (
            len(self.planned[index]) < max_competencies(stage)
            and name not in self.planned[index]
            and self.load[index] + self.cost(index, name, tight=tight) <= stage.budget
        )

    def place(self, index: int, name: str, *, tight: bool = False) -> None:
        self.planned[index].append(name)
        self.load[index] += self.cost(index, name, tight=tight)

    def where(self, name: str) -> list[int]:
        return [i for i, names in enumerate(self.planned) if name in names]

    def home(self, comp: KitCompetency) -> list[int]:
        """The stages for ``comp``, best first: by tier, then the least busy stage of a tier."""
        out: list[int] = []
        for tier in PREFERENCE[comp.kind]:
            found = [i for i, s in enumerate(self.stages) if s.purpose in tier and self.suits(i, comp)]
            found.sort(
                key=lambda i: (
                    len(self.planned[i]),
                    self.load[i] / max(self.stages[i].budget, 1),
                    tier.index(self.stages[i].purpose),
                )
            )
            out += found
        return out

    # -- placing ------------------------------------------------------------------

    def _focus(self) -> None:
        """The role file's focus lists first, as far as the stage can take them."""
        for index, stage in enumerate(self.stages):
            for name in stage.focus:
                comp = self.comps.get(name)
                if comp is None or name in self.planned[index]:
                    continue
                if not self.suits(index, comp):
                    self.notes.append(
                        f"{name} is a hard skill, which a recruiter cannot judge: "
                        f"moved from {stage.name} to a stage with people who do the work."
                    )
                    continue
                if self.fits(index, name) or self.fits(index, name, tight=True):
                    self.place(index, name, tight=not self.fits(index, name))
                else:
                    self.notes.append(
                        f"{name} did not fit in {stage.name} (at most "
                        f"{max_competencies(stage)} competencies, in its minutes); "
                        "the plan places it elsewhere."
                    )

    def run(self) -> Assignment:
        if self.exercise is not None:
            index, name, _ = self.exercise
            if name not in self.planned[index]:
                self.place(index, name)
        self._focus()
        interviews = sum(1 for s in self.stages if s.purpose != "screen") or 1
        share = math.ceil(sum(2 if c.must_have else 1 for c in self.order) / interviews)
        passes = (
            (True, False, True),
            (True, False, False),
            (True, True, False),
            (False, False, False),
            (False, True, False),
        )
        for comp in self.order:
            wanted = 2 if comp.must_have else 1
            for open_only, tight, fair in passes:
                while len(self.where(comp.name)) < wanted:
                    found = [
                        i
                        for i in self.home(comp)
                        if self.fits(i, comp.name, tight=tight)
                        and not (open_only and self.stages[i].focus)
                        and not (
                            fair and self.stages[i].purpose != "screen" and len(self.planned[i]) >= share
                        )
                    ]
                    if not found:
                        break
                    self.place(found[0], comp.name, tight=tight)
                    self._note_added(comp, found[0])
            if not self.where(comp.name):
                self._make_room(comp)
        unplaced = [c.name for c in self.order if not self.where(c.name)]
        return Assignment(self.planned, unplaced, self.notes)

    def _make_room(self, comp: KitCompetency) -> None:
        """Place ``comp`` by moving a competency of one of its stages to another stage
        that can take it (a soft skill to the screen, say)."""
        for index in self.home(comp):
            stage = self.stages[index]
            for other in list(self.planned[index]):
                moved = self.comps.get(other)
                if (
                    moved is None
                    or other in stage.focus
                    or (self.exercise is not None and self.exercise[:2] == (index, other))
                ):
                    continue
                for target in self.home(moved):
                    if target == index or not self.fits(target, other, tight=True):
                        continue
                    self.planned[index].remove(other)
                    self.load[index] -= self.cost(index, other)
                    if self.fits(index, comp.name, tight=True):
                        self.place(target, other, tight=True)
                        self.place(index, comp.name, tight=True)
                        return
                    self.planned[index].append(other)
                    self.load[index] += self.cost(index, other)

    def _note_added(self, comp: KitCompetency, index: int) -> None:
        """Say so when the plan adds a competency to a stage whose focus the role file set."""
        stage = self.stages[index]
        if not stage.focus or comp.name in stage.focus:
            return
        if any(comp.name in s.focus for s in self.stages):
            self.notes.append(f"Must-have {comp.name} needs a second stage; added to {stage.name}.")
        else:
            self.notes.append(f"{comp.name} is in no stage's focus; added to {stage.name}.")
