"""``-o`` onto a stream: ``/dev/stdout`` and ``/dev/fd/N`` on a pipe are written into, as ``>`` would."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

import pytest

from paths import ROOT

SEED = ROOT / "roles" / "mental-health-professional.yaml"


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_dev_stdout_on_a_pipe_is_written_into() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hirecli", "posting", str(SEED), "--format", "md", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Mental Health Professional")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_an_inherited_pipe_by_its_fd_path_is_written_into() -> None:
    read, write = os.pipe()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "hirecli",
                "posting",
                str(SEED),
                "--format",
                "md",
                "-o",
                f"/dev/fd/{write}",
            ],
            capture_output=True,
            text=True,
            check=False,
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            written = pipe.read()
    finally:
        for fd in (read, write):
            with contextlib.suppress(OSError):
                os.close(fd)
    assert done.returncode == 0, done.stderr
    assert written.startswith(b"# Mental Health Professional")
