"""The interview kit as data: competencies, questions, stages and what the plan found.

``plan_kit`` makes a :class:`Kit`; the kit and scorecard builders turn it into
documents, and the linter reads its questions. Nothing here knows about formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hirecli.competencies import Kind, QuestionType

Anchors = tuple[str, str, str, str]
"""What a 1, 2, 3 and 4 answer looks like."""

GENERATED = "generated"
ROLE_FILE = "role file"
_DRAFT = GENERATED + ":"


@dataclass(frozen=True, slots=True)
class KitQuestion:
    text: str
    type: QuestionType
    probes: tuple[str, ...]
    strong: tuple[str, ...]
    red_flags: tuple[str, ...]
    anchors: Anchors
    minutes: int
    competency: str
    """The name of the kit competency the question assesses."""
    source: str
    """A library question id, ``generated:<template>``, or ``role file``."""
    prep: str | None = None
    """What the interviewer prepares beforehand (work samples)."""
    path: tuple[str | int, ...] | None = None
    """Where a custom question stands in the role file."""
    scoring_key: tuple[str, ...] = ()
    """What a correct answer contains (technical questions and work samples)."""

    @property
    def custom(self) -> bool:
        return self.source == ROLE_FILE

    @property
    def draft(self) -> bool:
        """Drafted from templates for a skill the library does not know."""
        return self.source.startswith(_DRAFT)


@dataclass(frozen=True, slots=True)
class KitCompetency:
    name: str
    definition: str
    context: str | None
    """The role's duty this competency shows up in, when one relates to it."""
    kind: Kind
    must_have: bool
    weight: float
    sources: tuple[str, ...]
    """Library ids, or ``generated``, or ``role file`` (a competency only the role defines)."""
    how: str
    """How the name was matched: alias, fuzzy, generated or role file."""
    confidence: float | None
    anchors: Anchors
    path: tuple[str | int, ...] = ()
    """Where the skill or competency stands in the role file."""
    skills: tuple[str, ...] = ()
    """Every skill of the role this competency assesses, when it is more than its own name
    (two skills that mean the same competency are assessed and weighted once)."""
    family: str | None = None
    """The library family of the competency it draws on."""

    @property
    def generated(self) -> bool:
        """Questions drafted from templates: to be reviewed before use."""
        return self.sources == (GENERATED,)

    @property
    def covers(self) -> tuple[str, ...]:
        return self.skills or (self.name,)


@dataclass(frozen=True, slots=True)
class Timing:
    """How a stage's minutes divide: introductions, questions, the candidate's questions."""

    minutes: int
    intro: int
    questions: int
    """Minutes available for the interviewer's questions."""
    used: int
    """Minutes the planned questions take."""
    candidate: int

    @property
    def over(self) -> int:
        return max(0, self.used - self.questions)


@dataclass(frozen=True, slots=True)
class Requirement:
    """A yes/no requirement the recruiter screen confirms."""

    text: str
    licence: bool = False
    """A licence or certificate: the screen takes its number to verify with the issuing body."""


CheckMethod = Literal["requirements", "knowledge test", "reference check"]


@dataclass(frozen=True, slots=True)
class Deferred:
    """A competency the interviews do not assess in depth, and how it is assessed instead."""

    competency: str
    method: CheckMethod
    reason: str
    """Why the interviews leave it out, in a sentence."""
    how: str
    """What to do instead, in a sentence."""
    question: KitQuestion | None = None
    """The knowledge-test question (with its scoring key) or the referee question."""


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    minutes: int
    purpose: str
    """screen, manager, skills, panel or general."""
    interviewers: str | None
    aim: str
    competencies: tuple[str, ...]
    questions: tuple[KitQuestion, ...]
    reserve: tuple[KitQuestion, ...]
    """Planned alternates: asked instead of a main question when the candidate has no
    example for it, or after the main questions when time remains."""
    timing: Timing
    requirements: tuple[Requirement, ...] = ()
    requirement_minutes: int = 0
    logistics: tuple[str, ...] = ()
    """Questions on start date, pay, place and schedule that the screen asks and does not rate."""
    logistics_minutes: int = 0
    exercise: KitQuestion | None = None
    """The stage's scored work sample or knowledge question (also one of its questions)."""
    number: int = 0
    """The stage's place in the loop, from 1."""

    def reserve_for(self, question: KitQuestion) -> KitQuestion | None:
        """The reserve question that stands in for ``question`` (the first main question of
        its competency in this stage), if there is one."""
        first = next((q for q in self.questions if q.competency == question.competency), None)
        if first != question:
            return None
        return next((r for r in self.reserve if r.competency == question.competency), None)


@dataclass(frozen=True, slots=True)
class MatchRow:
    """One line of ``--explain``: a skill and what it matched."""

    skill: str
    matched: str
    how: str
    confidence: float | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Kit:
    role_id: str
    title: str
    company: str | None
    variant: int
    competencies: tuple[KitCompetency, ...]
    stages: tuple[Stage, ...]
    matches: tuple[MatchRow, ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    country: str | None = None
    pay: str | None = None
    schedule: str | None = None
    fields: tuple[str, ...] = ()
    """The job families the role was found to belong to (empty: unknown)."""
    source: str = "<role>"
    """The role file, for messages."""
    level: str = "professional"
    """What the loop was sized for: entry, hourly, professional or senior."""
    deferred: tuple[Deferred, ...] = ()
    """Competencies assessed outside the interviews (requirements, knowledge test, references)."""
    kit_competencies: tuple[KitCompetency, ...] = ()
    """Competencies the kit adds itself and rates (motivation for the role in the screen)."""

    @property
    def rated(self) -> tuple[KitCompetency, ...]:
        """Every competency some stage rates: the kit's own first, then the role's assessed ones."""
        deferred = {d.competency for d in self.deferred}
        return (*self.kit_competencies, *(c for c in self.competencies if c.name not in deferred))

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.stages)

    @property
    def drafts(self) -> list[KitCompetency]:
        """Competencies the interviews ask draft questions about: skills the library does not
        know (those assessed outside the interviews ask none)."""
        deferred = {d.competency for d in self.deferred}
        return [c for c in self.competencies if c.generated and c.name not in deferred]

    @property
    def questions(self) -> list[KitQuestion]:
        """Every question of the kit, main and reserve, stage by stage."""
        return [q for stage in self.stages for q in (*stage.questions, *stage.reserve)]

    def competency(self, name: str) -> KitCompetency:
        for comp in (*self.competencies, *self.kit_competencies):
            if comp.name == name:
                return comp
        raise KeyError(name)

    def stages_for(self, name: str) -> list[Stage]:
        """The stages whose main questions assess ``name``."""
        return [s for s in self.stages if any(q.competency == name for q in s.questions)]
