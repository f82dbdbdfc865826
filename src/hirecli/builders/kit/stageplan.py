"""The stages a role file or company profile sets (``interview_plan``), each stage's focus
checked against the role's competencies."""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.loop import StagePlan, kind_for, purpose_of, stage_from_kind
from hirecli.builders.kit.model import KitCompetency
from hirecli.errors import Problem
from hirecli.model.role import InterviewPlan
from hirecli.model.yamlsource import SourceMap
from hirecli.skillnames import key


def resolve(name: str, comps: Sequence[KitCompetency]) -> KitCompetency | None:
    """The competency called ``name``, or the one a skill of that name was merged into."""
    wanted = key(name)
    for comp in comps:
        if key(comp.name) == wanted:
            return comp
    for comp in comps:
        if any(key(skill) == wanted for skill in comp.covers):
            return comp
    return None


def _closest(name: str, names: Sequence[str]) -> str | None:
    from rapidfuzz import fuzz, process

    found = process.extractOne(name, list(names), scorer=fuzz.WRatio)
    return str(found[0]) if found and found[1] >= 70 else None


def role_stages(
    plan: InterviewPlan,
    comps: Sequence[KitCompetency],
    positions: SourceMap | None,
    source: str,
    *,
    strict: bool = True,
) -> tuple[list[StagePlan], list[Problem]]:
    """A plan's stages, with every focus name checked against the role's competencies.

    A company's default plan is not strict: its focus names apply to the roles that
    have them and are passed over in the others.
    """
    stages: list[StagePlan] = []
    problems: list[Problem] = []
    names = [c.name for c in comps]
    for s_index, spec in enumerate(plan.stages):
        purpose = purpose_of(spec.name)
        kind = kind_for(purpose)
        default = stage_from_kind(kind, spec.minutes, spec.minutes) if kind else None
        aim = default.aim if default else text(kit_data("loop")["purpose_aims"][purpose])
        focus: list[str] = []
        for f_index, name in enumerate(spec.focus):
            comp = resolve(name, comps)
            if comp is None and not strict:
                continue
            if comp is None:
                hint = _closest(name, names)
                message = (
                    f"interview_plan focus {name!r} is not one of this role's skills or "
                    f"competencies"
                    + (f"; did you mean {hint!r}?" if hint else f" (known: {', '.join(names)})")
                )
                path = ("interview_plan", "stages", s_index, "focus", f_index)
                pos = positions.locate(path) if positions else None
                problems.append(
                    Problem(
                        source, pos.line if pos else 1, pos.column if pos else 1, message, "unknown-focus"
                    )
                )
            elif comp.name not in focus:
                focus.append(comp.name)
        interviewers = spec.interviewers or (default.interviewers if default else None)
        stages.append(
            StagePlan(
                spec.name,
                spec.minutes,
                purpose,
                interviewers,
                aim,
                focus,
                shortest=spec.minutes,
                fixed_length=True,
            )
        )
    return stages, problems
