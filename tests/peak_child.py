"""Run a command under a memory limit and report its own peak resident memory.

Linux carries a process's memory from before its exec into the peak its parent reads with
``wait4``: a command forked from a pytest worker of 250 MB reports at least 250 MB, whatever it
used itself. This small process stands between the two: the worker starts it, it starts the
command and writes the command's exit code and peak to a report file.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple


class Measured(NamedTuple):
    code: int
    peak_mb: float


class Launch:
    """The command started through this module; ``wait`` gives its code and peak."""

    def __init__(self, command: Sequence[str], limit: int, **popen: Any) -> None:
        self._folder = tempfile.TemporaryDirectory()
        self._report = Path(self._folder.name) / "report"
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(limit), str(self._report), *command],
            start_new_session=True,
            **popen,
        )

    def kill(self) -> None:
        """Stop the command and this module's process with it (they share a process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def wait(self) -> Measured:
        self.process.wait()
        try:
            code, peak_kb = self._report.read_text(encoding="ascii").split()
        except FileNotFoundError:
            return Measured(self.process.returncode, 0.0)
        finally:
            self._folder.cleanup()
        return Measured(int(code), int(peak_kb) / 1024)


def main(argv: Sequence[str]) -> int:
    limit, report, *command = argv

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))

    child = subprocess.Popen(command, preexec_fn=limited)
    _, status, usage = os.wait4(child.pid, 0)
    Path(report).write_text(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}\n", encoding="ascii")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
