"""validate, list, new and schema on awkward folders, names and titles.

Folders hold what real ones do: symlink loops, broken links, a folder named like a
role file, empty files, names in other scripts or not valid UTF-8. A title given to
``hirecli new`` in any script must give a file that validates and keeps that title.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from hirecli.model.loader import load_role_file
from paths import ROLES
from test_robustness_support import available, line, run


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    roles = tmp_path / "roles"
    (roles / "sub").mkdir(parents=True)
    shutil.copyfile(ROLES / "warehouse-associate.yaml", roles / "warehouse-associate.yaml")
    text = (ROLES / "registered-nurse.yaml").read_text(encoding="utf-8")
    other = text.replace("id: registered-nurse", "id: nurse-two")
    (roles / "sub" / "ünï cødé 招聘 مرحبا.yaml").write_text(other, encoding="utf-8")
    (roles / "sub" / "loop").symlink_to("..")
    (roles / "broken.yaml").symlink_to("nowhere.yaml")
    (roles / "folder.yaml").mkdir()
    (roles / "empty.yaml").write_bytes(b"")
    (roles / "-.yaml").write_text(text.replace("id: registered-nurse", "id: dash"), encoding="utf-8")
    return roles


def test_awkward_folders_are_read_without_surprises(awkward: Path, tmp_path: Path) -> None:
    checked = run(["validate", str(awkward), "--format", "json"])
    assert checked.exit_code == 1
    report = json.loads(checked.stdout)
    invalid = [f["file"] for f in report["files"] if not f["valid"]]
    assert [Path(f).name for f in invalid] == ["empty.yaml"]
    assert report["summary"]["files"] == 4
    listed = run(["list", str(awkward), "--format", "json"])
    assert listed.exit_code == 1
    assert len(json.loads(listed.stdout)) == 3
    exported = run(["export", str(awkward), "--md", "-o", str(tmp_path / "out")])
    assert exported.exit_code == 1
    assert len(list((tmp_path / "out").glob("*/posting.md"))) == 3
    if available("lint"):
        assert run(["lint", str(awkward), "--format", "json"]).exit_code in (1, 2)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
@pytest.mark.parametrize(
    "command",
    [["validate", "--format", "json"], ["list", "--format", "json"], ["lint", "--format", "json"], ["lint"]],
)
def test_a_file_name_that_is_not_utf8(tmp_path: Path, command: list[str]) -> None:
    if not available(command[0]):
        pytest.skip(f"{command[0]} is not in this version yet")
    (tmp_path / os.fsdecode(b"bad\xffname.yaml")).write_text("title: Odd Name\n", encoding="utf-8")
    result = run([command[0], str(tmp_path), *command[1:]])
    assert result.exit_code in (0, 1)
    assert "name.yaml" in result.stdout


def test_missing_paths_are_usage_errors(tmp_path: Path) -> None:
    for args in (
        ["validate", str(tmp_path / "nope.yaml")],
        ["list", str(tmp_path / "nope")],
        ["posting", str(tmp_path / "nope.yaml")],
        ["export", str(tmp_path / "nope"), "-o", str(tmp_path / "out")],
    ):
        result = run(args)
        assert result.exit_code == 2, args
        assert "nope" in result.stderr


def _new_role(tmp_path: Path, title: str) -> tuple[int, Path]:
    target = tmp_path / "new.yaml"
    result = run(["new", "-o", str(target), "--force", "--", title])
    return result.exit_code, target


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line.filter(lambda s: all(ord(ch) < 0x10000 for ch in s)))
def test_new_gives_a_valid_file_for_any_title(tmp_path: Path, title: str) -> None:
    code, target = _new_role(tmp_path, title)
    assert code == 0
    assert run(["validate", str(target)]).exit_code == 0
    assert load_role_file(target).model.title == title.strip()


@pytest.mark.parametrize("title", ["Data Analyst 🚀", "Nurse 👩‍⚕️", "𝐁𝐨𝐥𝐝 Engineer"])
def test_new_keeps_characters_beyond_the_basic_plane(tmp_path: Path, title: str) -> None:
    code, target = _new_role(tmp_path, title)
    assert code == 0
    assert run(["validate", str(target)]).exit_code == 0
    assert load_role_file(target).model.title == title


def test_new_and_schema_never_replace_a_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "kept.yaml"
    target.write_text("mine\n", encoding="utf-8")
    for args in (["new", "Nurse", "-o", str(target)], ["schema", "-o", str(target)]):
        result = run(args)
        assert result.exit_code == 2
        assert "--force" in result.stderr
        assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions apply to")
def test_a_read_only_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        for args in (
            ["new", "Nurse", "-o", str(folder / "n.yaml")],
            ["schema", "-o", str(folder / "s.json")],
        ):
            result = run(args)
            assert result.exit_code == 2
            assert "cannot write" in result.stderr
    finally:
        folder.chmod(0o700)


def test_an_output_path_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    for args in (
        ["new", "Nurse", "-o", str(tmp_path), "--force"],
        ["schema", "-o", str(tmp_path), "--force"],
        ["posting", str(ROLES / "registered-nurse.yaml"), "-o", str(tmp_path), "--force"],
    ):
        result = run(args)
        assert result.exit_code == 2, args
    assert list(tmp_path.iterdir()) == []


def test_schema_is_json_for_both_kinds() -> None:
    for kind in ("role", "company"):
        result = run(["schema", "--kind", kind])
        assert result.exit_code == 0
        assert json.loads(result.stdout)["$schema"].startswith("http://json-schema.org/draft-07")
