"""``hirecli import`` gives a role that is right and ready to interview for, and nothing
unstated gets published: each failure the issue lists, checked on a small ad."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from typer.testing import CliRunner

from hirecli.builders.posting.build import build_posting_with_report
from hirecli.cli.main import app
from hirecli.document import to_dict
from hirecli.errors import ExitCode
from hirecli.importers import Imported, import_text

DUTIES = "\n\n## Responsibilities\n\n- Build dashboards in Tableau\n- Run A/B tests\n"


def _md(head: str, rest: str = DUTIES) -> Imported:
    return import_text(f"# Data Analyst\n\n{head}{rest}", "ad.md")


def test_a_bold_label_line_joined_by_middle_dots() -> None:
    data = _md("**Location:** Austin, TX · **Team:** Platform · **Type:** Full-time").built.data
    assert data["location"] == {"city": "Austin", "region": "TX", "country": "US"}
    assert data["department"] == "Platform"
    assert data["employment_type"] == "full_time"
    assert "notes" not in data


def test_a_company_city_type_line_joined_by_dashes() -> None:
    imported = import_text(
        "Forklift Operator\nHarbor Freight Logistics — Tacoma, WA — Full-time\n\n"
        "Responsibilities\n- Load trailers\n",
        "ad.txt",
    )
    data = imported.built.data
    assert data["location"] == {"city": "Tacoma", "region": "WA", "country": "US"}
    assert data["employment_type"] == "full_time"
    assert "notes" not in data
    assert [a.text for a in imported.report.company["name"]] == ["Harbor Freight Logistics"]


def test_a_line_joined_by_bars_keeps_the_employment_type() -> None:
    ad = "Marketing Analyst\nDenver, CO | Hybrid | Part-time\n\nWhat you'll do\n- Build reports\n"
    data = import_text(ad, "ad.txt").built.data
    assert (data["employment_type"], data["location"]["workplace"]) == ("part_time", "hybrid")
    assert data["location"]["city"] == "Denver"


def test_an_html_list_of_facts_keeps_workplace_department_and_office_days() -> None:
    page = (
        "<h1>Staff Accountant</h1><ul><li><b>Location:</b> Seattle, WA</li>"
        "<li><b>Workplace:</b> Hybrid, 3 days a week in the office</li>"
        "<li><b>Department:</b> Finance</li><li><b>Employment type:</b> Full-time</li></ul>"
        "<h2>Responsibilities</h2><ul><li>Close the books</li></ul>"
    )
    data = import_text(page, "ad.html").built.data
    assert data["location"] == {"city": "Seattle", "region": "WA", "country": "US", "workplace": "hybrid"}
    assert data["department"] == "Finance"
    assert data["schedule"] == "3 days a week in the office"


def test_country_comes_from_a_state_or_province_code() -> None:
    for place, country in (
        ("Spokane, WA", "US"),
        ("Boulder, CO", "US"),
        ("Halifax, NS", "CA"),
        ("Toronto, ON", "CA"),
    ):
        data = _md(f"Location: {place}").built.data
        assert data["location"]["country"] == country, place


def test_skills_are_read_from_requirements_traced_and_matched() -> None:
    imported = _md(
        "Location: Denver, CO",
        DUTIES + "\n## Requirements\n\n- Proficient in Tableau and dbt\n"
        "- A valid forklift certification\n- Excellent communication skills\n",
    )
    skills = imported.built.data["skills"]
    assert skills["hard"] == ["Tableau", "dbt"]
    assert skills["soft"] == ["Communication skills"]
    assert "A valid forklift certification" in imported.built.data["qualifications"]["required"]
    traced = {s.name: s for s in imported.report.skills}
    assert traced["dbt"].line == "Proficient in Tableau and dbt"
    assert traced["dbt"].pos == 12
    assert traced["Communication skills"].competency
    assert "Skills (from the lines they name them in)" in imported.report.render()


def test_an_imported_role_has_an_interview_kit_with_questions_for_its_skills(
    runner: CliRunner, tmp_path: Path
) -> None:
    imported = _md(
        "Location: Denver, CO",
        DUTIES + "\n## Requirements\n\n- Strong SQL\n"
        "- Working knowledge of statistics\n- Attention to detail\n",
    )
    role = tmp_path / "analyst.yaml"
    role.write_text(imported.built.text, "utf-8")
    result = runner.invoke(app, ["interview-kit", str(role), "--format", "data"])
    assert result.exit_code == 0, result.stderr
    kit = yaml.safe_load(result.stdout)
    assessed = {q["competency"] for q in kit["questions"]} - {"motivation-for-the-role"}
    assert len(assessed) >= 3


def test_nothing_the_ad_does_not_state_is_published() -> None:
    imported = _md("Location: Leeds, UK")
    data = imported.built.data
    assert "employment_type" not in data
    assert "workplace" not in data["location"]
    result = build_posting_with_report(imported.built.role, date=datetime.date(2026, 1, 15))
    text = str(to_dict(result.document))
    assert "Full-time" not in text
    assert "On-site" not in text
    assert dict(result.facts).keys() >= {"Location"}
    assert "employmentType" not in (result.jsonld or {})
    assert any("employment_type is not stated" in m for m in imported.report.missing)


def test_leftovers_are_placed_not_dumped() -> None:
    imported = import_text(
        "Forklift Operator\nTacoma, WA\nPay: $21 - $24 per hour\n\nResponsibilities\n- Load trailers\n\n"
        "Preferred Qualifications\n- Experience with reach trucks\n"
        "Night shift differential: $2.00 more per hour after 6 pm.\n\n"
        "Benefits\n- Medical and dental\n- Paid time off\n\nPhysical demands\nLift 50 lb.\n\n"
        "To apply, send your resume to jobs@harbor.example.\n"
        "Harbor is an equal opportunity employer.\n",
        "ad.txt",
    )
    data = imported.built.data
    assert data["benefits"] == ["Medical and dental", "Paid time off"]
    assert "differential" in data["compensation"]["variable_pay"]
    company = imported.report.company
    assert company["apply_email"][0].text == "jobs@harbor.example"
    assert "equal opportunity" in company["eeo_statement"][0].text
    assert data["notes"].splitlines()[1] == "- line 17 (under 'Physical demands'): Lift 50 lb."
    assert "eeo_statement:" in imported.report.company_yaml()
    result = build_posting_with_report(imported.built.role)
    assert "Lift 50 lb" not in str(to_dict(result.document))
    assert any("not published" in n.message for n in result.notices)


def test_validate_warns_of_folded_items_and_points_at_the_indentation(
    runner: CliRunner, tmp_path: Path
) -> None:
    role = tmp_path / "engineer.yaml"
    role.write_text(
        "title: Data Engineer\nemployment_type: full_time\n"
        "location: {city: Leeds, country: GB}\nresponsibilities:\n  primary:\n"
        "   - Build batch pipelines in Airflow\n"
        + "".join(
            f"    - {duty}\n"
            for duty in ("Review pull requests", "Mentor two engineers", "Keep warehouse costs down")
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["validate", str(role)])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if "folded" in x)
    assert line.startswith(f"{role}:6:6: warning: responsibilities.primary[0] looks like 4 items")
    assert "indented 4 spaces and its own '- ' 3" in line


def test_validate_reports_missing_facts_as_findings(runner: CliRunner, tmp_path: Path) -> None:
    role = tmp_path / "tech.yaml"
    role.write_text("title: Technician\nlocation: {city: Denver, region: CO, country: US}\n", "utf-8")
    result = runner.invoke(app, ["validate", str(role), "--format", "json"])
    assert result.exit_code == 0
    codes = [w["code"] for w in yaml.safe_load(result.stdout)["files"][0]["warnings"]]
    assert codes == ["missing-employment-type", "missing-pay", "empty-interview-loop"]


def test_an_empty_kit_is_never_silent(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    (folder / "empty.yaml").write_text("title: Forklift Operator\nemployment_type: full_time\n", "utf-8")
    (folder / "full.yaml").write_text(
        "title: Forklift Operator\nskills:\n  hard: [Forklift operation]\n", "utf-8"
    )
    kit = runner.invoke(app, ["interview-kit", str(folder / "empty.yaml")])
    assert kit.exit_code == ExitCode.INVALID
    assert "asks no questions about the role" in kit.stderr
    assert "skills.hard" in kit.stderr
    assert kit.stdout == ""
    out = tmp_path / "out"
    export = runner.invoke(
        app, ["export", str(folder), "-o", str(out), "--what", "interview-kit,scorecard", "--md"]
    )
    assert export.exit_code == ExitCode.INVALID
    assert "asks no questions about the role" in export.stderr
    assert {"interview-kit.md", "scorecard.md"} <= {p.name for p in (out / "full").iterdir()}
    assert not (out / "empty").exists()
