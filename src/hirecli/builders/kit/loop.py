"""Sizing the interview loop to the role: its level, the stages it may get, their minutes.

A line cook and a senior engineer do not get the same loop. The role's level (entry,
hourly, professional or senior) comes from its title, employment type, pay period and
minimum experience; each level offers a few loops, smallest first (``loop.yaml``). The
planner tries them in order and keeps the first in which every competency fits. Once
the questions are chosen, a stage of the default loop is shortened to what its
questions take; a stage the role file or company profile sets keeps its minutes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import KitQuestion, Requirement
from hirecli.model.role import Role

LEVELS = ("entry", "hourly", "professional", "senior")
STEP = 5
"""Stage lengths are whole multiples of this many minutes."""


@dataclass
class StagePlan:
    """One stage while the loop is planned (frozen into a :class:`Stage` at the end)."""

    name: str
    minutes: int
    purpose: str
    """screen, manager, skills, panel or general."""
    interviewers: str | None
    aim: str
    focus: list[str] = field(default_factory=list)
    """The competencies the role file names for this stage (empty: the planner chooses)."""
    shortest: int = 0
    """The shortest the stage may become; equal to ``minutes`` when its length is fixed."""
    fixed_length: bool = False
    intro: int = 0
    budget: int = 0
    candidate: int = 0
    fixed: list[KitQuestion] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    requirement_minutes: int = 0
    logistics: list[str] = field(default_factory=list)
    logistics_minutes: int = 0
    comps: list[str] = field(default_factory=list)
    questions: list[KitQuestion] = field(default_factory=list)
    reserve: list[KitQuestion] = field(default_factory=list)
    exercise: KitQuestion | None = None

    @property
    def overhead(self) -> int:
        """Minutes of the question time that go to the screen's own parts."""
        return sum(q.minutes for q in self.fixed) + self.requirement_minutes + self.logistics_minutes

    @property
    def used(self) -> int:
        return self.overhead + sum(q.minutes for q in self.questions)

    @property
    def room(self) -> int:
        return self.budget - self.used


def _words(value: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", value.lower())) + " "


def _has_title_word(title: str, words: list[str]) -> bool:
    padded = _words(title)
    return any(_words(w) in padded for w in words)


def role_level(role: Role) -> str:
    """entry, hourly, senior or professional: what the loop is sized for."""
    data = kit_data("loop")["levels"]
    title = role.title
    period = role.compensation.period if role.compensation and role.compensation.is_set else None
    if role.employment_type in data["entry"]["types"] or _has_title_word(title, data["entry"]["titles"]):
        return "entry"
    if _has_title_word(title, data["senior"]["titles"]) or (
        role.experience.min_years is not None
        and role.experience.min_years >= int(data["senior"]["min_years"])
    ):
        return "senior"
    hourly = data["hourly"]
    if (
        period in hourly["periods"]
        or role.employment_type in hourly["types"]
        or _has_title_word(title, hourly["titles"])
    ):
        return "hourly"
    return "professional"


def stage_from_kind(kind: str, minutes: int, shortest: int) -> StagePlan:
    spec = kit_data("loop")["stage_kinds"][kind]
    return StagePlan(
        str(spec["name"]),
        minutes,
        str(spec["purpose"]),
        spec.get("interviewers"),
        text(spec["aim"]),
        shortest=shortest,
    )


def loop_options(level: str) -> list[list[StagePlan]]:
    """The loops ``level`` may get, smallest first, each as fresh stages."""
    options: list[list[dict[str, Any]]] = kit_data("loop")["loops"][level]
    return [
        [stage_from_kind(str(s["kind"]), int(s["minutes"]), int(s["min"])) for s in loop] for loop in options
    ]


def purpose_of(name: str) -> str:
    """What a stage the role file names is for, from the words in its name."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    for purpose, hints in kit_data("loop")["purposes"].items():
        if words & set(hints):
            return str(purpose)
    return "general"


def kind_for(purpose: str) -> str | None:
    """The default stage kind that serves ``purpose`` (its aim and interviewers)."""
    return {"screen": "screen", "manager": "manager", "skills": "skills", "panel": "panel"}.get(purpose)


def set_timing(stage: StagePlan) -> None:
    """About 5% introductions, 85% questions, the rest the candidate's questions and close."""
    shares = kit_data("loop")["timing"]
    stage.intro = max(1, math.ceil(stage.minutes * float(shares["intro_share"])))
    stage.budget = math.floor(stage.minutes * float(shares["question_share"]))
    stage.candidate = stage.minutes - stage.intro - stage.budget


def fit_minutes(stage: StagePlan) -> None:
    """Shorten (or, when its questions need it, lengthen) a stage of the default loop to
    the fewest whole steps of minutes that hold its questions."""
    if stage.fixed_length:
        return
    share = float(kit_data("loop")["timing"]["question_share"])
    minutes = max(stage.shortest, STEP)
    while math.floor(minutes * share) < stage.used:
        minutes += STEP
    stage.minutes = max(minutes, STEP * math.ceil(stage.shortest / STEP))
    set_timing(stage)


def max_competencies(stage: StagePlan) -> int:
    data = kit_data("loop")
    if stage.purpose == "screen":
        return int(data["screen"]["max_competencies"])
    return int(data["max_competencies"])
