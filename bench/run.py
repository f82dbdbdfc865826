"""Measure hirecli on this machine and write BENCHMARKS.md.

Start-up next to a bare Typer app, single roles, batches in one process at several
sizes and with one and two worker processes, linear scaling, peak memory (of the largest
process, and of every process an export starts, sampled from /proc), lint of role files next
to lint of their postings, and pandoc making Word files one process per document, as a script
without hirecli would.
Budgets are ratios measured in the same run. The full run takes a while (the
10,000-role batch alone runs for many minutes); --quick checks that everything works.
bench/notes.md, when present, closes the report (causes found and fixes).

--startup measures only start-up (``--help`` and a Markdown posting next to the hello-world,
and what they import), which takes a minute. --memory measures only the memory of every process
of a full export at each size, with --jobs 1 and 2 (one run each); --merge RAW takes such a
run's figures into the report, so that a long memory run can be made apart from the timings.

Usage: python bench/run.py [--quick] [--startup] [--sizes 100,1000,10000] [--repeat N] [--output FILE]
       python bench/run.py --render RAW [--output FILE]
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import machine
import scenarios
from budgets import budgets
from measure import Runner
from record import BATCH_LIMIT, Record, Settings
from report import render

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_ROLE = ROOT / "roles" / "mental-health-professional.yaml"
NOTES = HERE / "notes.md"
CLEARED_ENV = ("NO_COLOR", "FORCE_COLOR", "HIRECLI_TRACEBACK", "PYTHONDONTWRITEBYTECODE")
"""Left out of the children's environment: colour settings, and the switch that would make
every start-up compile hirecli from source (bytecode is written during the warm-up run)."""


def parse_args(argv: Sequence[str] | None) -> tuple[Settings, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a check that everything runs: 5 roles, 1 run, no large batch"
    )
    parser.add_argument(
        "--startup", action="store_true", help="only start-up: --help and a posting next to the hello-world"
    )
    parser.add_argument(
        "--memory", action="store_true", help="only the memory of exports, every process, --jobs 1 and 2"
    )
    parser.add_argument(
        "--memory-jobs", default="1,2", help="with --memory: the --jobs values, comma-separated (default 1,2)"
    )
    parser.add_argument(
        "--merge",
        type=Path,
        action="append",
        metavar="RAW",
        help="add a --memory run's figures (its --raw file); may be repeated",
    )
    parser.add_argument("--sizes", help="batch sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, help="runs per batch (default 3)")
    parser.add_argument("--startup-runs", type=int, help="runs per single command (default 20)")
    parser.add_argument(
        "--big-repeat", type=int, help=f"runs per batch above {BATCH_LIMIT:,} roles (default 1)"
    )
    parser.add_argument("--pandoc-docs", type=int, help="documents for pandoc (default 30)")
    parser.add_argument("--no-hyperfine", action="store_true", help="time with a loop of child processes")
    parser.add_argument("--no-pandoc", action="store_true", help="leave pandoc out")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="the report to write")
    parser.add_argument("--raw", type=Path, help="also keep everything measured as JSON in this file")
    parser.add_argument(
        "--render", type=Path, metavar="RAW", help="write the report from a --raw file instead of measuring"
    )
    parser.add_argument("--keep", action="store_true", help="keep the working folder (its path is printed)")
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = [int(x) for x in (args.sizes or ("5" if quick else "100,1000,10000")).split(",") if x.strip()]
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs positive numbers")
    settings = Settings(
        sizes=sorted(set(sizes)),
        repeat=max(1, args.repeat or (1 if quick else 3)),
        startup_runs=max(1, args.startup_runs or (2 if quick else 20)),
        big_repeat=max(1, args.big_repeat or 1),
        pandoc_docs=max(1, args.pandoc_docs or (3 if quick else 30)),
        warmup=1 if quick else 3,
        use_hyperfine=not args.no_hyperfine,
        use_pandoc=not args.no_pandoc,
        quick=quick,
        startup_only=args.startup,
        memory_only=args.memory,
        memory_jobs=[int(x) for x in args.memory_jobs.split(",") if x.strip()],
    )
    return settings, args


def _settings_argv(argv: Sequence[str]) -> list[str]:
    """The options that decide what is measured, without where the results go."""
    shown: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--output", "--raw"):
            skip = True
        elif arg != "--keep" and not arg.startswith(("--output=", "--raw=")):
            shown.append(arg)
    return shown


def measure(settings: Settings, argv: Sequence[str], keep: bool) -> tuple[Record, list[str]]:
    """Run every scenario in a scratch folder; the record and the failures, if any."""
    record = Record(settings, command=" ".join(["python bench/run.py", *_settings_argv(argv)]))
    work = Path(tempfile.mkdtemp(prefix="hirecli-bench-"))
    try:
        folders = {} if settings.startup_only else scenarios.prepare_roles(work, settings.sizes)
        (work / "one").mkdir()
        for source in (SEED_ROLE, SEED_ROLE.parent / "company.yaml"):
            shutil.copyfile(source, work / "one" / source.name)
        role = f"one/{SEED_ROLE.name}"
        env = {key: value for key, value in os.environ.items() if key not in CLEARED_ENV}
        runner = Runner(work, env, settings.use_hyperfine)
        bench = scenarios.Bench(runner, scenarios.hirecli_command(), record)
        record.tool = "hyperfine" if runner.hyperfine else "a loop of child processes (hyperfine not found)"
        record.machine = machine.describe()
        scenarios.check_machine(bench, "before")
        if settings.memory_only:
            scenarios.memory(bench, folders)
        else:
            _timed(bench, folders, role, settings)
        record.date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    finally:
        if keep:
            print(f"working folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return record, [f"{r.shown}: {r.error}" for r in bench.failures()]


def _timed(bench: scenarios.Bench, folders: dict[int, Path], role: str, settings: Settings) -> None:
    """Every timed scenario: start-up, one role, batches, pandoc and what a command imports."""
    scenarios.startup(bench, role)
    if not settings.startup_only:
        scenarios.one_role(bench, role)
        scenarios.batches(bench, folders)
    scenarios.check_machine(bench, "after")
    if not settings.startup_only:
        scenarios.pandoc(bench, folders)
    scenarios.imports(bench, role)


def main(argv: Sequence[str] | None = None) -> int:
    settings, args = parse_args(argv)
    failures: list[str] = []
    if args.render:
        record = Record.load(args.render)
    else:
        record, failures = measure(settings, argv if argv is not None else sys.argv[1:], args.keep)
        if args.raw:
            record.save(args.raw)
    for extra in args.merge or ():
        record.merge_memory(Record.load(extra))
    full = not (record.settings.quick or record.settings.startup_only or record.settings.memory_only)
    notes = NOTES.read_text(encoding="utf-8") if NOTES.exists() and full else ""
    args.output.write_text(render(record, notes), encoding="utf-8")
    for budget in budgets(record):
        print(
            f"{budget.status:>12}  {budget.name}: {budget.shown or '-'} "
            f"(target {budget.target}; {budget.detail})"
        )
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
