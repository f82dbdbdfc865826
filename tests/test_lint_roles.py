"""Lint of role files works from the loaded role and its source map.

Every piece of the posting, every text field and every question is placed from the
YAML path it comes from: a question where it is written (where ``validate`` says it
is), inherited text in the family file it is written in, a library or draft question
at the skill it assesses. The interview kit is planned at most once per role, and not
at all when no rule that reads kit questions is enabled.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hirecli.lint.model import Segment
from hirecli.lint.rolesource import read_role
from paths import ROLES, ROOT
from test_robustness_support import run

FAMILY = """\
abstract: true
title: Nurse family
summary: We want a rockstar nurse for our wards.
responsibilities:
  primary:
    - Chart care for every patient
    - Give medicines on time
skills:
  hard: [Patient Care, Quokka Wrangling]
competencies:
  - name: Patient Care
    questions:
      - How old are you?
"""
CHILD = """\
extends: family.yaml
title: Night Nurse
responsibilities:
  primary:
    add: [Hand over to the day shift like a ninja]
"""


def _lint(*args: str) -> list[dict[str, object]]:
    result = run(["lint", *args, "--format", "json", "--fail-on", "none", "--no-company"])
    assert result.exit_code == 0, result.output
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def _position(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize(
    "question",
    [
        "      - How old are you?\n",
        "      - text: Are you married?\n        probes: [Why?]\n",
        "      - 'Do you have children?'\n",
    ],
)
def test_a_protected_question_is_where_validate_says_it_is(tmp_path: Path, question: str) -> None:
    role = tmp_path / "nurse.yaml"
    role.write_text(
        "title: Registered Nurse\nskills:\n  hard: [Patient Care]\ncompetencies:\n"
        f"  - name: Patient Care\n    questions:\n{question}",
        encoding="utf-8",
    )
    checked = run(["validate", str(role)])
    said = re.search(rf"^({re.escape(str(role))}):(\d+):(\d+): interview question", checked.stdout, re.M)
    assert said, checked.stdout
    [found] = [f for f in _lint(str(role)) if f["rule"] == "protected-topic-question"]
    quote = 1 if "'" in question else 0  # validate points at the quote, lint at the words
    assert (found["file"], found["line"], found["column"] - quote) == (
        said.group(1),
        int(said.group(2)),
        int(said.group(3)),
    )


@pytest.fixture
def family(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "family.yaml").write_text(FAMILY, encoding="utf-8")
    (tmp_path / "night.yaml").write_text(CHILD, encoding="utf-8")
    return tmp_path / "family.yaml", tmp_path / "night.yaml"


def test_inherited_words_point_into_the_family_file(family: tuple[Path, Path]) -> None:
    parent, child = family
    found = _lint(str(child))
    [hero] = [f for f in found if f["rule"] == "hero-title" and f["text"] == "rockstar"]
    assert (hero["file"], hero["line"], hero["column"]) == (str(parent), *_position(parent, "rockstar"))
    [ninja] = [f for f in found if f["rule"] == "hero-title" and f["text"] == "ninja"]
    assert (ninja["file"], ninja["line"], ninja["column"]) == (str(child), *_position(child, "ninja"))
    [asked] = [f for f in found if f["rule"] == "protected-topic-question"]
    assert (asked["file"], asked["line"], asked["column"]) == (str(parent), *_position(parent, "How old"))


def test_kit_and_draft_questions_point_at_their_skill(family: tuple[Path, Path]) -> None:
    parent, child = family
    parent.write_text(FAMILY.replace("      - How old are you?\n", "      - Tell me about a hard shift.\n"))
    [draft] = [f for f in _lint(str(child)) if f["rule"] == "draft-questions"]
    assert (draft["file"], draft["line"], draft["column"]) == (str(parent), *_position(parent, "Quokka"))
    posting = read_role(child.read_text(encoding="utf-8"), str(child), None, "careers")
    assert not posting.notes
    kit = [q for q in posting.questions if q.field and q.field.startswith("kit: ")]
    skills = {
        "Patient Care": _position(parent, "Patient Care"),
        "Quokka Wrangling": _position(parent, "Quokka"),
    }
    assert {q.heading for q in kit} >= set(skills)
    for question in kit:
        if question.heading in skills:
            assert (question.file, question.where.position(0)) == (str(parent), skills[question.heading])


def test_only_posting_rules_never_plan_a_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hirecli.builders.kit.plan as plan

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the kit was planned")

    monkeypatch.setattr(plan, "plan_kit", refuse)
    role = tmp_path / "nurse.yaml"
    role.write_text(FAMILY.replace("abstract: true\n", ""), encoding="utf-8")
    (tmp_path / ".hirecli-lint.yaml").write_text(
        "disable: [protected-topic-question, draft-questions]\n", encoding="utf-8"
    )
    found = _lint(str(role))
    assert any(f["rule"] == "hero-title" for f in found)
    (tmp_path / ".hirecli-lint.yaml").unlink()
    role.write_text(
        FAMILY.replace("abstract: true\n", "lint: {disable: [protected-topic-question, draft-questions]}\n"),
        encoding="utf-8",
    )
    assert any(f["rule"] == "hero-title" for f in _lint(str(role)))


def test_the_kit_is_planned_once_per_role(monkeypatch: pytest.MonkeyPatch) -> None:
    import hirecli.builders.kit.plan as plan

    planned: list[str] = []
    real = plan.plan_kit

    def counted(role, *args, **kwargs):  # type: ignore[no-untyped-def]
        planned.append(role.title)
        return real(role, *args, **kwargs)

    monkeypatch.setattr(plan, "plan_kit", counted)
    folder = ROOT / "tests" / "family_roles"
    run(["lint", str(folder), "--format", "json", "--fail-on", "none"])
    assert len(planned) == len(list(folder.glob("*.yaml")))
    assert len(set(planned)) == len(planned)


_WORD = re.compile(r"[^\W_]+")
COMPOSED = ("compensation.variable_pay", "apply.", "education.fields_of_study")
"""Fields hirecli shows inside a sentence of its own ("Additional pay: ...", "Apply at ...")."""


def _misplaced(segment: Segment) -> list[str]:
    """The words of a segment that its locator does not place where they are written."""
    lines = Path(segment.file).read_text(encoding="utf-8").splitlines()
    wrong = []
    for word in _WORD.finditer(segment.text):
        line, column = segment.where.position(word.start())
        if not lines[line - 1][column - 1 :].startswith(word.group()):
            wrong.append(f"{word.group()}@{line}:{column}")
    return wrong


ROLE_FILES = sorted(
    p
    for folder in (ROLES, ROOT / "tests" / "family_roles", ROOT / "tests" / "kit_roles")
    for p in folder.rglob("*.yaml")
    if p.name != "company.yaml"
)


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: p.name)
def test_every_word_of_a_role_is_placed_where_it_is_written(path: Path) -> None:
    company = ROLES / "company.yaml" if path.is_relative_to(ROLES) else None
    posting = read_role(path.read_text(encoding="utf-8"), str(path), company, "careers", kit=False)
    placed = [s for s in (*posting.segments, *posting.fields, *posting.questions) if not s.generated]
    checked = [s for s in placed if not (s.field or "").startswith(COMPOSED)]
    assert checked
    wrong = {s.field: _misplaced(s) for s in checked if _misplaced(s)}
    assert not wrong
    items = [
        s for s in posting.segments if s.kind == "bullet" and s.section in ("duties", "career", "benefits")
    ]
    assert not [s.text for s in items if s.generated]
