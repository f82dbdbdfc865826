"""``hirecli lint --baseline``: record today's findings, then fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode

AD = """# Warehouse Associate

We are looking for a young and energetic team player to join us.

## What you'll do

- Pick and pack orders
- Load trucks safely
"""
NEW_PROBLEM = "\nOnly recent graduates need apply; we want digital natives.\n"


def lint(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["lint", *map(str, args), "--format", "text"])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "ad.md").write_text(AD, encoding="utf-8")
    return tmp_path


def test_write_then_use_a_baseline(repo: Path) -> None:
    code, out, _ = lint("postings", "--fail-on", "warning")
    assert code == ExitCode.INVALID
    assert out
    found = len(out.splitlines())
    code, out, err = lint("postings", "--write-baseline", ".hirecli-baseline.json")
    assert code == 0
    assert out == ""
    assert f"wrote .hirecli-baseline.json: {found} finding" in err
    data = json.loads((repo / ".hirecli-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert len(data["findings"]) == found
    assert {e["file"] for e in data["findings"]} == {"postings/ad.md"}
    code, out, err = lint("postings", "--fail-on", "warning", "--baseline", ".hirecli-baseline.json")
    assert code == 0, out
    assert out == ""
    assert f"{found} findings in the baseline .hirecli-baseline.json not shown" in err


def test_only_new_findings_fail(repo: Path) -> None:
    assert lint("postings", "--write-baseline", "baseline.json")[0] == 0
    ad = repo / "postings" / "ad.md"
    ad.write_text("\n\n" + AD + NEW_PROBLEM, encoding="utf-8")  # old findings move down two lines
    code, out, _ = lint("postings", "--fail-on", "warning", "--baseline", "baseline.json")
    assert code == ExitCode.INVALID
    lines = out.splitlines()
    assert lines
    assert all("young" not in line and "energetic" not in line for line in lines), lines
    assert any("recent graduates" in line or "digital natives" in line for line in lines), lines


def test_fixed_findings_are_reported_as_gone(repo: Path) -> None:
    assert lint("postings", "--write-baseline", "baseline.json")[0] == 0
    (repo / "postings" / "ad.md").write_text(AD.replace("young and energetic ", ""), encoding="utf-8")
    code, _, err = lint("postings", "--baseline", "baseline.json")
    assert code == 0
    assert "of the baseline no longer occur" in err


def test_the_baseline_works_from_another_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert lint("postings", "--write-baseline", "baseline.json")[0] == 0
    monkeypatch.chdir(repo / "postings")
    code, out, _ = lint("ad.md", "--fail-on", "warning", "--baseline", "../baseline.json")
    assert code == 0
    assert out == ""


def test_a_baseline_is_never_overwritten_without_force(repo: Path) -> None:
    assert lint("postings", "--write-baseline", "baseline.json")[0] == 0
    code, _, err = lint("postings", "--write-baseline", "baseline.json")
    assert code == ExitCode.USAGE
    assert "use --force" in err
    assert lint("postings", "--write-baseline", "baseline.json", "--force")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("not json", "not a hirecli lint baseline"),
        ('{"version": 7, "findings": []}', "not a hirecli lint baseline of version 1"),
    ],
)
def test_a_missing_or_broken_baseline(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "baseline.json").write_text(content, encoding="utf-8")
    code, _, err = lint("postings", "--baseline", "baseline.json")
    assert code in (ExitCode.USAGE, ExitCode.INVALID)
    assert message in err


def test_baseline_and_write_baseline_together_is_a_usage_error(repo: Path) -> None:
    code, _, err = lint("postings", "--baseline", "a.json", "--write-baseline", "b.json")
    assert code == ExitCode.USAGE
    assert "give one of them" in err
