"""What the benchmark ran on: processor, memory, system, and the versions of everything measured."""

from __future__ import annotations

import multiprocessing
import os
import platform
import shutil
import subprocess
import time
from importlib import metadata
from pathlib import Path

PACKAGES = ("hirecli", "typer", "rich", "pydantic", "python-docx", "PyYAML", "Babel", "Jinja2")


def _first_line(argv: list[str]) -> str | None:
    if not shutil.which(argv[0]):
        return None
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.strip().splitlines()
    return lines[0] if lines else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1024**3:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        return "unknown"


def _system() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip().strip(chr(34))} (kernel {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _source() -> str:
    """The commit of the hirecli being measured, and whether its source differs from it."""
    import importlib.util

    spec = importlib.util.find_spec("hirecli")
    if spec is None or spec.origin is None:
        return "unknown"
    folder = Path(spec.origin).parent
    commit = _first_line(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"])
    if not commit:
        return "installed package (not a git checkout)"
    changed = _first_line(["git", "-C", str(folder), "status", "--porcelain", "--", "."])
    return f"commit {commit}" + (" with uncommitted changes" if changed else "")


def describe() -> dict[str, str]:
    """The machine and software, as label -> value, in the order BENCHMARKS.md shows them."""
    cores = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    info = {
        "CPU": _cpu_model(),
        "Cores": f"{usable} usable of {cores}",
        "Memory": _memory(),
        "System": _system(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
    }
    info["hirecli source"] = _source()
    info.update({package: _version(package) for package in PACKAGES})
    for tool in ("pandoc", "hyperfine"):
        info[tool] = (_first_line([tool, "--version"]) or "not installed").removeprefix(tool + " ")
    return info


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _burn(loops: int) -> int:
    total = 0
    for i in range(loops):
        total += i * i
    return total


def parallel_speedup(loops: int = 8_000_000) -> float:
    """How much faster two busy processes finish two equal tasks than one process does.

    About 2.0 when two cores are free; near 1.0 when other work holds the machine, in
    which case no ``--jobs`` figure measured at the same time means much.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])
        start = time.perf_counter()
        pool.map(_burn, [loops], chunksize=1)
        pool.map(_burn, [loops], chunksize=1)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        pool.map(_burn, [loops, loops], chunksize=1)
        parallel = time.perf_counter() - start
    return serial / parallel


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"
