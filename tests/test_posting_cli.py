"""``hirecli posting`` through Typer's CliRunner: formats, files, stdin, company profiles, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode
from paths import ROLES, SEED_ROLE

DATE = ["--date", "2026-01-15"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_piped_output_is_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Mental Health Professional\n")
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    "env",
    [
        {"NO_COLOR": "1"},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": "0"},
        {"TERM": "dumb"},
        {"COLUMNS": "20"},
        {"COLUMNS": "300", "TERM": "xterm-256color"},
    ],
)
def test_piped_bytes_do_not_depend_on_the_environment(runner: CliRunner, env: dict[str, str]) -> None:
    plain = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE]).stdout_bytes
    assert runner.invoke(app, ["posting", str(SEED_ROLE), *DATE], env=env).stdout_bytes == plain


def test_two_runs_give_the_same_bytes(runner: CliRunner) -> None:
    for fmt in ("md", "html", "text", "json", "jsonld"):
        args = ["posting", str(ROLES / "registered-nurse.yaml"), "--format", fmt, *DATE, "--valid-days", "30"]
        assert runner.invoke(app, args).stdout_bytes == runner.invoke(app, args).stdout_bytes


def test_formats(runner: CliRunner) -> None:
    html = runner.invoke(app, ["posting", str(SEED_ROLE), "--format", "html", *DATE]).stdout
    assert html.startswith("<h1>Mental Health Professional</h1>")
    text = runner.invoke(app, ["posting", str(SEED_ROLE), "--format", "text", *DATE]).stdout
    assert text.startswith("Mental Health Professional\n")
    data = json.loads(runner.invoke(app, ["posting", str(SEED_ROLE), "--format", "json", *DATE]).stdout)
    assert data["meta"]["kind"] == "posting"
    assert data["meta"]["date"] == "2026-01-15"
    markdown = runner.invoke(app, ["posting", str(SEED_ROLE), "--format", "markdown", *DATE]).stdout
    assert markdown.startswith("# Mental Health Professional")


def test_unknown_format_lists_the_known_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--format", "pdf"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown format 'pdf'; known: terminal, md, html, text, json, docx, jsonld" in result.stderr


def test_unknown_channel_lists_the_known_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--channel", "fax"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown channel 'fax'; known: careers, linkedin, indeed, internal, short" in result.stderr


def test_unknown_section_lists_the_known_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--sections", "summary,perks"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown section 'perks'; known: summary, responsibilities," in result.stderr


@pytest.mark.parametrize("value", ["2026-13-01", "15/01/2026", "tomorrow", "20260115", ""])
def test_bad_date_is_a_usage_error(runner: CliRunner, value: str) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--date", value])
    assert result.exit_code == ExitCode.USAGE
    assert "--date must be a date written YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("args", [["--max-bullets", "0"], ["--valid-days", "0"], ["--bogus"]])
def test_bad_options_are_usage_errors(runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(app, ["posting", str(SEED_ROLE), *args]).exit_code == ExitCode.USAGE


def test_sections_and_max_bullets(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["posting", str(SEED_ROLE), *DATE, "--sections", "pay, summary", "--max-bullets", "2"]
    )
    assert result.exit_code == 0
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## Pay and benefits", "## About the role"]
    assert "--max-bullets 2: dropped the last 6 of 8 benefits" in result.stderr


def test_role_from_stdin(runner: CliRunner) -> None:
    text = (ROLES / "warehouse-associate.yaml").read_text(encoding="utf-8")
    from_file = runner.invoke(
        app,
        ["posting", str(ROLES / "warehouse-associate.yaml"), *DATE, "--company", str(ROLES / "company.yaml")],
    )
    from_stdin = runner.invoke(
        app, ["posting", "-", *DATE, "--company", str(ROLES / "company.yaml")], input=text
    )
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_output_file_is_never_overwritten_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "posting.html"
    first = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE, "-o", str(target)])
    assert first.exit_code == 0
    assert first.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<h1>")
    target.write_text("mine", encoding="utf-8")
    again = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE, "-o", str(target)])
    assert again.exit_code == ExitCode.USAGE
    assert "use --force" in again.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE, "-o", str(target), "--force"])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<h1>")


def test_dash_output_is_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", str(SEED_ROLE), *DATE, "-o", "-", "--format", "text"])
    assert result.stdout.startswith("Mental Health Professional\n")


def test_missing_role_is_exit_2_and_invalid_role_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["posting", str(tmp_path / "nope.yaml")]).exit_code == ExitCode.USAGE
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Cook\nresponsibilites: [x]\n", encoding="utf-8")
    result = runner.invoke(app, ["posting", str(bad)])
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith(f"{bad}:2:1: unknown key 'responsibilites'")


def test_company_profile_next_to_the_role_or_given(runner: CliRunner, tmp_path: Path) -> None:
    role = tmp_path / "cook.yaml"
    role.write_text("title: Cook\n", encoding="utf-8")
    alone = runner.invoke(app, ["posting", str(role), *DATE])
    assert alone.exit_code == 0
    assert "About" not in alone.stdout
    (tmp_path / "company.yaml").write_text("name: Tidewater Kitchens\nabout: We cook.\n", encoding="utf-8")
    found = runner.invoke(app, ["posting", str(role), *DATE])
    assert "## About Tidewater Kitchens\n\nWe cook." in found.stdout
    given = runner.invoke(app, ["posting", str(role), *DATE, "--company", str(ROLES / "company.yaml")])
    assert "## About Fernhollow Commons Cooperative" in given.stdout


def test_an_invalid_company_profile_is_reported_at_line_and_column(runner: CliRunner, tmp_path: Path) -> None:
    profile = tmp_path / "company.yaml"
    profile.write_text("name: Acme\nwebsite: not a url\nbenefit: [x]\n", encoding="utf-8")
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--company", str(profile)])
    assert result.exit_code == ExitCode.INVALID
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{profile}:2:10: ")
    assert lines[1] == f"{profile}:3:1: unknown key 'benefit'; did you mean 'benefits'?"
    missing = runner.invoke(app, ["posting", str(SEED_ROLE), "--company", str(tmp_path / "none.yaml")])
    assert missing.exit_code == ExitCode.USAGE


def test_help_lists_the_options(runner: CliRunner) -> None:
    result = runner.invoke(app, ["posting", "--help"], env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert result.exit_code == 0
    for option in (
        "--format",
        "--output",
        "--force",
        "--company",
        "--channel",
        "--max-bullets",
        "--sections",
        "--date",
        "--valid-days",
        "--strict",
        "--template",
    ):
        assert option in result.stdout


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "hirecli", *args],
        capture_output=True,
        check=False,
        env={**os.environ, **env},
        timeout=120,
    )


def test_a_real_pipe_gives_the_same_bytes_whatever_the_environment() -> None:
    args = ["posting", str(SEED_ROLE), *DATE]
    plain = _run(args, {"NO_COLOR": "1", "TERM": "dumb"})
    assert plain.returncode == 0, plain.stderr
    loud = _run(args, {"FORCE_COLOR": "1", "COLUMNS": "37", "TERM": "xterm-256color"})
    assert loud.stdout == plain.stdout
    assert b"\x1b[" not in loud.stdout


def test_posting_does_not_import_heavy_modules_it_does_not_use() -> None:
    code = (
        "import sys\n"
        "from hirecli.cli.main import app\n"
        f"code = app(['posting', {str(SEED_ROLE)!r}, '--format', 'md', '--date', '2026-01-15'],"
        " standalone_mode=False)\n"
        "heavy = ('docx', 'jinja2', 'rapidfuzz', 'textstat', 'lxml', 'markdown_it')\n"
        "sys.stderr.write(' '.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"# Mental Health Professional")
    assert result.stderr == b""
