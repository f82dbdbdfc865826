"""Planning the interview loop: which stage assesses which competency with which questions.

The plan is made in two steps so that ``--variant`` changes questions but never the
shape of the loop. First competencies are placed in stages by their kind, must-have
flag and weight, using the shortest suitable question of each to judge what fits.
Then each stage picks its questions, rotating through the pools, mixing question
types, never repeating a question, and keeping within the stage's minutes (about
5% introductions, 80-85% questions, the rest the candidate's questions). What is left
over goes to second questions; a competency still short of two questions gets a
planned reserve question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hirecli.builders.kit.competencies import Built, Context, build_competencies, field_phrase, role_phrase
from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import (
    Kit,
    KitCompetency,
    KitQuestion,
    Requirement,
    Stage,
    Timing,
)
from hirecli.builders.kit.text import fill, lower_first, sentence
from hirecli.competencies import QuestionType, key, load_library
from hirecli.errors import Problem, UnknownFormatError, ValidationFailed
from hirecli.families import role_fields
from hirecli.model.company import Company
from hirecli.model.role import InterviewPlan, Role
from hirecli.model.yamlsource import SourceMap

ALLOWED: dict[str, tuple[QuestionType, ...]] = {
    "screen": ("behavioral", "situational"),
    "manager": ("behavioral", "situational", "technical"),
    "skills": ("technical", "situational", "behavioral", "work_sample"),
    "panel": ("behavioral", "situational"),
    "general": ("behavioral", "situational", "technical", "work_sample"),
}
MAX_PER_STAGE = 3
"""Most questions one stage asks about one competency."""
RESERVE_TYPES: tuple[QuestionType, ...] = ("situational", "behavioral", "technical")
"""A reserve stands in for a main question, so no long work samples; a situational one
first, because it needs no past example."""
_TYPE_LAST = {"work_sample": 1}


@dataclass
class _Stage:
    name: str
    minutes: int
    purpose: str
    interviewers: str | None
    aim: str
    focus: list[str]
    intro: int = 0
    budget: int = 0
    candidate: int = 0
    fixed: list[KitQuestion] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    requirement_minutes: int = 0
    comps: list[str] = field(default_factory=list)
    questions: list[KitQuestion] = field(default_factory=list)
    reserve: list[KitQuestion] = field(default_factory=list)

    @property
    def used(self) -> int:
        return sum(q.minutes for q in (*self.fixed, *self.questions)) + self.requirement_minutes

    @property
    def room(self) -> int:
        return self.budget - self.used


def question_key(question_text: str) -> str:
    """Question text compared without case, spacing or punctuation."""
    return " ".join(re.findall(r"[a-z0-9]+", question_text.lower()))


# ---- stages ---------------------------------------------------------------------------


def _purpose(name: str) -> str:
    words = set(re.findall(r"[a-z]+", name.lower()))
    for purpose, hints in kit_data("loop")["purposes"].items():
        if words & set(hints):
            return str(purpose)
    return "general"


def _timing(stage: _Stage) -> None:
    shares = kit_data("loop")["timing"]
    stage.intro = max(1, math.ceil(stage.minutes * float(shares["intro_share"])))
    stage.budget = math.floor(stage.minutes * float(shares["question_share"]))
    stage.candidate = stage.minutes - stage.intro - stage.budget


def _default_stages() -> list[_Stage]:
    return [
        _Stage(str(s["name"]), int(s["minutes"]), str(s["purpose"]), s.get("interviewers"),
               text(s["aim"]), [])
        for s in kit_data("loop")["stages"]
    ]


def _resolve(name: str, comps: Sequence[KitCompetency]) -> KitCompetency | None:
    wanted = key(name)
    for comp in comps:
        if key(comp.name) == wanted:
            return comp
    return None


def _closest(name: str, names: Sequence[str]) -> str | None:
    from rapidfuzz import fuzz, process

    found = process.extractOne(name, list(names), scorer=fuzz.WRatio)
    return str(found[0]) if found and found[1] >= 70 else None


def _role_stages(plan: InterviewPlan, comps: Sequence[KitCompetency], positions: SourceMap | None,
                 source: str, *, strict: bool = True) -> tuple[list[_Stage], list[Problem]]:
    """A plan's stages, with every focus name checked against the role's competencies.

    A company's default plan is not strict: its focus names apply to the roles that
    have them and are passed over in the others.
    """
    aims = kit_data("loop")["purpose_aims"]
    defaults = {s.purpose: s for s in _default_stages()}
    stages: list[_Stage] = []
    problems: list[Problem] = []
    names = [c.name for c in comps]
    for s_index, spec in enumerate(plan.stages):
        purpose = _purpose(spec.name)
        aim = defaults[purpose].aim if purpose in defaults else text(aims[purpose])
        focus: list[str] = []
        for f_index, name in enumerate(spec.focus):
            comp = _resolve(name, comps)
            if comp is None and not strict:
                continue
            if comp is None:
                hint = _closest(name, names)
                message = (f"interview_plan focus {name!r} is not one of this role's skills or "
                           f"competencies" + (f"; did you mean {hint!r}?" if hint else
                                              f" (known: {', '.join(names)})"))
                path = ("interview_plan", "stages", s_index, "focus", f_index)
                pos = positions.locate(path) if positions else None
                problems.append(Problem(source, pos.line if pos else 1, pos.column if pos else 1,
                                        message, "unknown-focus"))
            elif comp.name not in focus:
                focus.append(comp.name)
        interviewers = spec.interviewers or (defaults[purpose].interviewers if purpose in defaults
                                             else None)
        stages.append(_Stage(spec.name, spec.minutes, purpose, interviewers, aim, focus))
    return stages, problems


# ---- the screen's own parts ---------------------------------------------------------


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    from babel import Locale

    name = Locale("en").territories.get(code)
    return str(name) if name else code


def country_phrase(role: Role) -> str:
    code = role.location.country if role.location else None
    name = _country_name(code)
    if name is None:
        return "the country where this job is based"
    return f"the {name}" if name.startswith(("United", "Netherlands", "Philippines")) else name


def _requirements(role: Role) -> list[Requirement]:
    forms = kit_data("loop")["requirements"]
    found = [Requirement(fill(forms["authorization"], {"country": country_phrase(role)}))]
    if role.schedule:
        found.append(Requirement(fill(forms["schedule"], {"item": lower_first(sentence(role.schedule))})))
    items = [*role.education.minimum, *role.qualifications.required]
    if role.experience.description:
        items.append(role.experience.description)
    found += [Requirement(sentence(item)) for item in items]
    return found


def _motivation(variant: int, role_words: str) -> KitQuestion:
    data = kit_data("loop")["screen"]["motivation"]
    options = data["questions"]
    chosen = options[variant % len(options)]
    anchors = data["anchors"]
    return KitQuestion(
        text=fill(text(chosen["text"]), {"role": role_words}), type=chosen["type"],
        probes=tuple(text(p) for p in chosen["probes"]),
        strong=tuple(text(s) for s in chosen["strong"]),
        red_flags=tuple(text(r) for r in chosen["red_flags"]),
        anchors=(text(anchors[1]), text(anchors[2]), text(anchors[3]), text(anchors[4])),
        minutes=int(chosen["minutes"]), competency=str(data["competency"]),
        source=str(chosen["id"]),
    )


# ---- the planner ----------------------------------------------------------------------


class _Planner:
    def __init__(self, built: Built, stages: list[_Stage]) -> None:
        self.comps = {c.name: c for c in built.competencies}
        self.pools = built.pools
        self.order = sorted(built.competencies,
                            key=lambda c: (not c.must_have, -c.weight, built.competencies.index(c)))
        self.rank = {c.name: i for i, c in enumerate(self.order)}
        self.stages = stages
        self.used: set[str] = {question_key(q.text) for s in stages for q in s.fixed}
        self.planned: list[list[str]] = [list(s.comps) for s in stages]
        self.load = [s.used for s in stages]
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.added: dict[str, list[str]] = {}
        self.templates: dict[str, int] = {}
        """How often each question template is used, so that generated questions vary."""

    # -- placing competencies ---------------------------------------------------------

    def shortest(self, comp: str, stage: _Stage, *, tight: bool = False) -> int:
        """The minutes a typical question of ``comp`` takes in ``stage`` (the median of
        its written questions of the stage's types, work samples aside); with ``tight``,
        its shortest question."""
        questions = [q for t in ALLOWED[stage.purpose] if t != "work_sample"
                     for q in self.pools[comp].by_type[t]]
        written = [q.minutes for q in questions if not q.source.startswith("generated")]
        minutes = sorted(written or [q.minutes for q in questions])
        if not minutes:
            return 6
        return minutes[0] if tight else minutes[len(minutes) // 2]

    def fits_kind(self, comp: KitCompetency, stage: _Stage) -> bool:
        if stage.purpose == "skills":
            return comp.kind == "hard" or not any(c.kind == "hard" for c in self.comps.values())
        if stage.purpose == "panel":
            return comp.kind == "soft" or not any(c.kind == "soft" for c in self.comps.values())
        if stage.purpose == "screen":
            return comp.must_have or comp.kind == "soft"
        return True

    def room_for(self, index: int, comp: str, *, tight: bool = False) -> bool:
        stage = self.stages[index]
        return self.load[index] + self.shortest(comp, stage, tight=tight) <= stage.budget

    def place(self, index: int, comp: str, *, tight: bool = False) -> None:
        self.planned[index].append(comp)
        self.load[index] += self.shortest(comp, self.stages[index], tight=tight)

    def where(self, comp: str) -> list[int]:
        return [i for i, names in enumerate(self.planned) if comp in names]

    def by_purpose(self, *purposes: str) -> list[int]:
        return [i for p in purposes for i, s in enumerate(self.stages) if s.purpose == p]

    def home(self, comp: KitCompetency) -> list[int]:
        first = "skills" if comp.kind == "hard" else "panel"
        second = "panel" if comp.kind == "hard" else "skills"
        return self.by_purpose(first, "manager", "general", second, "screen")

    def open_stage(self, index: int) -> bool:
        """Stages with a focus list take other competencies only to cover gaps."""
        return not self.stages[index].focus

    def assign(self) -> None:
        for index, stage in enumerate(self.stages):
            for name in stage.focus:
                self.place(index, name)
        screen = self.by_purpose("screen")
        for comp in self.order:
            wanted = 2 if comp.must_have else 1
            for open_only, tight in ((True, False), (False, False), (False, True)):
                for index in self.home(comp):
                    if len(self.where(comp.name)) >= wanted:
                        break
                    if index in self.where(comp.name) or (open_only and not self.open_stage(index)):
                        continue
                    if index in screen and not self.fits_kind(comp, self.stages[index]):
                        continue
                    if self.room_for(index, comp.name, tight=tight):
                        self.place(index, comp.name, tight=tight)
                        self._note_added(comp, index)
            if not self.where(comp.name):
                candidates = [i for i in self.home(comp) if i not in screen] or list(range(len(self.stages)))
                best = max(candidates, key=lambda i: self.stages[i].budget - self.load[i])
                self.place(best, comp.name)
        self._fill_screen(screen)
        self._fill_manager()
        self._added_notes()

    def _note_added(self, comp: KitCompetency, index: int) -> None:
        """Remember when the plan adds a competency to a stage whose focus the role set."""
        if not self.open_stage(index):
            self.added.setdefault(comp.name, []).append(self.stages[index].name)

    def _added_notes(self) -> None:
        for name, stages in self.added.items():
            where = " and ".join(stages)
            if any(name in s.focus for s in self.stages):
                self.notes.append(f"Must-have {name} needs a second stage; added to {where}, "
                                  "where time allowed.")
            else:
                self.notes.append(f"{name} is in no stage's focus; added to {where}, where time "
                                  "allowed.")

    def _fill_screen(self, screen: list[int]) -> None:
        limit = int(kit_data("loop")["screen"]["max_competencies"])
        for index in screen:
            if not self.open_stage(index):
                continue
            for comp in sorted(self.order, key=lambda c: (not c.must_have, c.kind != "soft",
                                                          self.rank[c.name])):
                if len(self.planned[index]) >= limit:
                    break
                if comp.name not in self.planned[index] and self.fits_kind(comp, self.stages[index]) \
                        and self.room_for(index, comp.name):
                    self.place(index, comp.name)

    def _fill_manager(self) -> None:
        weights = {c.weight for c in self.order}
        if len(weights) < 2:
            return
        lowest = min(weights)
        for index in self.by_purpose("manager"):
            if not self.open_stage(index):
                continue
            for comp in self.order:
                if comp.weight > lowest and comp.name not in self.planned[index] \
                        and self.room_for(index, comp.name):
                    self.place(index, comp.name)

    # -- picking questions ----------------------------------------------------------

    def _types(self, stage: _Stage) -> list[QuestionType]:
        counts = {t: sum(1 for q in stage.questions if q.type == t) for t in ALLOWED[stage.purpose]}
        allowed = [t for t in ALLOWED[stage.purpose]
                   if not (t == "work_sample" and counts["work_sample"] >= 1)]
        return sorted(allowed, key=lambda t: (counts[t], ALLOWED[stage.purpose].index(t)))

    def pick(self, stage: _Stage, comp: str, allowance: int | None,
             types: Sequence[QuestionType] | None = None) -> KitQuestion | None:
        """The next unused question of ``comp`` that fits ``allowance`` minutes: written
        questions (custom or library) before generated ones, the stage's least used type
        first. Without an allowance, any type will do as a last resort."""
        pool = self.pools[comp]
        order = list(types or self._types(stage))
        if allowance is None and types is None:
            order += [t for t in pool.by_type if t not in order and t != "work_sample"]

        def usable(question: KitQuestion) -> bool:
            return question_key(question.text) not in self.used and (
                allowance is None or question.minutes <= allowance)

        for qtype in order:
            for question in pool.by_type[qtype]:
                if (pool.mixed or not question.source.startswith("generated")) and usable(question):
                    return question
        generated = [(self.templates.get(q.source, 0), rank, q)
                     for rank, qtype in enumerate(order) for q in pool.by_type[qtype]
                     if q.source.startswith("generated") and usable(q)]
        if not generated:
            return None
        return min(generated, key=lambda item: (item[0], item[1]))[2]

    def take(self, stage: _Stage, question: KitQuestion, *, reserve: bool = False) -> None:
        self.used.add(question_key(question.text))
        self.templates[question.source] = self.templates.get(question.source, 0) + 1
        (stage.reserve if reserve else stage.questions).append(question)
        if question.competency not in stage.comps:
            stage.comps.append(question.competency)

    def main_count(self, comp: str) -> int:
        return sum(1 for s in self.stages for q in s.questions if q.competency == comp)

    def place_custom(self) -> None:
        """Every custom question is asked: spread over its competency's stages, in order."""
        for comp in self.order:
            custom = [q for qs in self.pools[comp.name].by_type.values() for q in qs if q.custom]
            stages = self.where(comp.name)
            if not custom or not stages:
                continue
            for number, question in enumerate(custom):
                if question_key(question.text) in self.used:
                    self.warnings.append(f"The question \"{question.text}\" is asked twice; the "
                                         "second copy was left out.")
                    continue
                self.take(self.stages[stages[number % len(stages)]], question)

    def select(self) -> None:
        self.place_custom()
        for index, stage in enumerate(self.stages):
            pending = sorted(self.planned[index], key=lambda n: self.rank[n])
            for position, comp in enumerate(pending):
                if any(q.competency == comp for q in stage.questions):
                    continue
                later = sum(self.shortest(c, stage, tight=True) for c in pending[position + 1:]
                            if not any(q.competency == c for q in stage.questions))
                question = self.pick(stage, comp, stage.room - later) or self.pick(stage, comp, None)
                if question is not None:
                    self.take(stage, question)
        self._extras()
        self._reserves()
        for stage in self.stages:
            stage.questions.sort(key=lambda q: (_TYPE_LAST.get(q.type, 0), self.rank[q.competency]))
            stage.reserve.sort(key=lambda q: self.rank[q.competency])

    def _extras(self) -> None:
        """Spend spare minutes: first on competencies with one question, then on new
        coverage where the kind fits, then on the most important competencies."""
        rounds = (
            lambda stage, comp: comp.name in stage.comps and self.main_count(comp.name) < 2,
            lambda stage, comp: comp.name not in stage.comps and self.main_count(comp.name) < 2
            and self.open_stage(self.stages.index(stage)) and self.fits_kind(comp, stage),
            lambda stage, comp: comp.name in stage.comps and (comp.must_have or comp.weight > 1),
            lambda stage, comp: comp.name in stage.comps,
        )
        for wanted in rounds:
            changed = True
            while changed:
                changed = False
                for stage in self.stages:
                    for comp in self.order:
                        if stage.room <= 0 or not wanted(stage, comp):
                            continue
                        if sum(1 for q in stage.questions if q.competency == comp.name) >= MAX_PER_STAGE:
                            continue
                        question = self.pick(stage, comp.name, stage.room)
                        if question is not None:
                            self.take(stage, question)
                            changed = True

    def _reserves(self) -> None:
        for comp in self.order:
            stages = [s for s in self.stages if comp.name in s.comps]
            if not stages:
                continue
            have = self.main_count(comp.name)
            stage = stages[0]
            while have < 2:
                question = self.pick(stage, comp.name, None, RESERVE_TYPES)
                if question is None:
                    break
                self.take(stage, question, reserve=True)
                have += 1

    # -- what the plan found --------------------------------------------------------

    def check(self) -> None:
        seen: dict[str, str] = {}
        for stage in self.stages:
            for question in (*stage.fixed, *stage.questions, *stage.reserve):
                k = question_key(question.text)
                if k in seen:
                    self.warnings.append(f"The question \"{question.text}\" is asked in both "
                                         f"{seen[k]} and {stage.name}.")
                seen.setdefault(k, stage.name)
            if stage.room < 0:
                self.warnings.append(
                    f"{stage.name} over-runs: its questions take {stage.used} minutes, "
                    f"{-stage.room} more than the {stage.budget} its {stage.minutes} minutes leave "
                    "for questions. Lengthen the stage or move a competency to another stage.")
            if not stage.questions and not stage.fixed:
                self.warnings.append(f"{stage.name} has no questions; give it a focus or remove it "
                                     "from interview_plan.")
        for comp in self.order:
            stages = [s.name for s in self.stages if any(q.competency == comp.name for q in s.questions)]
            total = sum(1 for s in self.stages for q in (*s.questions, *s.reserve)
                        if q.competency == comp.name)
            if not stages:
                self.warnings.append(f"{comp.name} is not assessed in any stage.")
            elif comp.must_have and len(stages) < 2:
                self.warnings.append(f"Must-have {comp.name} is assessed only in {stages[0]}; "
                                     "must-haves need two stages.")
            if stages and total < 2:
                self.warnings.append(f"{comp.name} has only one question in the kit.")
        if not any(c.must_have for c in self.order) and self.order:
            self.notes.append("The role marks no skill as a must-have (must_have: true), so no "
                              "competency is required in two stages.")


def _filter(built: Built, names: Sequence[str]) -> Built:
    known = [c.name for c in built.competencies]
    chosen: list[str] = []
    for name in names:
        comp = _resolve(name, built.competencies)
        if comp is None:
            raise UnknownFormatError("competency", name, known)
        chosen.append(comp.name)
    keep = [c for c in built.competencies if c.name in chosen]
    return Built(keep, {c.name: built.pools[c.name] for c in keep}, built.matches, built.problems)


def plan_kit(
    role: Role,
    company: Company | None = None,
    *,
    variant: int = 0,
    competencies: Sequence[str] | None = None,
    positions: SourceMap | None = None,
) -> Kit:
    """The whole interview plan for ``role``: competencies, stages, questions, findings.

    Raises :class:`ValidationFailed` when a custom question touches a protected topic or
    a stage's focus names no competency of the role (each at its line in the role file),
    and :class:`UnknownFormatError` for an unknown name in ``competencies``.
    """
    keep_case = frozenset(kit_data("generated_questions")["keep_case"])
    role_words = role_phrase(role, keep_case)
    duties = (*role.responsibilities.primary, *role.responsibilities.secondary)
    ctx = Context(
        role=role, variant=variant, duties=duties,
        values={"role": role_words, "field": field_phrase(role, keep_case)}, keep_case=keep_case,
        library=load_library(company.competency_folders() if company else ()),
        fields=role_fields(role.title, role.tags, (role.summary or "", *duties)).fields,
    )
    source = positions.source if positions else "<role>"
    built = build_competencies(role, ctx, positions)
    problems = list(built.problems)
    if role.interview_plan is not None:
        stages, focus_problems = _role_stages(role.interview_plan, built.competencies, positions, source)
        problems += focus_problems
    elif company is not None and company.interview_plan is not None:
        stages, _ = _role_stages(company.interview_plan, built.competencies, None, source, strict=False)
    else:
        stages = _default_stages()
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: (p.line, p.column)))
    if competencies:
        built = _filter(built, competencies)
        for stage in stages:
            stage.focus = [f for f in stage.focus if f in built.pools]
    for stage in stages:
        _timing(stage)
        if stage.purpose == "screen":
            stage.fixed.append(_motivation(variant, role_words))
            stage.requirements = _requirements(role)
            stage.requirement_minutes = max(2, math.ceil(len(stage.requirements) / 2))
    planner = _Planner(built, stages)
    planner.assign()
    planner.select()
    planner.check()
    kept = [s for s in stages if s.questions or not competencies]
    from hirecli.pay import format_pay

    country = role.location.country if role.location else None
    return Kit(
        role_id=role.slug, title=role.title, company=company.name if company else None,
        variant=variant, competencies=tuple(built.competencies),
        stages=tuple(_frozen(s) for s in kept), matches=tuple(built.matches),
        warnings=tuple(planner.warnings), notes=tuple(dict.fromkeys(planner.notes)),
        country=country_phrase(role),
        pay=format_pay(role.compensation, country) if role.compensation else None,
        schedule=role.schedule, fields=tuple(sorted(ctx.fields)), source=source,
    )


def _frozen(stage: _Stage) -> Stage:
    return Stage(
        name=stage.name, minutes=stage.minutes, purpose=stage.purpose,
        interviewers=stage.interviewers, aim=stage.aim, competencies=tuple(stage.comps),
        questions=(*stage.fixed, *stage.questions), reserve=tuple(stage.reserve),
        timing=Timing(stage.minutes, stage.intro, stage.budget, stage.used, stage.candidate),
        requirements=tuple(stage.requirements), requirement_minutes=stage.requirement_minutes,
    )

