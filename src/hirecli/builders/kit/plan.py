"""Planning the interview loop: its size, which stage assesses what, and with which questions.

The loop is sized to the role (``loop``): its level and its competencies decide how
many stages it gets and how long they are, unless the role file or company profile
sets the stages. Competencies are then placed in stages (``assign``), a few per
interview and must-haves twice, with a scored work sample for roles with hard skills
(``worksample``). Each stage picks its questions (``select``), and a stage of the
default loop is shortened to what its questions take. What the loop cannot assess in
depth is assessed another way and said so: by the requirements check, a knowledge
question or a reference check. ``--variant`` changes questions, never the loop's shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hirecli.builders.kit import screen
from hirecli.builders.kit.assign import Assigner
from hirecli.builders.kit.competencies import Built, Context, build_competencies, field_phrase, role_phrase
from hirecli.builders.kit.data import kit_data
from hirecli.builders.kit.deferred import defer, is_credential
from hirecli.builders.kit.loop import (
    StagePlan,
    fit_minutes,
    loop_options,
    role_level,
    set_timing,
)
from hirecli.builders.kit.model import Kit, KitCompetency, KitQuestion, Stage, Timing
from hirecli.builders.kit.select import Selector, question_key
from hirecli.builders.kit.stageplan import resolve, role_stages
from hirecli.builders.kit.worksample import choose
from hirecli.competencies import load_library
from hirecli.errors import UnknownFormatError, ValidationFailed
from hirecli.families import role_fields
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import SourceMap

country_phrase = screen.country_phrase
__all__ = ["country_phrase", "plan_kit", "question_key"]


# ---- one attempt at a loop ------------------------------------------------------------


@dataclass
class _Attempt:
    stages: list[StagePlan]
    unplaced: list[str]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    shortfall: int = 0
    """Competencies left out, plus must-haves assessed in one stage only."""


def _exercise_stage(stages: Sequence[StagePlan]) -> int | None:
    for purpose in ("skills", "general", "manager"):
        for index, stage in enumerate(stages):
            if stage.purpose == purpose:
                return index
    return None


def _attempt(stages: list[StagePlan], order: list[KitCompetency], built: Built) -> _Attempt:
    for stage in stages:
        set_timing(stage)
    pools = built.pools
    exercise: KitQuestion | None = None
    ex_index = _exercise_stage(stages)
    if ex_index is not None:
        stage = stages[ex_index]
        exercise = choose(order, pools, stage.focus)
        if exercise is not None and exercise.minutes > stage.budget - stage.overhead:
            exercise = None
    assigner = Assigner(
        order,
        pools,
        stages,
        (ex_index, exercise.competency, exercise.minutes)
        if exercise is not None and ex_index is not None
        else None,
    )
    assignment = assigner.run()
    selector = Selector(order, pools, stages)
    if exercise is not None and ex_index is not None:
        selector.place_exercise(ex_index, exercise)
    selector.place_custom(assignment.planned)
    missed = selector.main(assignment.planned, flexible=[not s.fixed_length for s in stages])
    notes = list(assignment.notes)
    for index, name in missed:
        notes.append(f"No question of {name} fits in the minutes of {stages[index].name}.")
    selector.reserves()
    for stage in stages:
        fit_minutes(stage)
    selector.extras()
    selector.order_questions()
    asked = {q.competency for s in stages for q in s.questions}
    unplaced = [c.name for c in order if c.name not in asked]
    once = sum(
        1
        for c in order
        if c.must_have
        and c.name in asked
        and sum(1 for s in stages if any(q.competency == c.name for q in s.questions)) < 2
    )
    return _Attempt(stages, unplaced, notes, selector.warnings, len(unplaced) + once)


# ---- checking the plan ------------------------------------------------------------------


def _check(
    stages: Sequence[StagePlan], order: Sequence[KitCompetency], warnings: list[str], notes: list[str]
) -> None:
    """Findings: repeated questions, over-runs and thin coverage are warnings; a must-have
    that the stages a role file sets have no room to assess twice is a note."""
    seen: dict[str, str] = {}
    for stage in stages:
        for question in (*stage.fixed, *stage.questions, *stage.reserve):
            k = question_key(question.text)
            if k in seen and seen[k] != stage.name:
                warnings.append(
                    f'The question "{question.text}" is asked in both {seen[k]} and {stage.name}.'
                )
            seen.setdefault(k, stage.name)
        if stage.room < 0:
            warnings.append(
                f"{stage.name} over-runs: its questions take {stage.used} minutes, "
                f"{-stage.room} more than the {stage.budget} its {stage.minutes} minutes leave "
                "for questions. Lengthen the stage or move a competency to another stage."
            )
    for comp in order:
        where = [s.name for s in stages if any(q.competency == comp.name for q in s.questions)]
        total = sum(1 for s in stages for q in (*s.questions, *s.reserve) if q.competency == comp.name)
        if not where:
            continue
        if comp.must_have and len(where) < 2:
            if all(s.fixed_length for s in stages):
                notes.append(
                    f"Must-have {comp.name} is assessed only in {where[0]}: the stages "
                    "of interview_plan have no room for a second; lengthen a stage or "
                    "name it in a second stage's focus."
                )
            else:
                warnings.append(
                    f"Must-have {comp.name} is assessed only in {where[0]}; must-haves need two stages."
                )
        if total < 2:
            warnings.append(f"{comp.name} has only one question in the kit.")
    if order and not any(c.must_have for c in order):
        notes.append(
            "The role marks no skill as a must-have, so no competency is a gate in the "
            "decision and none is assessed in two stages."
        )


def _filter(built: Built, names: Sequence[str]) -> Built:
    known = [c.name for c in built.competencies]
    chosen: list[str] = []
    for name in names:
        comp = resolve(name, built.competencies)
        if comp is None:
            raise UnknownFormatError("competency", name, known)
        chosen.append(comp.name)
    keep = [c for c in built.competencies if c.name in chosen]
    return Built(keep, {c.name: built.pools[c.name] for c in keep}, built.matches, built.problems)


def _frozen(stage: StagePlan, number: int) -> Stage:
    return Stage(
        name=stage.name,
        minutes=stage.minutes,
        purpose=stage.purpose,
        interviewers=stage.interviewers,
        aim=stage.aim,
        competencies=tuple(stage.comps),
        questions=(*stage.fixed, *stage.questions),
        reserve=tuple(stage.reserve),
        timing=Timing(stage.minutes, stage.intro, stage.budget, stage.used, stage.candidate),
        requirements=tuple(stage.requirements),
        requirement_minutes=stage.requirement_minutes,
        logistics=tuple(stage.logistics),
        logistics_minutes=stage.logistics_minutes,
        exercise=stage.exercise,
        number=number,
    )


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
        role=role,
        variant=variant,
        duties=duties,
        values={"role": role_words, "field": field_phrase(role, keep_case)},
        keep_case=keep_case,
        library=load_library(company.competency_folders() if company else ()),
        fields=role_fields(role.title, role.tags, (role.summary or "", *duties)).fields,
    )
    source = positions.source if positions else "<role>"
    built = build_competencies(role, ctx, positions)
    problems = list(built.problems)
    level = role_level(role)
    options: list[list[StagePlan]]
    if role.interview_plan is not None:
        stages, focus_problems = role_stages(role.interview_plan, built.competencies, positions, source)
        problems += focus_problems
        options = [stages]
    elif company is not None and company.interview_plan is not None:
        options = [role_stages(company.interview_plan, built.competencies, None, source, strict=False)[0]]
    else:
        options = loop_options(level)
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: (p.line, p.column)))
    if competencies:
        built = _filter(built, competencies)
        for option in options:
            for stage in option:
                stage.focus = [f for f in stage.focus if f in built.pools]
    from hirecli.pay import format_pay

    country = role.location.country if role.location else None
    pay = format_pay(role.compensation, country) if role.compensation else None
    credentials = [c for c in built.competencies if is_credential(c)]
    place = {id(c): n for n, c in enumerate(built.competencies)}  # not list.index: linear time
    order = sorted(
        (c for c in built.competencies if not is_credential(c)),
        key=lambda c: (not c.must_have, -c.weight, place[id(c)]),
    )
    motivation, first, second = screen.motivation(variant, role_words)
    attempt: _Attempt | None = None
    for option in options:
        for stage in option:
            stage.focus = [f for f in stage.focus if f not in {c.name for c in credentials}]
            if stage.purpose == "screen":
                stage.fixed = [first]
                stage.reserve = [second]
                stage.comps = [motivation.name]
                stage.requirements = screen.requirements(role, [c.name for c in credentials])
                stage.requirement_minutes = screen.requirement_minutes(stage.requirements)
                stage.logistics = screen.logistics(role, pay)
                stage.logistics_minutes = int(kit_data("loop")["screen"]["logistics_minutes"])
        tried = _attempt(option, order, built)
        if attempt is None or tried.shortfall < attempt.shortfall:
            attempt = tried
        if not tried.shortfall:
            break
    assert attempt is not None
    notes, warnings = attempt.notes, attempt.warnings
    deferred = [defer(c, built, True, keep_case) for c in credentials]
    deferred += [
        defer(built_comp, built, False, keep_case)
        for built_comp in order
        if built_comp.name in attempt.unplaced
    ]
    stages = [s for s in attempt.stages if s.questions or s.fixed]
    for stage in attempt.stages:
        if not any(stage is kept for kept in stages):
            notes.append(f"{stage.name} has no competency left to assess; it is left out of the loop.")
    _check(stages, [c for c in order if c.name not in attempt.unplaced], warnings, notes)
    has_screen = any(s.fixed for s in stages)
    return Kit(
        role_id=role.slug,
        title=role.title,
        company=company.name if company else None,
        variant=variant,
        competencies=tuple(built.competencies),
        stages=tuple(_frozen(s, n) for n, s in enumerate(stages, 1)),
        matches=tuple(built.matches),
        warnings=tuple(dict.fromkeys(warnings)),
        notes=tuple(dict.fromkeys(notes)),
        country=screen.country_phrase(role),
        pay=pay or None,
        schedule=role.schedule,
        fields=tuple(sorted(ctx.fields)),
        source=source,
        level=level,
        deferred=tuple(deferred),
        kit_competencies=(motivation,) if has_screen else (),
    )
