"""The kit is right for every field: matching within the role's field, pinned and refused
matches, skills that share a competency, drafts that say so, and the kit as data."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from hirecli.builders.kit.coverage import kit_coverage
from hirecli.builders.kit.plan import plan_kit
from hirecli.cli.main import app
from hirecli.competencies import load_library
from hirecli.errors import ExitCode, ValidationFailed
from hirecli.families import role_fields
from hirecli.model.loader import iter_role_files, load_role, load_role_file
from paths import ROLES, ROOT

FAMILY_ROLES = ROOT / "tests" / "family_roles"
ALL_ROLES = [
    *sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml"),
    *sorted(FAMILY_ROLES.glob("*.yaml")),
]


def _kit(path: Path):  # type: ignore[no-untyped-def]
    loaded = load_role_file(path)
    role = loaded.model
    kit = plan_kit(role, positions=loaded.positions)
    return role, kit


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Customer Support Specialist", {"customer-service"}),
        ("Wind Turbine Technician", {"maintenance-facilities"}),
        ("Pharmacy Technician", {"allied-health"}),
        ("Registered Nurse, ICU", {"nursing-clinical"}),
        ("Senior Software Engineer", {"software-engineering"}),
        ("Line Cook", {"food-hospitality"}),
        ("Journeyman Electrician", {"construction-trades"}),
    ],
)
def test_the_role_field_comes_from_the_title(title: str, expected: set[str]) -> None:
    assert role_fields(title).fields == expected


def test_without_a_telling_title_tags_and_duties_decide() -> None:
    found = role_fields("Associate", ["Warehouse"], ["Load pallets with a forklift at the dock."])
    assert found.fields == {"transportation-logistics"}
    assert role_fields("Associate").fields == frozenset()


def test_a_match_across_fields_is_refused() -> None:
    lib = load_library()
    software = lib.match("Software Debugging", frozenset({"software-engineering"}))
    assert software.ids
    assert lib[software.ids[0]].family == "software-engineering"
    support = lib.match("Troubleshooting Software Issues", frozenset({"customer-service"}))
    assert all(lib[i].family != "software-engineering" for i in support.ids)
    assert lib.match("Reliability", frozenset({"customer-service"})).ids != ("cloud-operations",)


def test_portable_tools_match_in_any_field() -> None:
    lib = load_library()
    assert lib.match("SQL", frozenset({"customer-service"})).ids == ("sql",)


@pytest.mark.parametrize("path", ALL_ROLES, ids=lambda p: p.stem)
def test_no_competency_of_another_field_and_no_shared_anchors(path: Path) -> None:
    role, kit = _kit(path)
    cov = kit_coverage(kit, [s.name for s in (*role.skills.hard, *role.skills.soft)])
    assert cov.off_field == ()
    assert cov.shared_anchors == ()


def test_library_coverage_of_every_field() -> None:
    """The targets: 90% of skills matched within their field, drafts at most 10% of main
    questions, on the shipped roles and one role for each job family."""
    skills = matched = main = drafts = 0
    for path in ALL_ROLES:
        role, kit = _kit(path)
        cov = kit_coverage(kit, [s.name for s in (*role.skills.hard, *role.skills.soft)])
        skills, matched = skills + cov.skills, matched + cov.matched
        main, drafts = main + cov.main_questions, drafts + cov.draft_questions
    assert matched / skills >= 0.90, (matched, skills)
    assert drafts / main <= 0.10, (drafts, main)


def test_every_family_has_a_test_role() -> None:
    from hirecli.families import EVERYWHERE, families

    seen = set()
    for path in FAMILY_ROLES.glob("*.yaml"):
        role = load_role_file(path).model
        seen |= role_fields(role.title, role.tags).fields
    assert set(families().by_id) - EVERYWHERE - {"workplace-safety"} <= seen


def _role(tmp_path: Path, skills: str) -> Path:
    path = tmp_path / "role.yaml"
    head = (
        "title: Sales Development Representative\n"
        "responsibilities:\n"
        "  primary: [Call and email prospects to book first meetings.]\n"
        "skills:\n"
    )
    path.write_text(head + textwrap.indent(textwrap.dedent(skills), "  "))
    return path


def test_two_skills_of_one_competency_are_assessed_once(tmp_path: Path) -> None:
    path = _role(
        tmp_path,
        """\
        hard:
          - name: Prospecting
            weight: 2
          - name: Cold Calling
            must_have: true
            weight: 3
        """,
    )
    kit = plan_kit(load_role(path))
    rows = [c for c in kit.competencies if "Cold Calling" in c.covers]
    assert len(rows) == 1
    assert rows[0].covers == ("Prospecting", "Cold Calling")
    assert rows[0].must_have
    assert rows[0].weight == 3
    assert len({tuple(c.anchors) for c in kit.competencies}) == len(kit.competencies)


def test_a_pin_chooses_and_none_refuses(tmp_path: Path) -> None:
    path = _role(
        tmp_path,
        """\
        hard:
          - name: Phones
            competency: prospecting
          - name: Negotiation
            competency: none
        """,
    )
    kit = plan_kit(load_role(path))
    phones = kit.competency("Phones")
    assert phones.sources == ("prospecting",)
    assert phones.how == "pinned"
    assert kit.competency("Negotiation").generated


def test_an_unknown_pin_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = _role(
        tmp_path,
        """\
        hard:
          - name: Phones
            competency: no-such-thing
        """,
    )
    loaded = load_role_file(path)
    with pytest.raises(ValidationFailed) as caught:
        plan_kit(loaded.model, positions=loaded.positions)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (7, 19)
    assert "no-such-thing" in problem.message


def test_drafts_are_labelled_reported_and_printable(runner: CliRunner, tmp_path: Path) -> None:
    path = _role(
        tmp_path,
        """\
        hard:
          - Prospecting
          - Quantum Basket Weaving
        """,
    )
    result = runner.invoke(app, ["interview-kit", str(path), "--format", "md"])
    assert result.exit_code == 0
    assert "Draft question: review before use" in result.stdout
    assert f"{path}:7:7: skill 'Quantum Basket Weaving'" in result.stderr
    strict = runner.invoke(app, ["interview-kit", str(path), "--strict"])
    assert strict.exit_code == ExitCode.INVALID
    assert "only draft questions" in strict.stderr
    drafts = runner.invoke(app, ["interview-kit", str(path), "--drafts"])
    import yaml

    block = yaml.safe_load(drafts.stdout)
    assert [c["name"] for c in block["competencies"]] == ["Quantum Basket Weaving"]
    assert all(q["text"] for q in block["competencies"][0]["questions"])


@pytest.mark.parametrize("command", ["interview-kit", "scorecard"])
def test_kit_data_matches_its_schema(runner: CliRunner, command: str) -> None:
    schema = json.loads((ROOT / "schema" / "kit-data.schema.json").read_text())
    result = runner.invoke(app, [command, str(ROLES / "wind-turbine-technician.yaml"), "--format", "data"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.Draft7Validator(schema).validate(data)
    assert data["format_version"] == "1.0"
    ids = {q["id"] for q in data["questions"]}
    comps = {c["id"] for c in data["competencies"]}
    for stage in data["stages"]:
        assert set(stage["questions"]) | set(stage["reserve"]) <= ids
    assert {q["competency"] for q in data["questions"] if not q["source"].startswith("kit:")} <= comps
    assert len(ids) == len(data["questions"])


def test_kit_data_schema_file_is_current(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "--kind", "kit-data"])
    assert result.stdout == (ROOT / "schema" / "kit-data.schema.json").read_text()


def test_competencies_command(runner: CliRunner) -> None:
    listed = json.loads(runner.invoke(app, ["competencies", "--format", "json"]).stdout)
    assert len(listed) >= 300
    assert {"id", "name", "family", "kind", "questions"} <= set(listed[0])
    shown = json.loads(runner.invoke(app, ["competencies", "show", "sql", "--format", "json"]).stdout)
    assert shown["id"] == "sql"
    assert len(shown["questions"]) >= 5
    found = json.loads(
        runner.invoke(app, ["competencies", "search", "Cold Calling", "--format", "json"]).stdout
    )
    assert found[0]["id"] == "prospecting"
    missing = runner.invoke(app, ["competencies", "show", "sqll"])
    assert missing.exit_code == ExitCode.USAGE
    assert "sql" in missing.stderr


def test_a_company_folder_extends_and_overrides_the_library(runner: CliRunner, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "competencies"
    folder.mkdir()
    packaged = ROOT / "src" / "hirecli" / "data" / "competencies" / "sql.yaml"
    text = packaged.read_text().replace("name: SQL", "name: SQL (our way)")
    (folder / "sql.yaml").write_text(text)
    shutil.copy(packaged, folder / "in-house-sql.yaml")
    (folder / "in-house-sql.yaml").write_text(
        (folder / "in-house-sql.yaml")
        .read_text()
        .replace("id: sql", "id: in-house-sql")
        .replace("name: SQL", "name: In-House Query Language")
        .replace("  - sql queries\n", "  - ihql\n")
    )
    company = tmp_path / "company.yaml"
    company.write_text("name: Example Co\ncompetencies: competencies\n")
    shown = runner.invoke(app, ["competencies", "show", "sql", "--company", str(company)])
    assert "SQL (our way)" in shown.stdout
    listed = runner.invoke(app, ["competencies", "--company", str(company), "--format", "json"])
    assert "in-house-sql" in {e["id"] for e in json.loads(listed.stdout)}


def test_the_shipped_examples_every_skill_file_loads() -> None:
    assert len(list(iter_role_files([FAMILY_ROLES]))) >= 25


def test_lint_warns_of_draft_skills_at_their_line(runner: CliRunner, tmp_path: Path) -> None:
    path = _role(
        tmp_path,
        """\
        hard:
          - Prospecting
          - Quantum Basket Weaving
        """,
    )
    result = runner.invoke(app, ["lint", str(path), "--format", "json"])
    findings = (
        [f for r in json.loads(result.stdout)["files"] for f in r["findings"]]
        if "files" in json.loads(result.stdout)
        else json.loads(result.stdout)[0]["findings"]
    )
    drafts = [f for f in findings if f["rule"] == "draft-questions"]
    assert len(drafts) == 1
    assert (drafts[0]["line"], drafts[0]["column"]) == (7, 7)
    assert drafts[0]["severity"] == "warning"
