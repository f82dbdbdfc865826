"""Real processes and unlucky streams: stopped by a signal, closed or full stdout, odd terminals.

SIGTERM and SIGHUP in the middle of an export clean up exactly as Ctrl-C does: every
file old or whole, no temporary file, no worker process left, exit code 130. A closed
stdout (``>&-``) or a reader that stops early (``| head -1``, after ``--help`` or
``list`` too) ends quietly with exit code 0; a full disk (``> /dev/full``) is one clear
line and exit code 2. ``COLUMNS=0`` or nonsense widths still print.
"""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paths import ROLES, ROOT
from test_hostile_support import HIRECLI, env

sys.path.insert(0, str(ROOT / "bench"))

from generate_roles import write_roles

NURSE = ROLES / "registered-nurse.yaml"
OLD = b"old content, to be kept or replaced whole\n"


def _children(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux's /proc), to check none outlives an export."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = {int(n) for n in task.read_text().split()}
            except OSError:
                continue
            todo += sorted(kids - found)
            found |= kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def many_roles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signal-roles") / "roles"
    write_roles(300, folder, seed=7)
    return folder


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_in_the_middle_of_an_export_cleans_up_as_ctrl_c_does(
    many_roles: Path, tmp_path: Path, jobs: str, signame: str
) -> None:
    out = tmp_path / "out"
    old: dict[Path, bytes] = {}
    for role in sorted(many_roles.glob("*.yaml")):
        for name in ("posting.md", "posting.docx"):
            path = out / role.stem / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(OLD)
            old[path] = OLD
    child = subprocess.Popen(
        [
            *HIRECLI,
            "export",
            str(many_roles),
            "--md",
            "--docx",
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
        env=env(),
        start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None:
        workers |= _children(child.pid)
        if sum(1 for path in old if path.stat().st_size != len(OLD)) >= 6:
            break
        time.sleep(0.02)
    assert child.poll() is None, "the export ended before it could be stopped; give it more roles"
    workers |= _children(child.pid)
    child.send_signal(getattr(signal, signame))  # to the parent alone, as a service manager does
    _, stderr = child.communicate(timeout=60)
    message = stderr.decode("utf-8", "replace")
    assert child.returncode == 130, message
    assert "Traceback" not in message
    assert list(out.rglob(".hirecli-*")) == []
    time.sleep(0.5)
    assert [pid for pid in workers if _alive(pid)] == [], "worker processes outlived the export"
    for path, content in old.items():
        data = path.read_bytes()
        whole = data.startswith(b"PK") if path.suffix == ".docx" else data.startswith(b"# ")
        assert data == content or whole, path


def _shell(script: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = env()
    environment.update(extra or {})
    return subprocess.run(
        ["/bin/bash", "-c", script], capture_output=True, env=environment, timeout=300, check=False
    )


HIRE = " ".join(HIRECLI)


@pytest.mark.parametrize(
    "command",
    [
        f"posting {NURSE} --date 2026-03-02",
        "--help",
        "posting --help",
        f"list {ROLES}",
        f"validate {ROLES}",
        f"lint {NURSE}",
        "schema",
        f"scorecard {NURSE} --format md",
    ],
)
def test_a_closed_stdout_ends_quietly(command: str) -> None:
    done = _shell(f"{HIRE} {command} >&-")
    assert done.returncode in (0, 1), done.stderr
    if not command.startswith(("lint", "validate")):
        assert done.returncode == 0
    assert b"Traceback" not in done.stderr
    assert b"internal error" not in done.stderr
    assert b"Exception ignored" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "command",
    [
        f"posting {NURSE} --date 2026-03-02",
        f"posting {NURSE} --format jsonld --date 2026-03-02",
        f"list {ROLES} --format json",
        "schema",
        f"scorecard {NURSE} --format md",
        f"lint {NURSE} --format json",
    ],
)
def test_a_full_disk_on_stdout_is_one_clear_error(command: str) -> None:
    done = _shell(f"{HIRE} {command} > /dev/full")
    message = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, message
    assert "No space left on device" in message
    assert len(message.strip().splitlines()) == 1, message
    assert "Traceback" not in message
    assert "Exception ignored" not in message


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("head-roles") / "roles"
    write_roles(1500, folder, seed=3)
    return folder


@pytest.mark.parametrize(
    "command",
    [
        "--help",
        "posting --help",
        "export --help",
        "list {big}",
        "list {big} --format json",
        "validate {big}",
        f"posting {NURSE} --format html --date 2026-03-02",
    ],
)
def test_a_reader_that_stops_after_one_line_ends_quietly(big_folder: Path, command: str) -> None:
    done = _shell(f"set -o pipefail; {HIRE} {command.format(big=big_folder)} | head -1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(b"\n")
    assert done.stdout.count(b"\n") == 1
    assert done.stderr == b""


def _pty(args: list[str], extra: dict[str, str]) -> tuple[int, str]:
    leader, follower = pty.openpty()
    environment = env()
    environment.update(extra)
    try:
        child = subprocess.Popen(
            [*HIRECLI, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=environment
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return child.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(leader)


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "1", "99999999999999999999", ""])
def test_odd_terminal_widths_still_print(columns: str) -> None:
    for args, expected in (
        (["list", str(ROLES)], "Roles"),
        (["posting", str(NURSE), "--date", "2026-03-02"], "Registered Nurse"),
        (["--help"], "posting"),
    ):
        code, output = _pty(args, {"COLUMNS": columns, "TERM": "xterm-256color", "PAGER": ""})
        assert code == 0, output[-1000:]
        assert expected in output.replace("\r\n", "\n").replace("…", ""), output[-2000:]
        assert "Traceback" not in output
