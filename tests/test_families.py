"""Role families: ``extends:``, list changes, problems placed where values were written."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode, ValidationFailed
from hirecli.model.loader import iter_role_files, load_role_file, load_role_text
from hirecli.model.schema import json_schema
from paths import ROLES, ROOT

FAMILY = """\
abstract: true
title: Software Engineer
department: Engineering
compensation:
  currency: USD
  min: 100000
  max: 150000
responsibilities:
  primary:
    - Write code
    - Review code
skills:
  hard:
    - Python
    - name: SQL
      must_have: true
interview_plan:
  stages:
    - name: Screen
      minutes: 30
    - name: Technical
      minutes: 60
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A catalogue folder (it has a company.yaml) holding the family file."""
    write(tmp_path, "company.yaml", "name: Acme\n")
    write(tmp_path, "family.yaml", FAMILY)
    return tmp_path


def problems(path: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        load_role_file(path)
    return [str(p) for p in caught.value.problems]


def test_a_child_inherits_every_field_and_overrides_scalars(catalogue: Path) -> None:
    child = write(
        catalogue,
        "se-ii.yaml",
        "extends: family.yaml\ntitle: Software Engineer II\ncompensation:\n  min: 120000\n",
    )
    loaded = load_role_file(child)
    role = loaded.model
    assert role.title == "Software Engineer II"
    assert role.department == "Engineering"
    assert role.compensation is not None
    pay = role.compensation
    assert (pay.currency, pay.min, pay.max) == ("USD", 120000, 150000)
    assert role.responsibilities.primary == ["Write code", "Review code"]
    assert [s.name for s in role.skills.hard] == ["Python", "SQL"]
    assert [s.name for s in role.interview_plan.stages] == ["Screen", "Technical"]  # type: ignore[union-attr]
    assert role.id == "se-ii"
    assert role.abstract is False  # never inherited
    assert role.extends == "family.yaml"
    assert [a.id for a in loaded.ancestors] == ["family"]


def test_lists_are_replaced_or_changed_with_add_and_remove(catalogue: Path) -> None:
    child = write(
        catalogue,
        "child.yaml",
        """\
extends: family.yaml
title: Child
responsibilities:
  primary:
    add: [Mentor juniors]
    remove: [Review code]
  secondary: [Only this]
skills:
  hard:
    add:
      - name: python
        must_have: true
      - Go
interview_plan:
  stages:
    remove: [Screen]
    add:
      - name: Onsite
        minutes: 120
""",
    )
    role = load_role_file(child).model
    assert role.responsibilities.primary == ["Write code", "Mentor juniors"]
    assert role.responsibilities.secondary == ["Only this"]
    # an added item with the name of an inherited one takes its place, where it stood
    assert [(s.name, s.must_have) for s in role.skills.hard] == [
        ("python", True),
        ("SQL", True),
        ("Go", False),
    ]
    assert [s.name for s in role.interview_plan.stages] == ["Technical", "Onsite"]  # type: ignore[union-attr]


def test_null_drops_an_inherited_value_and_an_empty_list_empties_one(catalogue: Path) -> None:
    child = write(
        catalogue,
        "child.yaml",
        "extends: family.yaml\ntitle: Child\ncompensation: ~\n"
        "department:\nresponsibilities:\n  primary: []\n",
    )
    role = load_role_file(child).model
    assert role.compensation is None
    assert role.department is None
    assert role.responsibilities.primary == []
    assert role.skills.hard  # the rest is still inherited


def test_three_levels_family_level_role_by_id(catalogue: Path) -> None:
    write(
        catalogue,
        "levels/se-ii.yaml",
        "extends: ../family.yaml\ntitle: SE II\ncompensation:\n  min: 110000\n",
    )
    team = write(
        catalogue,
        "teams/payments/se-ii-payments.yaml",
        "extends: se-ii\ntitle: SE II, Payments\nskills:\n  hard:\n    add: [Payments]\n",
    )
    loaded = load_role_file(team)
    assert loaded.model.compensation.min == 110000  # type: ignore[union-attr]
    assert [s.name for s in loaded.model.skills.hard] == ["Python", "SQL", "Payments"]
    assert [a.id for a in loaded.ancestors] == ["se-ii", "family"]


def test_an_id_is_the_declared_id_or_the_file_name(catalogue: Path) -> None:
    write(catalogue, "deep/base.yaml", "id: swe-base\ntitle: Base\nbenefits: [Lunch]\n")
    child = write(catalogue, "other/child.yaml", "extends: swe-base\ntitle: Child\n")
    assert load_role_file(child).model.benefits == ["Lunch"]
    wrong = write(catalogue, "other/wrong.yaml", "extends: base\ntitle: Wrong\n")  # file name, but id differs
    assert problems(wrong)[0].startswith(f"{wrong}:1:10: extends: no role with the id 'base'")


def test_two_files_with_one_id_is_an_error_naming_both(catalogue: Path) -> None:
    write(catalogue, "a/dup.yaml", "title: A\n")
    write(catalogue, "b/dup.yaml", "title: B\n")
    child = write(catalogue, "c/child.yaml", "extends: dup\ntitle: C\n")
    message = problems(child)[0]
    assert "'dup' is the id of 2 files" in message
    assert "a/dup.yaml" in message
    assert "b/dup.yaml" in message


def test_a_problem_in_an_inherited_value_is_placed_in_the_family_file(catalogue: Path) -> None:
    child = write(
        catalogue, "child.yaml", "extends: family.yaml\ntitle: Child\ncompensation:\n  min: 200000\n"
    )
    found = problems(child)
    family = catalogue / "family.yaml"
    assert len(found) == 1
    assert found[0].startswith(f"{family}:7:8: compensation.max (")
    assert found[0].endswith(f"(inherited by {child})")


def test_problems_of_the_child_are_placed_in_the_child(catalogue: Path) -> None:
    child = write(
        catalogue,
        "child.yaml",
        "extends: family.yaml\ntitle: Child\nresponsibilites: []\n"
        "skills:\n  hard:\n    add: [Python]\n    bogus: [x]\n",
    )
    found = problems(child)
    assert f"{child}:3:1: unknown key 'responsibilites'; did you mean 'responsibilities'?" in found
    assert any(
        p.startswith(
            f"{child}:6:11: skills.hard.add: 'Python' is already inherited (from "
            f"{catalogue / 'family.yaml'}:14:7)"
        )
        for p in found
    )
    assert any(
        p.startswith(f"{child}:7:12: unknown key 'bogus' in a change to the inherited list") for p in found
    )


def test_removing_what_is_not_inherited_is_an_error(catalogue: Path) -> None:
    child = write(catalogue, "child.yaml", "extends: family.yaml\ntitle: C\nbenefits:\n  remove: [Gym]\n")
    assert problems(child) == [
        f"{child}:4:12: benefits.remove: 'Gym' is not in the inherited list, so it cannot be removed"
    ]


def test_an_invalid_family_fails_its_children_at_their_extends_line(catalogue: Path) -> None:
    write(catalogue, "broken.yaml", "title: Broken\nemployment_type: fulltime\n")
    child = write(catalogue, "child.yaml", "# comment\nextends: broken.yaml\n")
    found = problems(child)
    assert len(found) == 1
    broken = catalogue / "broken.yaml"
    assert found[0].startswith(
        f"{child}:2:10: extends: {broken} is not a valid role file: "
        f"{catalogue / 'broken.yaml'}:2:18: employment_type"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("extends: nowhere.yaml\n", "extends: no file 'nowhere.yaml' next to this one"),
        ("extends: nobody\n", "extends: no role with the id 'nobody' in this catalogue"),
        ("extends: [a]\n", "extends: expected text, got a list"),
    ],
)
def test_missing_or_wrong_parents(catalogue: Path, text: str, message: str) -> None:
    child = write(catalogue, "child.yaml", text)
    assert any(message in p for p in problems(child)), problems(child)


def test_a_loop_of_extends_is_an_error(catalogue: Path) -> None:
    write(catalogue, "a.yaml", "extends: b.yaml\ntitle: A\n")
    b = write(catalogue, "b.yaml", "extends: a.yaml\ntitle: B\n")
    message = problems(b)[0]
    assert "leads back to this file" in message


def test_add_without_extends_is_an_error(tmp_path: Path) -> None:
    role = write(tmp_path, "role.yaml", "title: X\nbenefits:\n  add: [Gym]\n")
    assert problems(role) == [f"{role}:3:3: benefits: expected a list, got a mapping"]


def test_a_change_to_the_family_is_seen_at_once(catalogue: Path) -> None:
    child = write(catalogue, "child.yaml", "extends: family.yaml\ntitle: Child\n")
    assert load_role_file(child).model.department == "Engineering"
    family = catalogue / "family.yaml"
    family.write_text(FAMILY.replace("department: Engineering", "department: Research"), encoding="utf-8")
    assert load_role_file(child).model.department == "Research"


def test_stdin_follows_extends_from_the_current_folder(
    catalogue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(catalogue)
    role = load_role_text("extends: family.yaml\ntitle: From stdin\n", "<stdin>").model
    assert role.department == "Engineering"


def test_abstract_files_are_left_out_of_folder_scans_unless_asked(catalogue: Path) -> None:
    write(catalogue, "child.yaml", "extends: family.yaml\ntitle: Child\n")
    assert [Path(p).name for p in iter_role_files([catalogue])] == ["child.yaml"]
    assert [Path(p).name for p in iter_role_files([catalogue], with_abstract=True)] == [
        "child.yaml",
        "family.yaml",
    ]
    assert [Path(p).name for p in iter_role_files([catalogue / "family.yaml"])] == ["family.yaml"]


def test_validate_checks_the_roles_that_extend_a_named_family(catalogue: Path, runner: CliRunner) -> None:
    write(catalogue, "child.yaml", "extends: family.yaml\ntitle: Child\ncompensation:\n  min: 140000\n")
    write(catalogue, "sub/grandchild.yaml", "extends: child\ntitle: Grandchild\n")
    write(catalogue, "other.yaml", "title: Other\n")
    result = runner.invoke(app, ["validate", str(catalogue / "family.yaml")])
    assert result.exit_code == 0, result.output
    assert "3 file(s) checked, 0 invalid" in result.stdout
    # a change to the family that breaks a child fails the family's check
    (catalogue / "family.yaml").write_text(FAMILY.replace("max: 150000", "max: 130000"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(catalogue / "family.yaml"), "--format", "json"])
    assert result.exit_code == ExitCode.INVALID
    report = json.loads(result.stdout)
    invalid = {Path(f["file"]).name: f["problems"] for f in report["files"] if not f["valid"]}
    assert set(invalid) == {"child.yaml", "grandchild.yaml"}
    assert invalid["child.yaml"][0]["file"] == str(catalogue / "family.yaml")
    assert invalid["child.yaml"][0]["line"] == 7
    only = runner.invoke(app, ["validate", str(catalogue / "family.yaml"), "--no-dependents"])
    assert only.exit_code == 0, only.output


def test_list_shows_the_family(catalogue: Path, runner: CliRunner) -> None:
    write(catalogue, "se-ii.yaml", "extends: family.yaml\ntitle: SE II\n")
    write(catalogue, "team.yaml", "extends: se-ii\ntitle: Team\n")
    result = runner.invoke(app, ["list", str(catalogue), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["family"]["abstract"] is True
    assert rows["family"]["family"] == "family"
    assert rows["se-ii"]["family"] == "family"
    assert rows["team"]["extends"] == ["se-ii", "family"]
    assert rows["team"]["family"] == "family"
    text = runner.invoke(app, ["list", str(catalogue)]).stdout
    lines = {line.split("\t")[0]: line.split("\t") for line in text.splitlines()}
    assert lines["family"][-1] == "(family)"
    assert lines["team"][-1] == "family"


# ---- the JSON Schema ----------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((ROOT / "schema" / "role.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["extends"] == json_schema()["properties"]["extends"]
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize(
    "doc",
    [
        {"extends": "family.yaml"},
        {"extends": "x", "compensation": {"min": 5}},
        {"extends": "x", "responsibilities": {"primary": {"add": ["a"], "remove": ["b"]}}},
        {"extends": "x", "skills": {"hard": {"add": [{"name": "Py", "must_have": True}], "remove": ["SQL"]}}},
        {"extends": "x", "interview_plan": {"stages": {"add": [{"name": "A", "minutes": 30}]}}},
        {"extends": "x", "benefits": {"add": ["Gym"]}, "abstract": True},
    ],
)
def test_the_schema_accepts_what_a_child_may_write(
    validator: jsonschema.Draft7Validator, doc: dict[str, object]
) -> None:
    assert [e.message for e in validator.iter_errors(doc)] == []


@pytest.mark.parametrize(
    "doc",
    [
        {"tags": ["no title and no extends"]},
        {"title": "X", "compensation": {"min": 5}},
        {"extends": "x", "responsibilities": {"primary": {"append": ["a"]}}},
        {"extends": "x", "responsibilities": {"primary": {}}},
        {"extends": 3},
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(
    validator: jsonschema.Draft7Validator, doc: dict[str, object]
) -> None:
    assert list(validator.iter_errors(doc))


# ---- the example family ------------------------------------------------------------

LEVELS = ROLES / "software-engineer-levels"
EXAMPLE = sorted(LEVELS.glob("*.yaml"))


def test_the_example_family_is_shipped_and_valid(runner: CliRunner) -> None:
    names = {p.stem for p in EXAMPLE}
    assert names == {
        "software-engineer-family",
        "software-engineer-i",
        "software-engineer-ii",
        "software-engineer-iii",
        "software-engineer-ii-payments",
    }
    family = LEVELS / "software-engineer-family.yaml"
    result = runner.invoke(app, ["validate", str(family), "--format", "json"])
    assert result.exit_code == 0, result.output
    checked = {Path(f["file"]).stem for f in json.loads(result.stdout)["files"]}
    assert checked == names


@pytest.mark.parametrize("path", EXAMPLE, ids=lambda p: p.stem)
def test_the_example_family_passes_the_schema(validator: jsonschema.Draft7Validator, path: Path) -> None:
    assert list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))) == []


def test_the_example_levels_share_the_family_and_differ_in_pay() -> None:
    roles = {p.stem: load_role_file(p).model for p in EXAMPLE}
    family = roles["software-engineer-family"]
    assert family.abstract
    pays = [roles[f"software-engineer-{n}"].compensation.min for n in ("i", "ii", "iii")]  # type: ignore[union-attr]
    assert pays == sorted(pays)
    for name, role in roles.items():
        assert role.summary, name
        assert role.department == family.department
        assert set(family.responsibilities.primary) <= set(role.responsibilities.primary), name
    payments = load_role_file(LEVELS / "software-engineer-ii-payments.yaml")
    assert [a.id for a in payments.ancestors] == ["software-engineer-ii", "software-engineer-family"]
