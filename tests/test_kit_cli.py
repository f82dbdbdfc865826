"""``hirecli interview-kit`` and ``hirecli scorecard`` through Typer's CliRunner."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from hirecli.builders.kit.plan import plan_kit
from hirecli.cli.main import app
from hirecli.errors import ExitCode
from hirecli.model.loader import load_role_file
from paths import ROLES, SEED_ROLE

TURBINE = str(ROLES / "wind-turbine-technician.yaml")


def test_piped_kit_is_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", str(SEED_ROLE)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Interview kit: Mental Health Professional\n")
    assert "## Stage 4 of 4: Team and values panel" in result.stdout
    assert result.stderr == ""


def test_two_runs_give_the_same_bytes(runner: CliRunner) -> None:
    for fmt in ("md", "html", "text", "json"):
        args = ["interview-kit", TURBINE, "--format", fmt, "--variant", "2"]
        assert runner.invoke(app, args).stdout_bytes == runner.invoke(app, args).stdout_bytes


def test_json_output_is_the_document_tree(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", TURBINE, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["meta"]["kind"] == "interview-kit"
    assert any(b["type"] == "table" and b["kind"] == "matrix" for b in data["blocks"])


def test_one_stage(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", TURBINE, "--stage", "skills interview and work sample"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Interview packet: Wind Turbine Technician\n")
    assert "## Stage 3 of 4: Skills interview and work sample" in result.stdout
    assert "Recruiter screen" not in result.stdout
    assert "| Candidate | Interviewer | Date |" in result.stdout


def test_unknown_stage_and_competency_are_usage_errors(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", TURBINE, "--stage", "lunch"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown stage 'lunch'; known: Recruiter screen, Hiring manager interview" in result.stderr
    result = runner.invoke(app, ["interview-kit", TURBINE, "--competency", "Juggling"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown competency 'Juggling'; known: Climb Rescue Certification (GWO)" in result.stderr


def test_competency_option_repeats(runner: CliRunner) -> None:
    names = [c.name for c in plan_kit(load_role_file(Path(TURBINE)).model).competencies]
    first, last = names[1], names[-1]
    result = runner.invoke(
        app, ["interview-kit", TURBINE, "--competency", last, "--competency", first, "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    keywords = json.loads(result.stdout)["meta"]["keywords"]
    assert keywords == [first, last]


def test_explain_shows_the_matches_on_stderr(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", str(SEED_ROLE), "--explain"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert any(
        line.split() == ["Skill", "Matched", "competency", "How", "Confidence", "Note"] for line in lines
    )
    row = next(line for line in lines if line.startswith("Patience & Adaptability"))
    assert "Patience + Adaptability" in row
    assert "alias" in row
    assert "100" in row
    risk = next(line for line in lines if line.startswith("Suicide & Risk Assessment Protocols"))
    assert "Risk Assessment" in risk
    assert "fuzzy" in risk
    turbine = runner.invoke(app, ["interview-kit", TURBINE, "--explain"]).stderr
    assert "Interview loop" in turbine or "Stage" in turbine
    assert "Question minutes" in turbine


def test_writing_a_file_and_refusing_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "kit.html"
    assert runner.invoke(app, ["interview-kit", TURBINE, "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<h1>Interview kit: Wind Turbine Technician</h1>")
    again = runner.invoke(app, ["interview-kit", TURBINE, "-o", str(target)])
    assert again.exit_code == ExitCode.USAGE
    assert "--force" in again.stderr
    assert runner.invoke(app, ["interview-kit", TURBINE, "-o", str(target), "--force"]).exit_code == 0
    docx = tmp_path / "kit.docx"
    assert runner.invoke(app, ["interview-kit", TURBINE, "-o", str(docx)]).exit_code == 0
    assert docx.read_bytes().startswith(b"PK")


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview-kit", TURBINE, "--format", "pdf"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown format 'pdf'" in result.stderr


def test_a_protected_custom_question_exits_1_with_its_position(runner: CliRunner, tmp_path: Path) -> None:
    role = tmp_path / "night.yaml"
    role.write_text(
        textwrap.dedent("""\
        title: Night Shift Supervisor
        skills:
          soft: [Leadership]
        competencies:
          - name: Leadership
            questions:
              - How old are your children?
        """),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["interview-kit", str(role)])
    assert result.exit_code == ExitCode.INVALID
    assert result.stdout == ""
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"{role}:7:9: interview question touches a protected topic (")
    assert "; ask instead: " in line


def test_scorecard_command_and_option(runner: CliRunner) -> None:
    result = runner.invoke(app, ["scorecard", TURBINE])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Scorecard: Wind Turbine Technician\n")
    assert runner.invoke(app, ["interview-kit", TURBINE, "--scorecard"]).stdout == result.stdout
    one = runner.invoke(app, ["scorecard", TURBINE, "--stage", "4"]).stdout
    kit = plan_kit(load_role_file(Path(TURBINE)).model)
    panel = kit.stages[3]
    for name in panel.competencies:
        assert f"#### {name}" in one
    others = {c.name for c in kit.competencies} - set(panel.competencies)
    assert not any(f"#### {name}\n" in one for name in others)


def test_stdin(runner: CliRunner) -> None:
    text = (ROLES / "marketing-intern.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["interview-kit", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    assert "# Interview kit: Marketing Intern" in result.stdout
