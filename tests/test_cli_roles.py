"""validate, list, new, schema and the CLI's exit codes, through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.__about__ import __version__
from hirecli.cli.main import app
from hirecli.errors import ExitCode
from hirecli.model.loader import load_role
from paths import ROLES, ROOT


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"hirecli {__version__}"


def test_no_arguments_shows_help_and_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == ExitCode.USAGE
    assert "Usage" in result.output


def test_unknown_option_is_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--bogus", "x"])
    assert result.exit_code == ExitCode.USAGE
    assert "No such option" in result.stderr


def test_validate_the_example_roles(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(ROLES)])
    assert result.exit_code == 0, result.output
    count = len(list(ROLES.rglob("*.yaml")))
    assert f"{count} file(s) checked, 0 invalid" in result.stdout


def test_validate_reports_file_line_col_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: X\nresponsibilites: []\ncompensation:\n  currency: USD\n  min: 9\n  max: 1\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == ExitCode.INVALID
    lines = result.stdout.splitlines()
    assert f"{bad}:2:1: unknown key 'responsibilites'; did you mean 'responsibilities'?" in lines
    assert any(line.startswith(f"{bad}:6:8: ") for line in lines)


def test_validate_json_output(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("title: Good\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [x]\n")
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == ExitCode.INVALID
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    assert payload["summary"] == {"files": 2, "invalid": 1, "problems": 1}
    by_file = {Path(f["file"]).name: f for f in payload["files"]}
    assert by_file["good.yaml"]["valid"] is True
    assert by_file["bad.yaml"]["problems"][0]["line"] == 1


def test_validate_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "-"], input="title: X\ntitle: Y\n")
    assert result.exit_code == ExitCode.INVALID
    assert "<stdin>:2:1: duplicate key 'title'" in result.stdout


def test_validate_missing_path_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.yaml")])
    assert result.exit_code == ExitCode.USAGE
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_validate_checks_a_company_profile_as_such(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "company.yaml").write_text("name: Acme\napply:\n  url: not-a-url\n")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == ExitCode.INVALID
    assert "company.yaml:3:8: apply.url" in result.stdout


def test_list_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list", str(ROLES), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    seed = rows["mental-health-professional"]
    assert seed["title"] == "Mental Health Professional"
    assert seed["compensation"] == "$55,000 – $95,000 per year"
    assert seed["responsibilities"] == 25
    assert seed["skills"] == 20
    assert "company" not in rows


def test_list_table_on_a_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from hirecli.cli import env as env_module

    real = env_module.Env.current

    def fake_tty() -> env_module.Env:
        env = real()
        env.stdout_isatty = True
        return env

    monkeypatch.setattr(env_module.Env, "current", staticmethod(fake_tty))
    result = runner.invoke(app, ["list", str(ROLES)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Mental Health Professional" in result.stdout
    assert "┃" in result.stdout or "│" in result.stdout


def test_new_writes_a_role_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "rn.yaml"
    result = runner.invoke(app, ["new", "Registered Nurse: Nights", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    role = load_role(target)
    assert role.title == "Registered Nurse: Nights"
    assert role.id == "registered-nurse-nights"
    for key in ("responsibilities:", "skills:", "education:", "experience:", "benefits:", "compensation:"):
        assert key in text


def test_new_never_overwrites_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "rn.yaml"
    target.write_text("keep me\n")
    result = runner.invoke(app, ["new", "Nurse", "-o", str(target)])
    assert result.exit_code == ExitCode.USAGE
    assert "--force" in result.stderr
    assert target.read_text() == "keep me\n"
    forced = runner.invoke(app, ["new", "Nurse", "-o", str(target), "--force"])
    assert forced.exit_code == 0
    assert load_role(target).title == "Nurse"


def test_new_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["new", "Chef", "-o", "-"])
    assert result.exit_code == 0
    assert 'title: "Chef"' in result.stdout


@pytest.mark.parametrize(("kind", "file"), [("role", "role.schema.json"), ("company", "company.schema.json")])
def test_shipped_schema_matches_the_command(runner: CliRunner, kind: str, file: str) -> None:
    result = runner.invoke(app, ["schema", "--kind", kind])
    assert result.exit_code == 0
    shipped = (ROOT / "schema" / file).read_text(encoding="utf-8")
    assert result.stdout == shipped, f"regenerate with: hirecli schema --kind {kind} -o schema/{file} --force"


def test_traceback_never_shows_for_bad_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "-"], input="\x00\x01binary")
    assert result.exit_code == ExitCode.INVALID
    assert "Traceback" not in result.output


def test_internal_errors_are_one_line_without_locals(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hirecli import validation

    def boom(*args: object, **kwargs: object) -> None:
        secret = "hunter2"  # noqa: F841 - a local a traceback must never show
        raise RuntimeError("something broke")

    monkeypatch.setattr(validation, "check_file", boom)
    result = runner.invoke(app, ["validate", str(ROLES)])
    assert result.exit_code == ExitCode.INVALID
    assert "internal error: RuntimeError: something broke" in result.stderr
    assert "hunter2" not in result.output
    assert "Traceback" not in result.output


def test_validate_checks_interview_plans_and_custom_questions(runner: CliRunner, tmp_path: Path) -> None:
    role = tmp_path / "r.yaml"
    role.write_text(
        "title: Nurse\nskills:\n  soft: [Empathy]\ncompetencies:\n  - name: Judgment\n"
        "    questions:\n      - How old are your children?\n"
        "interview_plan:\n  stages:\n    - name: Panel\n      minutes: 45\n      focus: [Empathi]\n"
    )
    result = runner.invoke(app, ["validate", str(role)])
    assert result.exit_code == ExitCode.INVALID
    assert f"{role}:7:" in result.stdout
    assert "protected topic" in result.stdout
    assert f"{role}:12:" in result.stdout


def test_every_name_of_the_library_api_resolves() -> None:
    import hirecli

    for name in hirecli.__all__:
        assert getattr(hirecli, name) is not None, name
    with pytest.raises(AttributeError):
        _ = hirecli.no_such_name


def test_role_id_from_an_awkward_file_name() -> None:
    from hirecli.model.loader import load_role_text

    assert load_role_text("title: X\n", "roles/Café Nurse (Nights).yaml").model.id == "cafe-nurse-nights"
    assert load_role_text("title: X\n", "<stdin>").model.id == "role"
