"""Matching skill names to the competency library: aliases, fuzzy scores, the threshold,
compound names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirecli.competencies import THRESHOLD, library, match_skill
from hirecli.model.loader import load_role
from hirecli.skillnames import content_words, name_parts, score
from paths import SEED_ROLE


def test_the_library_loads_with_four_anchors_and_questions_each() -> None:
    entries = library()
    assert len(entries) >= 40
    for entry in entries.values():
        assert all(anchor.strip() for anchor in entry.anchors)
        assert len(entry.questions) >= 4
        assert entry.kind in ("hard", "soft")


def test_library_question_texts_are_unique() -> None:
    texts = [q.text.lower() for e in library().values() for q in e.questions]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Teamwork", "collaboration"),
        ("Attention to Detail", "attention-to-detail"),
        ("Clinical Diagnosis (DSM-5 / ICD-10)", "clinical-assessment"),
        ("Trauma-Informed Care Principles", "trauma-informed-care"),
        ("Knowledge of HIPAA & Mandated Reporting Laws", "confidentiality-compliance"),
    ],
)
def test_exact_names_and_aliases(name: str, expected: str) -> None:
    found = match_skill(name)
    assert found.ids[0] == expected
    assert found.parts[0].how == "alias"
    assert found.parts[0].confidence == 100


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Methodical Problem-Solving", "problem-solving"),
        ("Organisation", "organization"),
        ("Suicide & Risk Assessment Protocols", "risk-assessment"),
    ],
)
def test_fuzzy_matches_above_the_threshold(name: str, expected: str) -> None:
    found = match_skill(name)
    assert found.ids[0] == expected
    assert found.parts[0].how == "fuzzy"
    assert THRESHOLD <= found.parts[0].confidence < 100


@pytest.mark.parametrize(
    "name", ["Quantum Basket Weaving", "Zeppelin Mooring", "Harpsichord Tuning", "Ice Sculpture Carving"]
)
def test_names_the_library_does_not_know_match_nothing(name: str) -> None:
    found = match_skill(name)
    assert not found.matched
    assert found.best_miss is None or found.best_miss.confidence < THRESHOLD


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Patience & Adaptability", {"patience", "adaptability"}),
        ("Problem-Solving & Critical Thinking", {"problem-solving", "critical-thinking"}),
        (
            "Strong Ethical Judgment & Professional Boundaries",
            {"ethical-judgment", "professional-boundaries"},
        ),
        ("Organization & Time Management", {"organization", "time-management"}),
    ],
)
def test_compound_names_match_both_competencies(name: str, expected: set[str]) -> None:
    assert set(match_skill(name).ids) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Crisis Intervention & Safety Planning", ("crisis-intervention",)),
        ("Medication Administration & Safety", ("medication-administration",)),
    ],
)
def test_compound_names_of_one_competency_match_once(name: str, expected: tuple[str, ...]) -> None:
    fields = frozenset({"nursing-clinical", "mental-health-social"})
    assert match_skill(name, fields).ids == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dependability", "dependability"),
        ("Hand & Power Tool Use", "hand-and-power-tools"),
        ("Rigging & Material Handling", "rigging-and-lifting"),
        ("Torque & Tensioning Procedures", "bolting-and-torque"),
    ],
)
def test_trade_and_work_style_names_are_known(name: str, expected: str) -> None:
    assert match_skill(name).ids[0] == expected


def test_a_word_inside_a_long_name_is_not_enough() -> None:
    assert score("compassionate communication patients families", "communication") < THRESHOLD
    assert score("communication", "communication") == 100


def test_context_phrases_and_asides_are_set_aside() -> None:
    assert match_skill("Cultural Competency in Clinical Practice").ids == ("cultural-humility",)
    assert name_parts("Problem-Solving & Critical Thinking (advanced)") == [
        "Problem-Solving",
        "Critical Thinking",
    ]
    assert content_words("Strong Ethical Judgment") == ["ethical", "judgment"]


def test_every_skill_of_the_seed_role_matches() -> None:
    role = load_role(SEED_ROLE)
    for skill in role.all_skills:
        assert match_skill(skill.name).matched, skill.name


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_name_gives_a_valid_match(name: str) -> None:
    found = match_skill(name)
    assert len(found.parts) <= 2
    for part in found.parts:
        assert part.competency in library()
        assert THRESHOLD <= part.confidence <= 100


def test_false_friends_are_not_the_same_word() -> None:
    from hirecli.skillnames import same_word

    assert not same_word("patient", "patience")
    assert not same_word("market", "marketing")
    assert same_word("patients", "patient")
