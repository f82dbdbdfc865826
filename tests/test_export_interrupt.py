"""Ctrl-C in the middle of a batch: every file is whole (old or new), no temp file is left,
and the exit code is 130. Run as a real process, interrupted with a real SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.fileio import TEMP_PREFIX
from test_export import copy_roles, export, tree

OLD, NEW = "2025-01-01", "2025-02-02"
ROLE_COUNT = 300


def _inodes(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a child process")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_export_leaves_whole_files(runner: CliRunner, tmp_path: Path, jobs: str) -> None:
    roles, out = tmp_path / "roles", tmp_path / "out"
    copy_roles(roles, ROLE_COUNT)
    args = ["--what", "posting", "--docx", "--md"]
    assert export(runner, roles, "-o", out, "--date", OLD, *args).exit_code == 0
    old_files = tree(out)
    old_inodes = _inodes(out)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hirecli",
            "export",
            str(roles),
            "-o",
            str(out),
            "--date",
            NEW,
            "--force",
            "--jobs",
            jobs,
            *args,
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if any(p.stat().st_ino != ino for p, ino in old_inodes.items()):
                break
            time.sleep(0.01)
        assert child.poll() is None, "the export ended before it could be interrupted"
        time.sleep(0.1)
        child.send_signal(signal.SIGINT)
        _, stderr = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert not [p for p in out.rglob("*") if p.name.startswith(TEMP_PREFIX)]

    now = tree(out)
    assert set(now) == set(old_files)
    replaced = sorted({name.split("/")[0] for name in now if now[name] != old_files[name]})
    kept = [name for name in now if now[name] == old_files[name]]
    assert replaced, "no file was replaced before the interrupt"
    assert kept, "every file was replaced: the interrupt came too late to test anything"
    fresh = tmp_path / "fresh"
    assert (
        export(
            runner, *(roles / f"{role_id}.yaml" for role_id in replaced), "-o", fresh, "--date", NEW, *args
        ).exit_code
        == 0
    )
    expected = tree(fresh)
    for name, data in now.items():
        assert data in (old_files[name], expected.get(name)), f"{name} is neither the old nor the new file"
