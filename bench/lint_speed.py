"""How fast ``hirecli lint`` is: one posting as a whole process, and many postings in one.

Run: python bench/lint_speed.py [--runs 7] [--count 1000]

Prints the median wall time of whole ``hirecli lint`` processes (start-up, imports,
data files and the checks) for a text posting and for a role file, then the time to
lint ``--count`` postings in one process, cycling through the labelled corpus.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "lint_corpus"
ROLE = ROOT / "roles" / "mental-health-professional.yaml"
POSTING = CORPUS / "clean-pharmacy-technician.md"


def whole_process(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``hirecli lint ARGS`` run as a fresh process.

    CPU time (user + system, from the child's resource usage) hardly changes when the
    machine is busy; wall time does.
    """
    command = [sys.executable, "-m", "hirecli", "lint", *args, "--format", "text", "--fail-on", "none"]
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def in_one_process(count: int) -> tuple[float, float, float, int]:
    """The first posting's seconds (data files loaded), then wall and CPU seconds for ``count``."""
    from hirecli.lint.engine import lint_posting, read_posting

    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".html"))
    sources = [(p.read_bytes(), p.name, p.suffix) for p in files]
    start = time.perf_counter()
    data, name, suffix = sources[0]
    lint_posting(read_posting(data, name, suffix))
    first = time.perf_counter() - start
    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for index in range(count):
        data, name, suffix = sources[index % len(sources)]
        found += len(lint_posting(read_posting(data, name, suffix)).findings)
    return first, time.perf_counter() - start, time.process_time() - cpu, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="processes per measurement (median)")
    parser.add_argument("--count", type=int, default=1000, help="postings linted in one process")
    options = parser.parse_args()
    rows = [
        ("one posting (.md)", whole_process([str(POSTING)], options.runs)),
        ("seed role file, --no-kit", whole_process([str(ROLE), "--no-kit"], options.runs)),
        ("seed role file with its interview kit", whole_process([str(ROLE)], options.runs)),
    ]
    first, wall, cpu, found = in_one_process(options.count)
    print(f"{'whole hirecli lint process':45} {'wall':>9} {'cpu':>9}")
    for label, (seconds, cpu_seconds) in rows:
        print(f"  {label:43} {seconds * 1000:6.0f} ms {cpu_seconds * 1000:6.0f} ms")
    print(f"{'first posting in a process (data loaded)':45} {first * 1000:6.1f} ms")
    print(
        f"{f'{options.count:,} postings in one process':45} {wall:6.2f} s  {cpu:6.2f} s "
        f"({cpu / options.count * 1000:.2f} ms CPU each, {found:,} findings)"
    )


if __name__ == "__main__":
    main()
