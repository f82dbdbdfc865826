"""Real processes: Ctrl-C in the middle of a batch export, and a reader that stops early (``| head``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from paths import ROLES, ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate_roles import write_roles

HIRECLI = [sys.executable, "-m", "hirecli"]
OLD = b"old content, to be kept or replaced whole\n"
NEW_FILES = ("posting.md", "posting.docx", "posting.json")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "HIRECLI_TRACEBACK")}


def _big_role(folder: Path, duties: int) -> Path:
    """A valid role with ``duties`` responsibilities (far more than a pipe buffer holds once rendered)."""
    lines = ["id: big-role", "title: Field Service Technician", "responsibilities:", "  primary:"]
    lines += [
        f"    - Inspect and repair unit {n} of the northern wind farm, and log what you find."
        for n in range(duties)
    ]
    lines += ["skills:", "  hard: [Wind Turbine Maintenance, Lockout/Tagout]", "  soft: [Dependability]"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "big-role.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _old_outputs(roles: list[Path], out: Path) -> dict[Path, bytes]:
    """Stand-ins for the files a previous export wrote."""
    old = {}
    for role in roles:
        for name in NEW_FILES:
            path = out / role.stem / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(OLD)
            old[path] = OLD
    return old


def _complete(path: Path) -> bool:
    """A file the export finished: an intact zip, JSON that parses, Markdown with its heading."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as docx:
            return docx.testzip() is None and "word/document.xml" in docx.namelist()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return bool(json.loads(text))
    return text.startswith("# ") and text.endswith("\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_the_middle_of_a_batch_leaves_every_file_whole(tmp_path: Path, jobs: str) -> None:
    roles = write_roles(400, tmp_path / "roles", seed=11)
    out = tmp_path / "out"
    old = _old_outputs(roles, out)
    started = time.time()
    child = subprocess.Popen(
        [
            *HIRECLI,
            "export",
            str(tmp_path / "roles"),
            "--md",
            "--docx",
            "--json",
            "--what",
            "posting",
            "-o",
            str(out),
            "--force",
            "--jobs",
            jobs,
            "--date",
            "2026-03-02",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        start_new_session=True,
    )
    deadline = started + 120
    replaced = 0
    while time.time() < deadline and child.poll() is None:
        replaced = sum(1 for path in old if path.stat().st_size != len(OLD))
        if replaced >= 6:
            break
        time.sleep(0.05)
    assert child.poll() is None, "the export ended before it could be interrupted; give it more roles"
    os.killpg(child.pid, signal.SIGINT)
    stdout, stderr = child.communicate(timeout=60)
    message = stderr.decode("utf-8", "replace")
    assert child.returncode == 130, message
    assert "Traceback" not in message
    assert "KeyboardInterrupt" not in message
    leftovers = [p.name for p in out.rglob(".hirecli-*")]
    assert leftovers == []
    kept = written = 0
    for path, content in old.items():
        data = path.read_bytes()
        if data == content:
            kept += 1
        else:
            assert _complete(path), f"{path.relative_to(out)} is neither the old file nor a whole new one"
            written += 1
    assert written >= 6
    assert kept > 0, "nothing was left to interrupt"
    assert stdout == b"" or b"Traceback" not in stdout


def _stop_reading_early(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Read one line of the output, close the pipe (as ``| head -1`` does) and collect the rest."""
    child = subprocess.Popen([*HIRECLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert child.stdout is not None
    assert child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    stderr = child.stderr.read()
    child.wait(timeout=120)
    return subprocess.CompletedProcess(args, child.returncode, first, stderr)


@pytest.mark.parametrize("command", [["posting"], ["posting", "--format", "html"], ["interview-kit"]])
def test_a_reader_that_stops_early_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    role = _big_role(tmp_path, 3000)
    done = _stop_reading_early([command[0], str(role), *command[1:]])
    message = done.stderr.decode("utf-8", "replace")
    assert done.stdout.strip(), "nothing was written before the pipe closed"
    assert done.returncode == 0, message
    assert "Traceback" not in message
    assert "Exception ignored" not in message
    assert "Broken pipe" not in message


def _shell(script: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["/bin/sh", "-c", script], capture_output=True, env=_env(), timeout=120, check=False
    )


def test_a_shell_pipe_into_head(tmp_path: Path) -> None:
    role = _big_role(tmp_path, 3000)
    done = _shell(f"{' '.join(HIRECLI)} posting {role} --company {ROLES / 'company.yaml'} | head -1")
    assert done.returncode == 0
    assert done.stdout == b"# Field Service Technician\n"
    assert done.stderr == b""


def test_a_small_posting_into_head_from_the_seed_role() -> None:
    done = _shell(f"{' '.join(HIRECLI)} posting {ROLES / 'mental-health-professional.yaml'} | head -1")
    assert done.stdout == b"# Mental Health Professional\n"
    assert done.stderr == b""
