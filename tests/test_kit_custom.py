"""Custom questions from the role file, the protected-topic check, a role's own interview plan,
and choosing stages and competencies by name."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hirecli.builders.kit.competencies import _protected
from hirecli.builders.kit.document import find_stage, kit_document
from hirecli.builders.kit.plan import plan_kit
from hirecli.errors import UnknownFormatError, ValidationFailed
from hirecli.model.loader import load_role_file, load_role_text
from paths import ROLES, SEED_ROLE

SUPPORT = ROLES / "customer-support-specialist.yaml"

ROLE = textwrap.dedent("""\
    title: Night Shift Supervisor
    responsibilities:
      primary:
        - Lead a team of six on the night shift and keep the floor safe.
    skills:
      hard: [Safety Procedures]
      soft: [Leadership, Teamwork]
    competencies:
      - name: Leadership
        must_have: true
        weight: 3
        questions:
          - Tell me about the last time you had to cover a shift at short notice. What did you do first?
          - text: How old are your children?
            type: behavioral
    """)


def test_the_protected_topic_check_uses_the_linter() -> None:
    hits = _protected("How old are your children?")
    assert hits
    assert all(alternative for _, _, alternative in hits)
    assert _protected("Tell me about a time you supported a family through a crisis.") == []


def test_a_custom_question_on_a_protected_topic_fails_at_its_line() -> None:
    loaded = load_role_text(ROLE, "night.yaml")
    with pytest.raises(ValidationFailed) as caught:
        plan_kit(loaded.model, positions=loaded.positions)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == ("night.yaml", 14, 15)
    assert problem.message.startswith("interview question touches a protected topic (")
    assert "ask instead: " in problem.message
    assert "How old are your children" in problem.message


def test_custom_questions_are_used_as_written() -> None:
    safe = ROLE.replace("How old are your children?", "How do you hand over to the day shift?")
    loaded = load_role_text(safe, "night.yaml")
    kit = plan_kit(loaded.model, positions=loaded.positions)
    texts = [q.text for q in kit.questions]
    assert (
        "Tell me about the last time you had to cover a shift at short notice. What did you do first?"
        in texts
    )
    assert "How do you hand over to the day shift?" in texts
    custom = [q for q in kit.questions if q.custom]
    assert len(custom) == 2
    assert all(len(q.probes) >= 2 and q.strong and q.red_flags for q in custom)
    leadership = kit.competency("Leadership")
    assert leadership.must_have
    assert leadership.weight == 3


def test_the_support_roles_own_questions_and_plan() -> None:
    loaded = load_role_file(SUPPORT)
    kit = plan_kit(loaded.model, positions=loaded.positions)
    assert [s.name for s in kit.stages] == [
        "Recruiter screen",
        "Written support exercise",
        "Hiring manager interview",
        "Team conversation",
    ]
    merged = {skill: c.name for c in kit.competencies for skill in c.covers}
    for spec in loaded.model.interview_plan.stages:  # type: ignore[union-attr]
        stage = next(s for s in kit.stages if s.name == spec.name)
        assert {merged.get(f, f) for f in spec.focus} <= set(stage.competencies)
    exercise = kit.stages[1].exercise
    assert exercise is not None
    assert exercise.type == "work_sample"
    custom = {q.text for q in kit.questions if q.custom}
    for competency in loaded.model.competencies:
        assert {" ".join(q.text.split()) for q in competency.questions} <= custom
    assert any("added to" in note for note in kit.notes)


def test_an_unknown_focus_name_is_reported_at_its_line() -> None:
    text = SUPPORT.read_text(encoding="utf-8").replace(
        "focus: [Teamwork, Calm Under Pressure]", "focus: [Teamwork, Calm Under Presure]"
    )
    loaded = load_role_text(text, "support.yaml")
    with pytest.raises(ValidationFailed) as caught:
        plan_kit(loaded.model, positions=loaded.positions)
    problem = caught.value.problems[0]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Calm Under Presure" in row)
    assert problem.line == line
    assert problem.column == text.splitlines()[line - 1].index("Calm Under Presure") + 1
    assert "did you mean 'Calm Under Pressure'?" in problem.message


def test_choosing_competencies() -> None:
    loaded = load_role_file(SEED_ROLE)
    chosen = ["suicide & risk assessment protocols", "Empathy & Compassion"]
    kit = plan_kit(loaded.model, competencies=chosen)
    names = ["Suicide & Risk Assessment Protocols", "Empathy & Compassion"]
    assert [c.name for c in kit.competencies] == names
    assert {q.competency for s in kit.stages for q in s.questions} <= {
        "Suicide & Risk Assessment Protocols",
        "Empathy & Compassion",
        "Motivation for the role",
    }
    with pytest.raises(UnknownFormatError) as caught:
        plan_kit(loaded.model, competencies=["Juggling"])
    assert "Empathy & Compassion" in caught.value.message


def test_choosing_a_stage_by_name_slug_or_number() -> None:
    kit = plan_kit(load_role_file(SEED_ROLE).model)
    for name in ("Skills interview and work sample", "skills-interview-and-work-sample", "3"):
        assert find_stage(kit, name) == 2
    with pytest.raises(UnknownFormatError) as caught:
        find_stage(kit, "Lunch")
    assert "Recruiter screen" in caught.value.message
    packet = kit_document(kit, "2")
    assert packet.meta.subtitle == "Stage 2 of 4: Hiring manager interview"


SHORT_PLAN = textwrap.dedent("""\
    title: Barista
    skills:
      hard: [Espresso Preparation, Milk Steaming, Cash Handling]
      soft: [Teamwork]
    competencies:
      - name: Espresso Preparation
        questions:
          - text: Walk me through how you dial in a new bag of espresso beans at the start of a shift.
            type: technical
            minutes: 9
          - text: Tell me about a morning when the grinder kept drifting. What did you do?
            minutes: 8
    interview_plan:
      stages:
        - name: Quick chat
          minutes: 10
          focus: [Espresso Preparation, Milk Steaming, Cash Handling, Teamwork]
    """)


def test_a_stage_too_short_for_its_focus() -> None:
    """Custom questions are always asked, so the stage over-runs and says so; the focus
    competencies that do not fit are assessed another way, never dropped in silence."""
    from hirecli.document import Callout

    loaded = load_role_text(SHORT_PLAN, "barista.yaml")
    kit = plan_kit(loaded.model, positions=loaded.positions)
    assert any(w.startswith("Quick chat over-runs") for w in kit.warnings)
    deferred = {d.competency for d in kit.deferred}
    assert {"Milk Steaming", "Cash Handling", "Teamwork"} <= deferred
    doc = kit_document(kit)
    callouts = [b for b in doc.blocks if isinstance(b, Callout) and b.kind == "warning"]
    assert [c.title for c in callouts] == ["Check the plan", "Over time"]


def test_warnings_reach_stderr(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hirecli.cli.main import app

    role = tmp_path / "barista.yaml"
    role.write_text(SHORT_PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["interview-kit", str(role)])
    assert result.exit_code == 0
    assert "warning: Quick chat over-runs" in result.stderr


def test_a_company_default_interview_plan_is_used_when_the_role_has_none() -> None:
    from hirecli.builders.kit.plan import plan_kit
    from hirecli.model.company import Company
    from hirecli.model.loader import load_role_text

    role = load_role_text(
        "title: Chef\nskills:\n  soft: [Communication]\n  hard: [Food Safety]\n", "chef.yaml"
    ).model
    company = Company.model_validate(
        {
            "name": "Acme",
            "interview_plan": {
                "stages": [
                    {"name": "Phone screen", "minutes": "30", "focus": ["Communication", "Negotiation"]},
                    {"name": "Kitchen trial", "minutes": "60"},
                ]
            },
        }
    )
    kit = plan_kit(role, company)
    assert [s.name for s in kit.stages] == ["Phone screen", "Kitchen trial"]
    assert plan_kit(role).stages[0].name != "Phone screen"
