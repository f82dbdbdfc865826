"""``hirecli lint`` from the command line: formats, exit codes, settings, role positions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app

ROLE = """\
title: Rockstar Support Ninja
summary: >-
  We want a young team member who will
  hustle every day and crush it.
responsibilities:
  primary:
    - Answer calls from guys who need help
    - "Quoted: he will report to the lead"
competencies:
  - name: Communication
    questions:
      - Are you married?
      - text: Tell me about a time you explained a bill.
        probes:
          - How old are your children?
"""

POSTING = "# Support Specialist\n\nLocation: Austin, TX\n\nWe are a fast-paced team of guys.\n"


def run(runner: CliRunner, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["lint", *args], input=stdin)


@pytest.fixture
def role(tmp_path: Path) -> Path:
    path = tmp_path / "support.yaml"
    path.write_text(ROLE, encoding="utf-8")
    return path


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "ad.md"
    path.write_text(POSTING, encoding="utf-8")
    return path


def findings(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = run(runner, *args, "--format", "json", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    return [f for file in payload["files"] for f in file["findings"]]


def where(items: list[dict[str, object]], rule: str, text: str) -> tuple[object, object]:
    [found] = [f for f in items if f["rule"] == rule and f["text"] == text]
    return found["line"], found["column"]


def test_role_findings_point_at_yaml_lines(runner: CliRunner, role: Path) -> None:
    items = findings(runner, str(role), "--no-kit", "--no-company")
    assert where(items, "hero-title", "Rockstar") == (1, 8)
    assert where(items, "hero-title", "Ninja") == (1, 25)
    assert where(items, "protected-preference", "We want a young team member") == (3, 3)
    assert where(items, "pressure-culture", "hustle") == (4, 3)
    assert where(items, "pressure-culture", "crush it") == (4, 24)
    assert where(items, "gendered-term", "guys") == (7, 25)
    assert where(items, "gendered-pronoun", "he") == (8, 16)
    assert where(items, "protected-topic-question", "Are you married") == (12, 9)
    assert where(items, "protected-topic-question", "How old are your children") == (15, 13)
    fields = {f["text"]: f["field"] for f in items}
    assert fields["guys"] == "responsibilities.primary[0]"
    assert fields["How old are your children"] == "competencies[0].questions[1].probes[0]"


def test_protected_questions_are_errors_with_an_alternative(runner: CliRunner, role: Path) -> None:
    items = [
        f
        for f in findings(runner, str(role), "--no-kit", "--no-company")
        if f["rule"] == "protected-topic-question"
    ]
    assert {f["severity"] for f in items} == {"error"}
    assert all(str(f["suggestion"]).startswith("Ask instead:") for f in items)


def test_inline_role_exceptions(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(ROLE + "lint:\n  allow: [guys]\n  disable: [hero-title]\n", encoding="utf-8")
    rules = {(f["rule"], f["text"]) for f in findings(runner, str(path), "--no-kit", "--no-company")}
    assert ("gendered-term", "guys") not in rules
    assert not any(rule == "hero-title" for rule, _ in rules)
    assert ("protected-preference", "We want a young team member") in rules


def test_json_format(runner: CliRunner, posting: Path) -> None:
    result = run(runner, str(posting), "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["version"] == 1
    assert payload["summary"]["files"] == 1
    [file] = payload["files"]
    assert file["file"] == str(posting)
    finding = next(f for f in file["findings"] if f["rule"] == "gendered-term")
    assert set(finding) >= {
        "rule",
        "category",
        "severity",
        "message",
        "text",
        "file",
        "line",
        "column",
        "why",
        "suggestion",
    }
    assert (finding["text"], finding["line"], finding["column"]) == ("guys", 5, 29)
    assert file["gender"]["verdict"] in (
        "neutral",
        "feminine",
        "masculine",
        "strongly feminine",
        "strongly masculine",
    )


def test_github_format(runner: CliRunner, posting: Path) -> None:
    result = run(runner, str(posting), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+$")
    assert all(pattern.match(line) for line in lines), lines
    assert f"::warning file={posting},line=5,col=29,title=gendered-term::" in result.stdout


def test_text_format_is_one_line_per_finding(runner: CliRunner, posting: Path) -> None:
    result = run(runner, str(posting))
    assert f"{posting}:5:29: warning gendered-term: " in result.stdout
    shape = re.compile(r"^.+:\d+:\d+: (error|warning|info) [a-z-]+: ")
    assert all(shape.match(line) for line in result.stdout.splitlines())


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1), ("none", 0)])
def test_fail_on_sets_the_exit_code(runner: CliRunner, posting: Path, fail_on: str, code: int) -> None:
    assert run(runner, str(posting), "--fail-on", fail_on).exit_code == code


def test_errors_fail_by_default(runner: CliRunner, role: Path) -> None:
    assert run(runner, str(role), "--no-kit", "--no-company").exit_code == 1
    assert run(runner, str(role), "--no-kit", "--no-company", "--fail-on", "none").exit_code == 0


def test_stdin_is_a_posting(runner: CliRunner) -> None:
    result = run(runner, "-", "--format", "json", stdin="<p>Our rockstar team</p>")
    [file] = json.loads(result.stdout)["files"]
    assert file["file"] == "<stdin>"
    assert [(f["text"], f["line"], f["column"]) for f in file["findings"] if f["rule"] == "hero-title"] == [
        ("rockstar", 1, 8)
    ]


def test_terminal_report_does_not_read_role_text_as_markup(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ad.txt"
    path.write_text("Job\n\nOur [bold]rockstar[/bold] team of guys.\n", encoding="utf-8")
    result = run(runner, str(path), "--format", "terminal")
    assert "[bold]rockstar[/bold]" in result.stdout
    assert "Findings by category" in result.stdout
    assert "hero-title" in result.stdout


def test_lint_file_settings(runner: CliRunner, tmp_path: Path, posting: Path) -> None:
    (tmp_path / ".hirecli-lint.yaml").write_text(
        "disable: [posting-length]\nseverity:\n  gendered-term: error\nallow: [fast-paced]\n"
        "ban:\n  - term: team\n    suggest: crew\nfail_on: warning\n",
        encoding="utf-8",
    )
    items = findings(runner, str(posting))
    rules = {f["rule"]: f for f in items}
    assert "posting-length" not in rules
    assert rules["gendered-term"]["severity"] == "error"
    assert "pressure-culture" not in rules
    assert rules["banned-term"]["text"] == "team"
    assert rules["banned-term"]["suggestion"] == "crew"
    assert run(runner, str(posting)).exit_code == 1


def test_config_option_and_company_lint_section(runner: CliRunner, tmp_path: Path, role: Path) -> None:
    (tmp_path / "company.yaml").write_text(
        "name: Example Co\nlint:\n  disable: [hero-title]\n", encoding="utf-8"
    )
    extra = tmp_path / "strict.yaml"
    extra.write_text("severity:\n  pressure-culture: error\n", encoding="utf-8")
    items = findings(runner, str(role), "--no-kit", "--config", str(extra))
    assert not any(f["rule"] == "hero-title" for f in items)
    assert {f["severity"] for f in items if f["rule"] == "pressure-culture"} == {"error"}
    [eeo] = [f for f in items if f["rule"] == "eeo-statement-missing"]
    assert "no company profile" not in str(eeo["message"])


def test_bad_settings_are_reported_at_their_line(runner: CliRunner, tmp_path: Path, posting: Path) -> None:
    settings = tmp_path / ".hirecli-lint.yaml"
    settings.write_text("disable:\n  - no-such-rule\ncolour: red\n", encoding="utf-8")
    result = run(runner, str(posting), "--format", "text")
    assert result.exit_code == 1
    assert ".hirecli-lint.yaml:2:5: error invalid-file: disable[0]: " in result.stdout
    assert "unknown rule id 'no-such-rule'" in result.stdout
    assert ".hirecli-lint.yaml:3:1: error invalid-file: unknown key 'colour'" in result.stdout


def test_invalid_role_is_reported_not_crashed(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: A\nsalary: lots\n", encoding="utf-8")
    result = run(runner, str(path), "--no-company")
    assert result.exit_code == 1
    assert f"{path}:2:1: error invalid-file: unknown key 'salary'" in result.stdout


def test_folders_are_searched_and_missing_files_are_usage_errors(
    runner: CliRunner, tmp_path: Path, posting: Path
) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run(runner, str(tmp_path), "--format", "json", "--fail-on", "none")
    assert [f["file"] for f in json.loads(result.stdout)["files"]] == [str(posting)]
    assert run(runner, str(tmp_path / "missing.md")).exit_code == 2


def test_docx_postings(runner: CliRunner, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Warehouse Ninja", level=1)
    document.add_paragraph("Lift boxes all day.")
    document.add_paragraph("Work with a young team", style="List Bullet")
    path = tmp_path / "ad.docx"
    document.save(str(path))
    items = findings(runner, str(path))
    assert where(items, "hero-title", "Ninja") == (1, 11)
    assert where(items, "protected-preference", "young team") == (3, 13)


def test_rules_are_listed(runner: CliRunner) -> None:
    result = run(runner, "--rules")
    assert result.exit_code == 0
    assert re.search(r"^protected-topic-question\tinterview\terror\t", result.stdout, flags=re.M)
    assert len(result.stdout.splitlines()) >= 35


def test_kit_questions_are_checked(runner: CliRunner, roles_dir: Path) -> None:
    result = run(
        runner, str(roles_dir / "customer-support-specialist.yaml"), "--format", "json", "--fail-on", "none"
    )
    [file] = json.loads(result.stdout)["files"]
    assert "notes" not in file["stats"], file["stats"].get("notes")
