"""The memory tests' launcher counts the command's memory, not the memory of the test that starts it."""

from __future__ import annotations

import os
import subprocess
import sys

from peak_child import Launch

BIG = 200 * 1024 * 1024


def test_a_command_started_from_a_big_process_reports_its_own_peak() -> None:
    ballast = bytearray(os.urandom(1024)) * (BIG // 1024)
    plain = subprocess.Popen([sys.executable, "-c", "pass"])
    _, _, usage = os.wait4(plain.pid, 0)
    assert usage.ru_maxrss / 1024 > BIG / 1024 / 1024, "the kernel no longer carries the parent's memory"
    measured = Launch([sys.executable, "-c", "pass"], 1024**3).wait()
    assert len(ballast) == BIG
    assert measured.code == 0
    assert 0 < measured.peak_mb < 60, measured


def test_the_limit_the_exit_code_and_the_peak_are_the_commands() -> None:
    grow = "import sys; b = bytearray(150 * 1024 * 1024); sys.exit(3)"
    assert Launch([sys.executable, "-c", grow], 1024**3).wait().code == 3
    assert Launch([sys.executable, "-c", grow], 1024**3).wait().peak_mb > 150
    assert Launch([sys.executable, "-c", grow], 100 * 1024**2).wait().code == 1


def test_a_killed_command_reports_its_signal() -> None:
    child = Launch([sys.executable, "-c", "import time; time.sleep(60)"], 1024**3)
    child.kill()
    assert child.wait().code < 0
