"""The interview plan: a loop sized to the role, few competencies an interview, coverage,
timing, the screen's own parts, determinism, variants and questions for unknown skills."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path

import pytest

from hirecli.builders.kit.model import Kit
from hirecli.builders.kit.plan import plan_kit, question_key
from hirecli.builders.kit.worksample import points
from hirecli.model.loader import load_role_file, load_role_text
from paths import ROLES, ROOT, SEED_ROLE

EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
FAMILY = sorted((ROOT / "tests" / "family_roles").glob("*.yaml"))
EVERY_ROLE = [*EXAMPLES, *FAMILY]
TURBINE = ROLES / "wind-turbine-technician.yaml"
LINE_COOK = ROOT / "tests" / "family_roles" / "line-cook.yaml"
MAX_PER_STAGE = 6


@cache
def kit_for(path: Path, variant: int = 0) -> Kit:
    loaded = load_role_file(path)
    return plan_kit(loaded.model, variant=variant, positions=loaded.positions)


def main_stages(kit: Kit, name: str) -> list[str]:
    return [s.name for s in kit.stages if any(q.competency == name for q in s.questions)]


def assessed(kit: Kit) -> list[str]:
    deferred = {d.competency for d in kit.deferred}
    return [c.name for c in kit.rated if c.name not in deferred]


# ---- what the "done" asks of every shipped and family role --------------------------


@pytest.mark.parametrize("path", EVERY_ROLE, ids=lambda p: p.stem)
def test_every_stage_has_questions_and_fits_its_minutes(path: Path) -> None:
    kit = kit_for(path)
    for stage in kit.stages:
        assert stage.questions, stage.name
        assert stage.timing.used <= stage.timing.questions, stage.name
        assert stage.timing.intro + stage.timing.questions + stage.timing.candidate == stage.minutes
        parts = sum(q.minutes for q in stage.questions) + stage.requirement_minutes + stage.logistics_minutes
        assert parts == stage.timing.used
    assert not [w for w in kit.warnings if "over-runs" in w or "no questions" in w]


@pytest.mark.parametrize("path", EVERY_ROLE, ids=lambda p: p.stem)
def test_every_assessed_competency_has_two_planned_questions(path: Path) -> None:
    kit = kit_for(path)
    for name in assessed(kit):
        planned = [q for q in kit.questions if q.competency == name]
        assert len(planned) >= 2, name


@pytest.mark.parametrize("path", EVERY_ROLE, ids=lambda p: p.stem)
def test_no_competency_is_silently_dropped(path: Path) -> None:
    kit = kit_for(path)
    deferred = {d.competency: d for d in kit.deferred}
    for comp in kit.competencies:
        assert bool(kit.stages_for(comp.name)) != (comp.name in deferred), comp.name
    for item in deferred.values():
        assert item.how
        assert item.reason
        if item.method == "knowledge test":
            assert item.question is not None
            assert item.question.scoring_key
        if item.method == "requirements":
            assert any(item.competency in r.text and r.licence for s in kit.stages for r in s.requirements)


@pytest.mark.parametrize("path", EVERY_ROLE, ids=lambda p: p.stem)
def test_few_competencies_an_interview_and_none_technical_in_the_screen(path: Path) -> None:
    kit = kit_for(path)
    kinds = {c.name: c.kind for c in kit.rated}
    for stage in kit.stages:
        assert len(stage.competencies) <= MAX_PER_STAGE, stage.name
        if stage.purpose == "screen":
            assert all(kinds[name] == "soft" for name in stage.competencies), stage.competencies
            assert all(q.type in ("behavioral", "situational") for q in (*stage.questions, *stage.reserve))
            assert len(stage.competencies) <= 3


@pytest.mark.parametrize("path", EVERY_ROLE, ids=lambda p: p.stem)
def test_a_scored_exercise_for_every_role_with_hard_skills(path: Path) -> None:
    kit = kit_for(path)
    exercises = [s.exercise for s in kit.stages if s.exercise is not None]
    if not any(c.kind == "hard" for c in kit.competencies):
        return
    assert exercises, "no work sample or knowledge question"
    for question in exercises:
        assert question.type in ("work_sample", "technical")
        assert len(points(question)) >= 2
        stage = next(s for s in kit.stages if s.exercise == question)
        assert stage.purpose != "screen"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_must_haves_are_assessed_in_two_stages(path: Path) -> None:
    kit = kit_for(path)
    for comp in kit.competencies:
        if comp.must_have and comp.name in assessed(kit):
            stages = main_stages(kit, comp.name)
            assert len(stages) >= 2 or any(comp.name in n for n in kit.notes), comp.name


# ---- the loop's size follows the role ------------------------------------------------------


def test_an_hourly_role_with_a_handful_of_skills_gets_two_stages() -> None:
    kit = kit_for(LINE_COOK)
    assert kit.level == "hourly"
    assert len(kit.stages) == 2
    assert 60 <= kit.minutes <= 90


def test_a_senior_role_gets_three_to_four_hours() -> None:
    role = load_role_text(
        textwrap.dedent("""\
        title: Senior Backend Engineer
        experience: {min_years: 6}
        skills:
          hard: [Python, SQL, REST API Design, Automated Testing, Docker & Kubernetes, Git, CI/CD]
          soft: [Collaboration, Mentoring, Written Communication, Ownership & Follow-Through]
        """),
        "senior.yaml",
    ).model
    kit = plan_kit(role)
    assert kit.level == "senior"
    assert 180 <= kit.minutes <= 240
    assert len(kit.stages) == 4


def test_loops_differ_by_role() -> None:
    sizes = {(kit_for(p).level, len(kit_for(p).stages), kit_for(p).minutes) for p in EVERY_ROLE}
    assert len({s[1] for s in sizes}) >= 2
    assert len({s[2] for s in sizes}) >= 4


def test_the_seed_role_loop() -> None:
    kit = kit_for(SEED_ROLE)
    assert [s.purpose for s in kit.stages] == ["screen", "manager", "skills", "panel"]
    screen = kit.stages[0]
    assert screen.questions[0].competency == "Motivation for the role"
    assert "Motivation for the role" in screen.competencies
    assert screen.requirements
    assert screen.logistics
    assert 120 <= kit.minutes <= 200


def test_a_company_or_role_plan_still_sets_the_loop() -> None:
    from hirecli.model.company import Company

    role = load_role_text(
        "title: Chef\nskills:\n  soft: [Communication]\n  hard: [Food Safety]\n", "chef.yaml"
    ).model
    company = Company.model_validate(
        {
            "name": "Acme",
            "interview_plan": {
                "stages": [
                    {"name": "Phone screen", "minutes": 30, "focus": ["Communication"]},
                    {"name": "Kitchen trial", "minutes": 60},
                ]
            },
        }
    )
    kit = plan_kit(role, company)
    assert [(s.name, s.minutes) for s in kit.stages] == [("Phone screen", 30), ("Kitchen trial", 60)]


def test_a_stage_left_without_competencies_is_dropped() -> None:
    role = load_role_text(
        textwrap.dedent("""\
        title: Barista
        skills:
          hard: [Espresso Preparation]
          soft: [Teamwork]
        interview_plan:
          stages:
            - {name: Phone screen, minutes: 20}
            - {name: Coffee trial, minutes: 30, focus: [Espresso Preparation]}
            - {name: Team chat, minutes: 30, focus: [Teamwork]}
        """),
        "barista.yaml",
    ).model
    kit = plan_kit(role, competencies=["Espresso Preparation"])
    assert "Team chat" not in [s.name for s in kit.stages]
    assert any("Team chat" in n for n in kit.notes)


# ---- the recruiter screen ----------------------------------------------------------------


def test_the_requirements_check_lists_only_real_requirements() -> None:
    for path in EVERY_ROLE:
        for stage in kit_for(path).stages:
            for requirement in stage.requirements:
                assert not re.search(r"\bnot? (?:\w+ )*(?:required|needed)\b", requirement.text, re.I), (
                    requirement.text
                )
    seed = kit_for(SEED_ROLE).stages[0].requirements
    assert any(r.text.startswith("At least 2 years") for r in seed)
    assert any(r.licence for r in seed)
    assert sum(1 for r in seed if "authori" in r.text.lower()) == 1


def test_the_minimum_experience_is_a_requirement() -> None:
    role = load_role_text(
        textwrap.dedent("""\
        title: Bookkeeper
        experience: {min_years: 2}
        education: {minimum: [No diploma or degree required.]}
        qualifications: {required: [Eligibility to work in Canada]}
        skills: {hard: [Bookkeeping]}
        """),
        "b.yaml",
    ).model
    rows = [r.text for r in plan_kit(role).stages[0].requirements]
    assert "At least 2 years of experience." in rows
    assert not any("diploma" in r.lower() or "eligibility" in r.lower() for r in rows)


def test_a_certificate_skill_is_verified_not_interviewed() -> None:
    kit = kit_for(ROOT / "tests" / "kit_roles" / "front-desk-coordinator.yaml")
    cpr = next(d for d in kit.deferred if d.competency == "CPR Certification")
    assert cpr.method == "requirements"
    assert not kit.stages_for(cpr.competency)
    rows = [r for r in kit.stages[0].requirements if "CPR Certification" in r.text]
    assert rows
    assert rows[0].licence


# ---- questions -------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("variant", [0, 1, 2])
def test_no_question_text_is_asked_twice(path: Path, variant: int) -> None:
    keys = [question_key(q.text) for q in kit_for(path, variant).questions]
    assert len(keys) == len(set(keys))


def test_every_question_is_complete() -> None:
    for question in kit_for(SEED_ROLE).questions:
        assert 2 <= len(question.probes) <= 3
        assert question.strong
        assert question.red_flags
        assert len(question.anchors) == 4
        assert all(question.anchors)
        assert question.minutes > 0


def test_question_types_are_mixed_in_each_stage() -> None:
    for path in EXAMPLES:
        for stage in kit_for(path).stages:
            if len(stage.questions) >= 4:
                assert len({q.type for q in stage.questions}) >= 2, (path.stem, stage.name)


def test_a_reserve_stands_in_for_a_main_question() -> None:
    kit = kit_for(SEED_ROLE)
    for stage in kit.stages:
        for reserve in stage.reserve:
            main = next(q for q in stage.questions if q.competency == reserve.competency)
            assert stage.reserve_for(main) == reserve


def test_the_same_role_gives_the_same_kit() -> None:
    loaded = load_role_file(SEED_ROLE)
    assert plan_kit(loaded.model, positions=loaded.positions) == kit_for(SEED_ROLE)


def _questions_in_a_fresh_process(seed: str) -> str:
    code = (
        "from hirecli.builders.kit.plan import plan_kit; from hirecli.model.loader import load_role;"
        f"k = plan_kit(load_role({str(SEED_ROLE)!r}), variant=3);"
        "print('\\n'.join(q.text for q in k.questions))"
    )
    env = {"PYTHONHASHSEED": seed, "PATH": ""}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout


def test_variants_do_not_depend_on_pythons_hash_seed() -> None:
    assert _questions_in_a_fresh_process("1") == _questions_in_a_fresh_process("2")


def test_a_variant_changes_the_questions_but_not_the_loop() -> None:
    first, second = kit_for(SEED_ROLE, 0), kit_for(SEED_ROLE, 1)
    one = {question_key(q.text) for q in first.questions}
    two = {question_key(q.text) for q in second.questions}
    assert len(one & two) < 0.7 * len(one)
    assert [s.name for s in first.stages] == [s.name for s in second.stages]
    for a, b in zip(first.stages, second.stages, strict=True):
        assert a.competencies == b.competencies
        assert abs(a.minutes - b.minutes) <= 10


# ---- generated questions for skills the library does not know ------------------------------


_SENTENCE_END = re.compile(r"[.?!]$")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_generated_questions_read_cleanly(path: Path) -> None:
    for question in kit_for(path).questions:
        if not question.draft:
            continue
        text = question.text
        assert "{" not in text
        assert "}" not in text
        assert "  " not in text
        assert " ." not in text
        assert " ," not in text
        assert "&" not in text
        assert text[0].isupper()
        assert _SENTENCE_END.search(text)
        assert not re.search(r"\ba [aeio]", text, re.IGNORECASE), text
        assert not re.search(r"\b(\w+) \1\b", text, re.IGNORECASE), text
        for part in (*question.probes, *question.strong, *question.red_flags):
            assert "{" not in part
            assert part[0].isupper()


def test_a_skill_name_reads_well_inside_a_sentence() -> None:
    from hirecli.builders.kit.text import phrase

    assert phrase("Suicide & Risk Assessment Protocols") == "suicide and risk assessment protocols"
    assert phrase("SCADA Monitoring") == "SCADA monitoring"
    assert phrase("Climb Rescue Certification (GWO)") == "climb rescue"
    assert phrase("Python", ("Python",)) == "Python"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_kit_question_touches_a_protected_topic(path: Path) -> None:
    from hirecli.screening.protected import find_protected_topics

    kit = kit_for(path, 1)
    texts = [t for q in kit.questions for t in (q.text, *q.probes)]
    texts += [d.question.text for d in kit.deferred if d.question is not None]
    for text in texts:
        assert find_protected_topics(text) == [], text
