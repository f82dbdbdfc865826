"""Peak memory of a whole process tree: a command, its worker processes and their helpers.

``ru_maxrss`` gives the largest single process; ``export --jobs 2`` runs a parent, two
workers and multiprocessing's resource tracker, and what a machine must hold is their sum at
the worst moment. A thread reads every process's resident set from ``/proc`` every 50 ms
while the command runs and keeps the largest sum (Linux only; elsewhere nothing is sampled).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
INTERVAL = 0.05
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


@dataclass
class TreePeak:
    """The largest sum of resident sets seen, and the largest parent and single other process."""

    total_kib: int = 0
    parent_kib: int = 0
    largest_child_kib: int = 0
    processes: int = 0
    """The most processes seen at once."""


def _parents() -> dict[int, int]:
    """Every process's parent, by process id."""
    found: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        # the command name is in brackets and may hold spaces: the fields follow the last ")"
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and fields[1].isdigit():
            found[int(entry.name)] = int(fields[1])
    return found


def tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def resident_kib(pid: int) -> int:
    """The resident set of ``pid`` in KiB, 0 once it is gone."""
    try:
        fields = (PROC / str(pid) / "statm").read_text(encoding="ascii").split()
    except OSError:
        return 0
    return int(fields[1]) * PAGE_KIB if len(fields) > 1 else 0


class Sampler:
    """Samples the tree under one process until stopped."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak = TreePeak()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        if PROC.is_dir():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def sample(self) -> None:
        sizes = {pid: resident_kib(pid) for pid in tree(self.root)}
        peak = self.peak
        peak.total_kib = max(peak.total_kib, sum(sizes.values()))
        peak.parent_kib = max(peak.parent_kib, sizes.get(self.root, 0))
        others = [size for pid, size in sizes.items() if pid != self.root]
        peak.largest_child_kib = max([peak.largest_child_kib, *others])
        peak.processes = max(peak.processes, sum(1 for size in sizes.values() if size))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(INTERVAL)
