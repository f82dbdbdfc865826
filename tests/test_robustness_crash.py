"""A crash never prints local variables: no secrets in tracebacks.

A builder is made to fail with a local variable holding a secret. Without
``--traceback`` the user sees one line naming the error; with it, Python's plain
traceback (file, line, code) and still no local variables.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from hirecli.cli.main import app
from paths import SEED_ROLE

SECRET = "sk-live-SECRET-4242-do-not-print"
EXPLODE = textwrap.dedent(f"""\
    def _explode(*args, **kwargs):
        secret = {SECRET!r}
        token = secret[::-1]
        raise RuntimeError("the posting builder broke")
""")
BOOM = EXPLODE + textwrap.dedent("""\
    import hirecli.builders.posting.build as _posting
    _posting.build_posting_with_report = _explode
""")
"""A sitecustomize.py that breaks the posting builder in every process that starts."""


def run(args: list[str]) -> Result:
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def exploding_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    namespace: dict[str, object] = {}
    exec(compile(EXPLODE, "boom", "exec"), namespace)
    monkeypatch.setattr("hirecli.builders.posting.build.build_posting_with_report", namespace["_explode"])


@pytest.mark.usefixtures("exploding_builder")
@pytest.mark.parametrize(
    "args",
    [
        ["posting", str(SEED_ROLE), "--format", "md"],
        ["posting", str(SEED_ROLE), "--format", "html"],
    ],
)
def test_an_internal_error_is_one_line_without_locals(args: list[str]) -> None:
    result = run(args)
    assert result.exit_code == 1
    assert "internal error: RuntimeError: the posting builder broke" in result.stderr
    assert "--traceback" in result.stderr
    assert SECRET not in result.output
    assert SECRET[::-1] not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.usefixtures("exploding_builder")
def test_a_failing_role_in_an_export_names_the_error_without_locals(tmp_path: Path) -> None:
    result = run(["export", str(SEED_ROLE), "--md", "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1
    assert "the posting builder broke" in result.output
    assert SECRET not in result.output
    assert SECRET[::-1] not in result.output


def _child(
    args: list[str], tmp_path: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run hirecli in a child process whose posting builder fails (in worker processes too)."""
    (tmp_path / "sitecustomize.py").write_text(BOOM, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "HIRECLI_TRACEBACK"}
    environment["PYTHONPATH"] = os.pathsep.join([str(tmp_path), environment.get("PYTHONPATH", "")])
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hirecli", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def test_the_traceback_option_shows_where_but_no_locals(tmp_path: Path) -> None:
    quiet = _child(["posting", str(SEED_ROLE)], tmp_path)
    assert quiet.returncode == 1
    assert "Traceback" not in quiet.stderr
    assert SECRET not in quiet.stderr + quiet.stdout
    for loud in (
        _child(["--traceback", "posting", str(SEED_ROLE)], tmp_path),
        _child(["posting", str(SEED_ROLE)], tmp_path, {"HIRECLI_TRACEBACK": "1"}),
    ):
        assert loud.returncode != 0
        assert "Traceback (most recent call last)" in loud.stderr
        assert "RuntimeError: the posting builder broke" in loud.stderr
        assert "raise RuntimeError" in loud.stderr
        assert SECRET not in loud.stderr + loud.stdout
        assert SECRET[::-1] not in loud.stderr + loud.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crash_in_a_worker_process_prints_no_locals(tmp_path: Path, jobs: str) -> None:
    done = _child(
        [
            "export",
            str(SEED_ROLE),
            str(SEED_ROLE.parent / "registered-nurse.yaml"),
            "--md",
            "-o",
            str(tmp_path / "out"),
            "--jobs",
            jobs,
        ],
        tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert "the posting builder broke" in done.stderr
    assert "Traceback" not in done.stderr
    assert SECRET not in done.stderr + done.stdout
