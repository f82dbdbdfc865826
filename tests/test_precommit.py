"""The repository's pre-commit hooks run on a catalogue: ``pre-commit try-repo`` in a test
repository. The hooks are installed by pre-commit with ``language: python`` (which needs the
package index); here the same hooks run as ``language: system`` on the hirecli installed for
the tests, so that the test needs no network. Everything else (entry, files, exclude, serial
runs) is the shipped definition."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from paths import ROLES, ROOT

pytest.importorskip("pre_commit")
HOOKS = ROOT / ".pre-commit-hooks.yaml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "hirecli tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "hirecli tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
FAMILY = ("software-engineer-family", "software-engineer-ii", "software-engineer-ii-payments")


def shipped() -> list[dict[str, object]]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_the_hooks_file_defines_validate_and_lint() -> None:
    hooks = {h["id"]: h for h in shipped()}
    assert set(hooks) == {"hirecli-validate", "hirecli-lint"}
    assert hooks["hirecli-validate"]["entry"] == "hirecli validate"
    assert str(hooks["hirecli-lint"]["entry"]).startswith("hirecli lint")
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert "name" in hook
        assert "files" in hook


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        **GIT_ENV,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
        "PRE_COMMIT_COLOR": "never",
    }


def sh(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=check)


@pytest.fixture
def hooks_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A copy of this repository's hooks, as a repository of its own, run as system hooks."""
    repo = tmp_path / "hooks"
    repo.mkdir()
    hooks = shipped()
    for hook in hooks:
        hook["language"] = "system"
    (repo / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump(hooks, sort_keys=False), encoding="utf-8")
    sh(["git", "init", "-q"], repo, env)
    sh(["git", "add", "-A"], repo, env)
    sh(["git", "commit", "-q", "-m", "hooks"], repo, env)
    return repo


@pytest.fixture
def catalogue(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "catalogue"
    (repo / "roles").mkdir(parents=True)
    shutil.copy(ROLES / "company.yaml", repo / "roles" / "company.yaml")
    for name in FAMILY:
        shutil.copy(ROLES / "software-engineer-levels" / f"{name}.yaml", repo / "roles" / f"{name}.yaml")
    (repo / ".github").mkdir()
    (repo / ".github" / "workflow.yml").write_text("on: push\n", encoding="utf-8")  # not a role: not checked
    sh(["git", "init", "-q"], repo, env)
    sh(["git", "add", "-A"], repo, env)
    sh(["git", "commit", "-q", "-m", "roles"], repo, env)
    return repo


def try_repo(
    catalogue: Path, hooks_repo: Path, hook: str, env: dict[str, str], *files: str
) -> subprocess.CompletedProcess[str]:
    which = ["--files", *files] if files else ["--all-files"]
    return sh(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), hook, *which, "--verbose"],
        catalogue,
        env,
        check=False,
    )


def test_validate_hook_passes_a_valid_catalogue(
    catalogue: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    done = try_repo(catalogue, hooks_repo, "hirecli-validate", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hirecli validate" in done.stdout
    assert "Passed" in done.stdout
    assert "workflow.yml" not in done.stdout


def test_validate_hook_fails_a_family_change_that_breaks_a_role(
    catalogue: Path, hooks_repo: Path, env: dict[str, str]
) -> None:
    family = catalogue / "roles" / "software-engineer-family.yaml"
    family.write_text(
        family.read_text(encoding="utf-8")
        .replace("  max: 120000\n", "  max: 100000\n")
        .replace("  min: 90000\n", "  min: 95000\n"),
        encoding="utf-8",
    )
    level = catalogue / "roles" / "software-engineer-ii.yaml"
    level.write_text(level.read_text(encoding="utf-8").replace("  max: 135000\n", ""), encoding="utf-8")
    done = try_repo(catalogue, hooks_repo, "hirecli-validate", env, "roles/software-engineer-family.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    # only the family file was handed to the hook; the roles that extend it were checked too
    assert "roles/software-engineer-family.yaml:" in done.stdout
    assert "(inherited by roles/software-engineer-ii.yaml)" in done.stdout
    assert (
        "roles/software-engineer-ii-payments.yaml:4:10: extends: roles/software-engineer-ii.yaml is "
        "not a valid role file" in done.stdout
    )
    assert "expected a list" not in done.stdout


def test_lint_hook(catalogue: Path, hooks_repo: Path, env: dict[str, str]) -> None:
    done = try_repo(catalogue, hooks_repo, "hirecli-lint", env, "roles/software-engineer-ii.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hirecli lint" in done.stdout
    bad = catalogue / "roles" / "bad.yaml"
    bad.write_text("title: Rockstar Ninja\nemployment_type: fulltime\n", encoding="utf-8")
    done = try_repo(catalogue, hooks_repo, "hirecli-lint", env, "roles/bad.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "roles/bad.yaml:2:18: error invalid-file" in done.stdout
