"""``hirecli diff``: what changes in the posting and the kit, pay and location first."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.diff import Line, line_changes
from hirecli.errors import ExitCode
from paths import ROLES

GIT_ENV = {
    "GIT_AUTHOR_NAME": "hirecli tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "hirecli tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
NURSE = ROLES / "registered-nurse.yaml"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["diff", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, env={**os.environ, **GIT_ENV}, timeout=60
    )


def edited(tmp_path: Path, name: str, *swaps: tuple[str, str]) -> Path:
    """A copy of the nurse role (with the company profile beside it) with text swapped."""
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(ROLES / "company.yaml", folder / "company.yaml")
    text = NURSE.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new)
    target = folder / "registered-nurse.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_pay_and_location_are_called_out_first(tmp_path: Path) -> None:
    old = edited(tmp_path, "old")
    new = edited(
        tmp_path,
        "new",
        ("min: 98000", "min: 101000"),
        ("city: Seattle", "city: Tacoma"),
        ("title: Registered Nurse, Medical-Surgical", "title: Registered Nurse, Med-Surg"),
    )
    code, out, err = run(old, new, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["summary"] == {"changed": 1, "added": 0, "removed": 0, "unchanged": 0}
    role = report["roles"][0]
    assert [h["field"] for h in role["highlights"]][:3] == ["Pay", "Location", "Title"]
    assert role["highlights"][0] == {
        "field": "Pay",
        "old": "$98,000 – $146,000 per year",
        "new": "$101,000 – $146,000 per year",
    }
    assert "Tacoma" in role["highlights"][1]["new"]
    kinds = {c["kind"] for c in role["posting"]}
    assert kinds == {"changed"}
    assert any("$101,000" in (c["new"] or "") for c in role["kit"])  # the kit quotes the pay range


def test_added_removed_and_changed_lines(tmp_path: Path) -> None:
    old = edited(tmp_path, "old")
    new = edited(
        tmp_path,
        "new",
        ("    - Nurse Residency graduate (newly licensed RN)\n", ""),
        ("  advancement:\n", "  advancement:\n    - Nurse Educator for the whole hospital\n"),
    )
    code, out, err = run(old, new, "--format", "json", "--no-kit")
    assert code == 0, err
    posting = json.loads(out)["roles"][0]["posting"]
    assert {
        "kind": "removed",
        "section": "Your career path › Backgrounds that lead here",
        "old": "- Nurse Residency graduate (newly licensed RN)",
        "new": None,
    } in posting
    assert {
        "kind": "added",
        "section": "Your career path › Where you can grow",
        "old": None,
        "new": "- Nurse Educator for the whole hospital",
    } in posting
    assert json.loads(out)["roles"][0]["kit"] == []


def test_line_changes_pairs_similar_lines() -> None:
    old = [Line("A", "- Write code"), Line("A", "- Review code"), Line("A", "- Lunch")]
    new = [Line("A", "- Write good code"), Line("A", "- Deploy on Fridays"), Line("A", "- Lunch")]
    changes = line_changes(old, new)
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("changed", "- Write code", "- Write good code"),
        ("removed", "- Review code", None),
        ("added", None, "- Deploy on Fridays"),
    ]


def test_text_and_markdown_for_people_and_pull_requests(tmp_path: Path) -> None:
    old = edited(tmp_path, "old")
    new = edited(tmp_path, "new", ("min: 98000", "min: 99000"))
    code, text, _ = run(old, new)
    assert code == 0
    assert text.splitlines()[0].startswith("Registered Nurse, Medical-Surgical (registered-nurse): changed")
    assert "  Pay: $98,000 – $146,000 per year -> $99,000 – $146,000 per year" in text
    assert text.rstrip().endswith("1 changed; 0 unchanged")
    code, md, _ = run(old, new, "--format", "md")
    assert code == 0
    assert md.startswith("## hirecli diff: 1 changed; 0 unchanged\n")
    assert "| **Pay** | $98,000 – $146,000 per year | $99,000 – $146,000 per year |" in md
    assert "```diff\n" in md
    assert "\n- Pay: $98,000 – $146,000 per year\n+ Pay: $99,000 – $146,000 per year\n" in md


def test_no_change_and_exit_code(tmp_path: Path) -> None:
    old, new = edited(tmp_path, "old"), edited(tmp_path, "new")
    code, out, _ = run(old, new, "--exit-code")
    assert code == 0
    assert out == "no role changed; 1 unchanged\n"
    changed = edited(tmp_path, "changed", ("min: 98000", "min: 99000"))
    assert run(old, changed, "--exit-code", "--no-kit")[0] == ExitCode.INVALID


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    old, new = edited(tmp_path, "old"), edited(tmp_path, "new", ("min: 98000", "min: 99000"))
    target = tmp_path / "diff.md"
    assert run(old, new, "--format", "md", "-o", target, "--no-kit")[0] == 0
    code, _, err = run(old, new, "--format", "md", "-o", target, "--no-kit")
    assert code == ExitCode.USAGE
    assert "use --force" in err
    assert run(old, new, "--format", "md", "-o", target, "--no-kit", "--force")[0] == 0


def test_folders_match_roles_by_id(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        shutil.copy(ROLES / "company.yaml", folder / "company.yaml")
    shutil.copy(ROLES / "warehouse-associate.yaml", old / "warehouse-associate.yaml")
    text = (ROLES / "warehouse-associate.yaml").read_text(encoding="utf-8")
    assert "\nid: warehouse-associate\n" in text
    (new / "renamed-file.yaml").write_text(text, encoding="utf-8")  # the id says it is the same role
    shutil.copy(NURSE, old / "registered-nurse.yaml")
    shutil.copy(ROLES / "marketing-intern.yaml", new / "marketing-intern.yaml")
    code, out, err = run(old, new, "--format", "json", "--no-kit")
    assert code == 0, err
    report = json.loads(out)
    assert report["summary"] == {"changed": 0, "added": 1, "removed": 1, "unchanged": 1}
    statuses = {r["role"]: r["status"] for r in report["roles"]}
    assert statuses == {"marketing-intern": "added", "registered-nurse": "removed"}
    added = next(r for r in report["roles"] if r["status"] == "added")
    assert all(c["kind"] == "added" for c in added["posting"])


def test_a_file_against_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(NURSE, ROLES)
    assert code == ExitCode.USAGE
    assert "a file with a file and a folder with a folder" in err


# ---- git:REF:path -------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a family, a role that extends it and a company profile, committed."""
    roles = tmp_path / "roles"
    roles.mkdir()
    shutil.copy(ROLES / "company.yaml", roles / "company.yaml")
    for name in ("software-engineer-family", "software-engineer-ii", "software-engineer-ii-payments"):
        shutil.copy(ROLES / "software-engineer-levels" / f"{name}.yaml", roles / f"{name}.yaml")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "roles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_role_as_it_was_in_a_commit_follows_extends_in_that_commit(repo: Path) -> None:
    family = repo / "roles" / "software-engineer-family.yaml"
    family.write_text(
        family.read_text(encoding="utf-8")
        .replace("  min: 90000\n", "  min: 95000\n")
        .replace("city: Denver", "city: Boulder"),
        encoding="utf-8",
    )
    code, out, err = run(
        "git:HEAD:roles/software-engineer-ii-payments.yaml",
        "roles/software-engineer-ii-payments.yaml",
        "--format",
        "json",
        "--no-kit",
    )
    assert code == 0, err
    role = json.loads(out)["roles"][0]
    assert role["old"] == "git:HEAD:roles/software-engineer-ii-payments.yaml"
    assert [h["field"] for h in role["highlights"]] == ["Location"]  # the level sets its own pay
    assert "Boulder" in role["highlights"][0]["new"]
    assert "Denver" in role["highlights"][0]["old"]


def test_folders_of_a_commit_leave_family_files_out(repo: Path) -> None:
    level = repo / "roles" / "software-engineer-ii.yaml"
    text = level.read_text(encoding="utf-8")
    level.write_text(text.replace("min: 110000", "min: 112000"), encoding="utf-8")
    code, out, err = run("git:HEAD:roles", "roles", "--format", "json", "--no-kit")
    assert code == 0, err
    report = json.loads(out)
    assert report["summary"] == {"changed": 2, "added": 0, "removed": 0, "unchanged": 0}
    assert {r["role"] for r in report["roles"]} == {"software-engineer-ii", "software-engineer-ii-payments"}


def test_git_paths_are_relative_to_the_current_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "roles")
    code, out, err = run("git:HEAD:software-engineer-ii.yaml", "software-engineer-ii.yaml", "--no-kit")
    assert code == 0, err
    assert out == "no role changed; 1 unchanged\n"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "git:no-such-branch:roles/software-engineer-ii.yaml",
            "git:no-such-branch: no such commit, branch or tag",
        ),
        ("git:HEAD:roles/nope.yaml", "git:HEAD:roles/nope.yaml: no such file or folder in HEAD"),
        ("git:HEAD:", "write git:REF:path"),
        ("git:HEAD:../outside.yaml", "lies outside the repository"),
    ],
)
def test_git_specs_that_cannot_be_read_are_usage_errors(repo: Path, spec: str, message: str) -> None:
    code, _, err = run(spec, "roles/software-engineer-ii.yaml")
    assert code == ExitCode.USAGE
    assert message in err


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run("git:HEAD:roles/x.yaml", NURSE)
    assert code == ExitCode.USAGE
    assert "git" in err


def test_an_invalid_role_is_reported_with_file_line_col(tmp_path: Path) -> None:
    old = edited(tmp_path, "old")
    new = edited(tmp_path, "new", ("employment_type: full_time", "employment_type: fulltime"))
    code, _, err = run(old, new)
    assert code == ExitCode.INVALID
    assert err.startswith(f"{new}:")
