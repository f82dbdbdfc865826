"""Timing whole processes: hyperfine when it is installed, else a loop of child processes.

Every command first runs once on its own, which checks its exit code, warms the
file cache and measures its peak memory: ``os.wait4`` gives the child's own
resource usage, whose ``ru_maxrss`` is the largest resident set of the child or of
any process it waited for (Linux reports it in KiB).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treemem import Sampler, TreePeak

HYPERFINE = "hyperfine"


@dataclass
class Result:
    """One command's timings in seconds, its peak memory in KiB and what went wrong, if anything."""

    name: str
    shown: str
    times: list[float] = field(default_factory=list)
    rss_kib: int | None = None
    cpu: float | None = None
    """Mean CPU seconds (user + system) per run, the figure least disturbed by other load."""
    error: str | None = None
    tool: str = ""
    tree: dict[str, int] | None = None
    """Peak memory of the whole process tree in KiB (total, parent, largest_child) and the most
    processes at once, from the first run, when it was sampled (:mod:`treemem`)."""

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def low(self) -> float:
        return min(self.times)

    @property
    def high(self) -> float:
        return max(self.times)

    @property
    def rss_mb(self) -> float | None:
        return None if self.rss_kib is None else self.rss_kib / 1024

    def joined(self, other: Result) -> Result:
        """This result and ``other`` (more runs of the same command) as one."""
        if not self.ok:
            return self
        if not other.ok:
            return other
        cpu = None
        if self.cpu is not None and other.cpu is not None:
            cpu = (self.cpu * len(self.times) + other.cpu * len(other.times)) / (
                len(self.times) + len(other.times)
            )
        rss = max(self.rss_kib or 0, other.rss_kib or 0) or None
        tree = self.tree or other.tree
        return Result(self.name, self.shown, [*self.times, *other.times], rss, cpu, None, self.tool, tree)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "command": self.shown,
            "times": self.times,
            "rss_kib": self.rss_kib,
            "cpu": self.cpu,
            "error": self.error,
            "tool": self.tool,
            "tree": self.tree,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        return cls(
            data["name"],
            data["command"],
            list(data["times"]),
            data["rss_kib"],
            data["cpu"],
            data["error"],
            data["tool"],
            data.get("tree"),
        )


@dataclass(frozen=True)
class Once:
    """One run of one process."""

    code: int
    seconds: float
    cpu: float
    rss_kib: int
    stderr_tail: str
    tree: TreePeak | None = None

    def error(self) -> str:
        last = [line for line in self.stderr_tail.strip().splitlines() if line.strip()]
        return f"exit {self.code}: {last[-1] if last else 'no message'}"


@dataclass(frozen=True)
class Runner:
    """How commands are run: where, with which environment, and with which tool."""

    cwd: Path
    env: Mapping[str, str]
    use_hyperfine: bool = True

    @property
    def hyperfine(self) -> str | None:
        return shutil.which(HYPERFINE) if self.use_hyperfine else None

    def once(
        self, argv: Sequence[str], *, stdout_file: Path | None = None, sample_tree: bool = False
    ) -> Once:
        """Run ``argv`` once: exit code, seconds, CPU seconds, peak RSS in KiB, the end of its stderr,
        and with ``sample_tree`` the peak memory of its whole process tree."""
        with tempfile.TemporaryFile() as err, open(stdout_file or os.devnull, "wb") as out:
            start = time.perf_counter()
            child = subprocess.Popen(
                list(argv), cwd=self.cwd, env=dict(self.env), stdout=out, stderr=err, stdin=subprocess.DEVNULL
            )
            if sample_tree:
                with Sampler(child.pid) as sampler:
                    _, status, usage = os.wait4(child.pid, 0)
                tree: TreePeak | None = sampler.peak
            else:
                _, status, usage = os.wait4(child.pid, 0)
                tree = None
            seconds = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            tail = err.read()[-2000:].decode("utf-8", "replace")
        cpu = usage.ru_utime + usage.ru_stime
        return Once(child.returncode, seconds, cpu, int(usage.ru_maxrss), tail, tree)

    def measure(
        self,
        name: str,
        argv: Sequence[str],
        shown: str,
        *,
        runs: int,
        warmup: int = 0,
        ok_codes: Sequence[int] = (0,),
        sample_tree: bool = False,
    ) -> Result:
        """Time ``argv`` ``runs`` times; the first run checks that it works and measures peak memory
        (with ``sample_tree``, of the whole process tree too).

        With ``warmup`` the first run is a warm-up run and not timed; without it (long
        batches) the first run counts as the first timed run.
        """
        result = Result(name, shown)
        first = self.once(argv, sample_tree=sample_tree)
        if first.code not in ok_codes:
            result.error = first.error()
            return result
        result.rss_kib = first.rss_kib
        if first.tree is not None:
            result.tree = {
                "total": first.tree.total_kib,
                "parent": first.tree.parent_kib,
                "largest_child": first.tree.largest_child_kib,
                "processes": first.tree.processes,
            }
        cpu = []
        if not warmup:
            result.times.append(first.seconds)
            cpu.append(first.cpu)
            runs -= 1
        tool = self.hyperfine
        if tool and runs > 0:
            try:
                times, mean_cpu = self._hyperfine(
                    tool, argv, runs=runs, warmup=max(0, warmup - 1), ignore_failure=tuple(ok_codes) != (0,)
                )
            except subprocess.CalledProcessError as exc:
                result.error = f"hyperfine failed: {exc.stderr.decode('utf-8', 'replace').strip()[-300:]}"
                return result
            result.cpu = statistics.fmean([*cpu, *[mean_cpu] * len(times)])
            result.times += times
            result.tool = "hyperfine"
            return result
        for _ in range(max(0, warmup - 1)):
            self.once(argv)
        for _ in range(runs):
            run = self.once(argv)
            if run.code not in ok_codes:
                result.error = run.error()
                return result
            result.times.append(run.seconds)
            cpu.append(run.cpu)
            result.rss_kib = max(result.rss_kib or 0, run.rss_kib)
        result.cpu = statistics.fmean(cpu) if cpu else None
        result.tool = "loop"
        return result

    def _hyperfine(
        self, tool: str, argv: Sequence[str], *, runs: int, warmup: int, ignore_failure: bool
    ) -> tuple[list[float], float]:
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "hyperfine.json"
            command = [
                tool,
                "--shell=none",
                "--style",
                "none",
                "--runs",
                str(max(1, runs)),
                "--warmup",
                str(warmup),
                "--export-json",
                str(report),
            ]
            if ignore_failure:
                command.append("--ignore-failure")
            command += ["--", shlex.join(argv)]
            subprocess.run(
                command,
                cwd=self.cwd,
                env=dict(self.env),
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            data = json.loads(report.read_text(encoding="utf-8"))["results"][0]
        return [float(t) for t in data["times"]], float(data["user"]) + float(data["system"])

    def loop(self, name: str, commands: Sequence[Sequence[str]], shown: str, *, runs: int) -> Result:
        """Time a sequence of processes run one after another, as a script would: total seconds per round."""
        result = Result(name, shown, tool="loop")
        cpu = []
        for _ in range(max(1, runs)):
            start = time.perf_counter()
            used = 0.0
            for argv in commands:
                run = self.once(argv)
                result.rss_kib = max(result.rss_kib or 0, run.rss_kib)
                used += run.cpu
                if run.code != 0:
                    result.error = run.error()
                    return result
            result.times.append(time.perf_counter() - start)
            cpu.append(used)
        result.cpu = statistics.fmean(cpu)
        return result
