"""A catalogue of 200 roles in 10 families validates, lists, exports, lints and diffs; a
change to a family file changes the postings of the roles that extend it and nothing else."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.model.loader import load_role
from paths import ROLES, ROOT

FAMILIES = 10
LEVELS = 4
TEAMS = 4
"""Per family: 4 levels, each extended by 4 team roles: 20 roles that are published."""
DATE = "2025-03-14"
EXTRA_BASES = ("electrician", "line-cook")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "hirecli tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "hirecli tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def bases() -> list[Path]:
    examples = sorted(
        p
        for p in ROLES.glob("*.yaml")
        if p.name != "company.yaml" and not p.name.startswith("software-engineer-")
    )
    extra = [ROOT / "tests" / "family_roles" / f"{name}.yaml" for name in EXTRA_BASES]
    return [*examples, *extra][:FAMILIES]


def family_ids(n: int) -> list[str]:
    """The published roles of family ``n``: its levels and their teams."""
    ids = []
    for level in range(1, LEVELS + 1):
        ids.append(f"fam{n}-level-{level}")
        ids += [f"fam{n}-level-{level}-team-{team}" for team in range(1, TEAMS + 1)]
    return ids


def build_catalogue(folder: Path) -> Path:
    """``folder/roles/``: a company profile and, per family, family.yaml (abstract), four
    levels that extend it by path, and four teams per level that extend their level by id."""
    roles = folder / "roles"
    roles.mkdir(parents=True)
    shutil.copy(ROLES / "company.yaml", roles / "company.yaml")
    for n, base in enumerate(bases()):
        home = roles / f"fam{n}"
        home.mkdir()
        role = load_role(base)
        text = re.sub(r"(?m)^(id: .*|# yaml-language-server.*)\n", "", base.read_text(encoding="utf-8"))
        if role.compensation is None:
            text += "compensation:\n  currency: USD\n  min: 52000\n  max: 64000\n  period: year\n"
            low = 52000.0
        else:
            low = float(role.compensation.min or 20)
        (home / "family.yaml").write_text(f"abstract: true\n{text}", encoding="utf-8")
        for level in range(1, LEVELS + 1):
            pay_min, pay_max = round(low * (1 + level / 10), 2), round(low * (1.2 + level / 10), 2)
            (home / f"fam{n}-level-{level}.yaml").write_text(
                f"extends: family.yaml\ntitle: {role.title}, Level {level}\n"
                f"compensation:\n  min: {pay_min:g}\n  max: {pay_max:g}\n",
                encoding="utf-8",
            )
            for team in range(1, TEAMS + 1):
                (home / f"fam{n}-level-{level}-team-{team}.yaml").write_text(
                    f"extends: fam{n}-level-{level}\ntitle: {role.title}, Level {level}, Team {team}\n"
                    "responsibilities:\n  primary:\n    add:\n"
                    f"      - Plan the work of team {team} with its product manager every quarter.\n",
                    encoding="utf-8",
                )
    return roles


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
        timeout=120,
    )
    return done.stdout


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue in a git repository with one commit."""
    folder = tmp_path_factory.mktemp("catalogue")
    build_catalogue(folder)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "catalogue")
    return folder


@pytest.fixture
def here(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(catalogue)
    return catalogue


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


ALL_IDS = sorted(i for n in range(FAMILIES) for i in family_ids(n))


def test_the_catalogue_has_200_roles_in_10_families(here: Path) -> None:
    assert len(ALL_IDS) == 200
    code, out, err = run("validate", "roles", "--format", "json")
    assert code == 0, out + err
    report = json.loads(out)
    assert report["summary"] == {"files": 211, "invalid": 0, "problems": 0}


def test_list_names_each_roles_family(here: Path) -> None:
    code, out, err = run("list", "roles", "--format", "json")
    assert code == 0, err
    rows = {row["id"]: row for row in json.loads(out)}
    assert sorted(i for i, row in rows.items() if not row["abstract"]) == ALL_IDS
    for n in range(FAMILIES):
        for role_id in family_ids(n):
            assert rows[role_id]["family"] == "family"
            assert Path(rows[role_id]["file"]).parent.name == f"fam{n}"
    assert rows["fam2-level-3-team-1"]["extends"] == ["fam2-level-3", "family"]


def test_export_writes_every_published_role_and_no_family_file(here: Path) -> None:
    code, _, err = run(
        "export", "roles", "-o", "out", "--what", "posting", "--md", "--date", DATE, "--format", "json"
    )
    assert code == 0, err
    assert sorted(p.name for p in (here / "out").iterdir()) == ALL_IDS
    posting = (here / "out" / "fam0-level-2-team-3" / "posting.md").read_text(encoding="utf-8")
    assert "Team 3" in posting
    assert "Plan the work of team 3 with its product manager every quarter." in posting
    shutil.rmtree(here / "out")


def test_lint_reads_every_role_with_what_it_inherits(here: Path) -> None:
    code, out, err = run("lint", "roles", "--no-kit", "--format", "json", "--fail-on", "none")
    assert code == 0, err
    report = json.loads(out)
    files = {Path(f["file"]).stem for f in report["files"]}
    assert set(ALL_IDS) <= files
    assert "family" in files
    rules = {f["rule"] for entry in report["files"] for f in entry["findings"]}
    assert "invalid-file" not in rules
    for entry in report["files"]:
        for finding in entry["findings"]:
            assert Path(finding["file"]).is_file(), finding


def test_a_family_change_changes_its_roles_postings_and_nothing_else(here: Path) -> None:
    family = here / "roles" / "fam3" / "family.yaml"
    before = family.read_text(encoding="utf-8")
    changed = re.sub(
        r"(?m)^(responsibilities:\n  primary:\n)",
        r"\1    - Keep the team's runbooks up to date after every incident.\n",
        before,
        count=1,
    )
    assert changed != before
    try:
        assert run("export", "roles", "-o", "before", "--what", "posting", "--md", "--date", DATE)[0] == 0
        family.write_text(changed, encoding="utf-8")
        assert run("export", "roles", "-o", "after", "--what", "posting", "--md", "--date", DATE)[0] == 0
        old = {p.relative_to(here / "before"): p.read_bytes() for p in (here / "before").rglob("*.md")}
        new = {p.relative_to(here / "after"): p.read_bytes() for p in (here / "after").rglob("*.md")}
        assert old.keys() == new.keys()
        differ = sorted(str(path.parent) for path in old if old[path] != new[path])
        assert differ == sorted(family_ids(3))
        for role_id in family_ids(3):
            assert b"Keep the team's runbooks up to date" in new[Path(role_id) / "posting.md"]

        code, out, err = run("diff", "git:HEAD:roles", "roles", "--no-kit", "--format", "json")
        assert code == 0, err
        report = json.loads(out)
        assert report["summary"] == {"changed": 20, "added": 0, "removed": 0, "unchanged": 180}
        assert sorted(r["role"] for r in report["roles"]) == sorted(family_ids(3))
        for role in report["roles"]:
            assert role["highlights"] == []
            assert role["posting"] == [
                {
                    "kind": "added",
                    "section": "What you'll do",
                    "old": None,
                    "new": "- Keep the team's runbooks up to date after every incident.",
                }
            ]
        assert run("diff", "git:HEAD:roles", "roles", "--no-kit", "--exit-code")[0] == 1
    finally:
        family.write_text(before, encoding="utf-8")
        for name in ("before", "after"):
            shutil.rmtree(here / name, ignore_errors=True)
    assert run("diff", "git:HEAD:roles", "roles", "--no-kit", "--exit-code")[0] == 0


def test_a_level_change_reaches_its_teams_only(here: Path) -> None:
    level = here / "roles" / "fam5" / "fam5-level-2.yaml"
    before = level.read_text(encoding="utf-8")
    try:
        level.write_text(
            re.sub(r"max: ([0-9.]+)", lambda m: f"max: {float(m.group(1)) + 1000:g}", before),
            encoding="utf-8",
        )
        code, out, err = run("diff", "git:HEAD:roles", "roles", "--no-kit", "--format", "json")
        assert code == 0, err
        report = json.loads(out)
        assert sorted(r["role"] for r in report["roles"]) == sorted(
            ["fam5-level-2", *(f"fam5-level-2-team-{t}" for t in range(1, TEAMS + 1))]
        )
        assert all(r["highlights"][0]["field"] == "Pay" for r in report["roles"])
    finally:
        level.write_text(before, encoding="utf-8")


def test_feeds_of_the_catalogue(here: Path) -> None:
    code, _, err = run("export", "roles", "--feed", "linkedin", "-o", "linkedin.xml", "--date", DATE)
    try:
        assert code == 0, err
        text = (here / "linkedin.xml").read_text(encoding="utf-8")
        assert text.count("<job>") == 200
        assert "<expectedJobCount><![CDATA[200]]></expectedJobCount>" in text
    finally:
        (here / "linkedin.xml").unlink(missing_ok=True)
