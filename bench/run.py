"""Measure hirecli on this machine and write BENCHMARKS.md.

Start-up next to a bare Typer app, single roles, batches in one process at several
sizes and with one and two worker processes, linear scaling, peak memory, and pandoc
making Word files one process per document, as a script without hirecli would.
Budgets are ratios measured in the same run. The full run takes a while (the
10,000-role batch alone runs for minutes); --quick checks that everything works.

Usage: python bench/run.py [--quick] [--sizes 100,1000,10000] [--repeat N] [--output FILE]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import machine
from generate_roles import write_roles
from measure import Result, Runner
from report import Budget, Row, budgets_table, imports_table, machine_table, section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_ROLE = ROOT / "roles" / "mental-health-professional.yaml"
HELLO = HERE / "hello_typer.py"
MISSING_COMMAND = re.compile(r"No such command|no such command")
HEAVY = ("docx", "lxml", "jinja2", "babel", "rapidfuzz", "textstat", "pydantic", "yaml", "markdown_it")
CLEARED_ENV = ("NO_COLOR", "FORCE_COLOR", "HIRECLI_TRACEBACK", "PYTHONDONTWRITEBYTECODE")
"""Left out of the children's environment: colour settings, and the switch that would make
every start-up compile hirecli from source (bytecode is written during the warm-up run)."""
BATCH_LIMIT = 1000
"""Sizes up to this get the full set of batch measurements; larger ones only show scaling."""


@dataclass
class Settings:
    sizes: list[int]
    repeat: int
    startup_runs: int
    big_repeat: int
    pandoc_docs: int
    warmup: int
    use_hyperfine: bool
    use_pandoc: bool
    quick: bool


@dataclass
class Run:
    """Everything measured, kept by name for the budgets."""

    settings: Settings
    runner: Runner
    hirecli: list[str]
    results: dict[str, Result] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    """Signs of other load on the machine, taken before and after the batches."""
    speedups: list[float] = field(default_factory=list)

    def measure(self, key: str, argv: Sequence[str], shown: str, *, runs: int, warmup: int = 0,
                ok_codes: Sequence[int] = (0,), items: int = 0) -> Result:
        print(f"  {shown}", file=sys.stderr, flush=True)
        result = self.runner.measure(key, argv, shown, runs=runs, warmup=warmup, ok_codes=ok_codes)
        if result.ok:
            print(f"    median {result.median:.3f} s, peak {result.rss_mb:.0f} MB", file=sys.stderr)
        else:
            print(f"    {result.error}", file=sys.stderr)
        self.results[key] = result
        self.counts[key] = items
        return result

    def row(self, key: str, label: str, unit: str = "") -> Row:
        return Row(self.results[key], label, self.counts.get(key, 0), unit)

    def failures(self) -> list[Result]:
        return [r for r in self.results.values()
                if r.error and not MISSING_COMMAND.search(r.error)]


def _hirecli() -> list[str]:
    script = Path(sys.executable).parent / "hirecli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "hirecli"]


def _prepare_roles(work: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """One folder per size; the roles of a smaller size are the first ones of a larger size."""
    largest = max(sizes)
    pool = work / "pool"
    files = write_roles(largest, pool, seed=1)
    folders = {}
    for size in sizes:
        folder = work / f"roles-{size}"
        folder.mkdir()
        for source in [pool / "company.yaml", *files[:size]]:
            try:
                os.link(source, folder / source.name)
            except OSError:
                shutil.copyfile(source, folder / source.name)
        folders[size] = folder
    return folders


def _startup(run: Run, role: str) -> None:
    s = run.settings
    py = sys.executable
    hc = run.hirecli
    print("start-up", file=sys.stderr)
    run.measure("hello_help", [py, str(HELLO), "--help"], "python bench/hello_typer.py --help",
                runs=s.startup_runs, warmup=s.warmup)
    run.measure("hirecli_help", [*hc, "--help"], "hirecli --help", runs=s.startup_runs, warmup=s.warmup)
    run.measure("hello_run", [py, str(HELLO), "hello", "world"], "python bench/hello_typer.py hello world",
                runs=s.startup_runs, warmup=s.warmup)
    run.measure("posting", [*hc, "posting", role, "--format", "md"], f"hirecli posting {role} --format md",
                runs=s.startup_runs, warmup=s.warmup)


def _one_role(run: Run, role: str) -> None:
    s = run.settings
    hc = run.hirecli
    print("one role", file=sys.stderr)
    run.measure("kit", [*hc, "interview-kit", role, "--format", "md"],
                f"hirecli interview-kit {role} --format md", runs=s.startup_runs, warmup=s.warmup)
    run.measure("scorecard", [*hc, "scorecard", role, "--format", "md"],
                f"hirecli scorecard {role} --format md", runs=s.startup_runs, warmup=s.warmup)
    run.measure("export_one", [*hc, "export", role, "--docx", "-o", "out-one", "--force"],
                f"hirecli export {role} --docx -o out-one/ --force", runs=s.startup_runs, warmup=s.warmup)
    run.measure("lint_one", [*hc, "lint", role], f"hirecli lint {role}", runs=s.startup_runs,
                warmup=s.warmup, ok_codes=(0, 1))


def _check_machine(run: Run, when: str) -> None:
    speedup = machine.parallel_speedup()
    run.speedups.append(speedup)
    run.checks[f"Load average {when} (1/5/15 min)"] = machine.load_average()
    run.checks[f"Two busy processes vs one, {when}"] = f"{speedup:.2f}x faster (2.00x = two free cores)"


def _batches(run: Run, folders: dict[int, Path]) -> None:
    s = run.settings
    hc = run.hirecli
    print("batches", file=sys.stderr)
    for size, folder in sorted(folders.items()):
        big = size > BATCH_LIMIT
        runs = s.big_repeat if big else s.repeat
        for jobs in (1, 2) if not big else (1,):
            out = f"out-{size}-j{jobs}"
            args = ["export", f"{folder.name}/", "--docx", "--md", "--json", "-o", f"{out}/", "--force",
                    "--jobs", str(jobs)]
            run.measure(f"export_{size}_j{jobs}", [*hc, *args], "hirecli " + " ".join(args), runs=runs,
                        items=size)
    size = _batch_size(folders)
    folder = folders[size]
    args = ["export", f"{folder.name}/", "--docx", "--what", "posting", "-o", "out-docx/", "--force",
            "--jobs", "1"]
    run.measure("docx_batch", [*hc, *args], "hirecli " + " ".join(args), runs=s.repeat, items=size)
    args = ["lint", f"{folder.name}/", "--format", "json"]
    run.measure("lint_batch", [*hc, *args], "hirecli " + " ".join(args), runs=s.repeat, items=size,
                ok_codes=(0, 1))


def _batch_size(folders: dict[int, Path]) -> int:
    small = [size for size in folders if size <= BATCH_LIMIT]
    return max(small) if small else min(folders)


def _pandoc(run: Run, folders: dict[int, Path]) -> None:
    s = run.settings
    if not s.use_pandoc or not shutil.which("pandoc"):
        run.results["pandoc"] = Result("pandoc", "pandoc posting.md -o posting.docx",
                                       error="pandoc is not installed")
        return
    print("pandoc", file=sys.stderr)
    work = run.runner.cwd
    folder = folders[_batch_size(folders)]
    roles = sorted(p for p in folder.glob("*.yaml") if p.name != "company.yaml")[: s.pandoc_docs]
    commands = []
    for index, role in enumerate(roles):
        target = work / "pandoc" / f"{index:03d}"
        target.mkdir(parents=True, exist_ok=True)
        made = run.runner.once([*run.hirecli, "posting", str(role.relative_to(work)), "--format", "md"],
                               stdout_file=target / "posting.md")
        if made.code != 0:
            run.results["pandoc"] = Result("pandoc", "pandoc posting.md -o posting.docx",
                                           error=f"could not write the postings: {made.error()}")
            return
        name = f"pandoc/{index:03d}/posting"
        commands.append(["pandoc", f"{name}.md", "-o", f"{name}.docx"])
    shown = f"pandoc posting.md -o posting.docx, one process per document, {len(commands)} documents"
    print(f"  {shown}", file=sys.stderr)
    run.results["pandoc"] = run.runner.loop("pandoc", commands, shown, runs=s.repeat)
    run.counts["pandoc"] = len(commands)


def _imports(run: Run, role: str) -> list[tuple[str, float, str]]:
    rows = []
    for shown, args in (("hirecli --help", ["--help"]), (f"hirecli posting {role} --format md",
                                                          ["posting", role, "--format", "md"])):
        code = f"import sys; sys.argv = ['hirecli', *{args!r}]; from hirecli.cli.main import main; main()"
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=run.runner.cwd,
                              env=dict(run.runner.env), capture_output=True, text=True, check=False)
        total = 0
        loaded = set()
        for line in done.stderr.splitlines():
            parts = line.removeprefix("import time:").split("|")
            if len(parts) != 3 or not parts[0].strip().isdigit():
                continue
            total += int(parts[0])
            top = parts[2].strip().split(".")[0]
            if top in HEAVY:
                loaded.add(top)
        rows.append((shown, total / 1000, ", ".join(sorted(loaded))))
    return rows


def _ratio(run: Run, slow: str, fast: str) -> float | None:
    a, b = run.results.get(slow), run.results.get(fast)
    if a is None or b is None or not a.ok or not b.ok:
        return None
    return a.median / b.median


def _cpu_ratio(run: Run, slow: str, fast: str) -> str:
    a, b = run.results.get(slow), run.results.get(fast)
    if a is None or b is None or a.cpu is None or b.cpu is None or not b.cpu:
        return "median times"
    return f"median times (CPU time: {a.cpu / b.cpu:.2f}x)"


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def budgets(run: Run, folders: dict[int, Path]) -> list[Budget]:
    """Every budget of the issue, from this run's medians."""
    size = _batch_size(folders)
    found = []
    ratio = _ratio(run, "hirecli_help", "hello_help")
    found.append(Budget("`hirecli --help` vs Typer hello-world `--help`", "<= 1.10x", ratio,
                        _at_most(ratio, 1.10), _cpu_ratio(run, "hirecli_help", "hello_help")))
    ratio = _ratio(run, "posting", "hello_run")
    found.append(Budget("`hirecli posting` vs Typer hello-world run", "<= 1.20x", ratio,
                        _at_most(ratio, 1.20), _cpu_ratio(run, "posting", "hello_run")))
    docx, pandoc = run.results.get("docx_batch"), run.results.get("pandoc")
    speed = None
    if docx and pandoc and docx.ok and pandoc.ok:
        speed = (run.counts["docx_batch"] / docx.median) / (run.counts["pandoc"] / pandoc.median)
    found.append(Budget("DOCX documents per second: hirecli batch vs pandoc per document", ">= 6x", speed,
                        _at_least(speed, 6), f"{size}-role batch, --jobs 1"))
    ratio = _ratio(run, f"export_{size}_j1", f"export_{size}_j2")
    cores = machine.usable_cores()
    free = f", free-core check {min(run.speedups):.2f}x" if run.speedups else ""
    found.append(Budget("`--jobs 2` speed-up over `--jobs 1`", ">= 1.6x", ratio,
                        _at_least(ratio, 1.6) if cores >= 2 else None,
                        f"{size}-role export, {cores} cores{free}"))
    ordered = sorted(folders)
    if len(ordered) >= 2:
        small, large = ordered[-2], ordered[-1]
        ratio = _ratio(run, f"export_{large}_j1", f"export_{small}_j1")
        limit = 1.1 * large / small
        found.append(Budget(f"{large / small:g}x the roles: time ratio", f"<= {limit:.1f}x", ratio,
                            _at_most(ratio, limit), f"{small:,} vs {large:,} roles, --jobs 1"))
    else:
        found.append(Budget("10x the roles: time ratio", "<= 11x", None, None, "needs two sizes"))
    memory = run.results.get(f"export_{size}_j1")
    mb = memory.rss_mb if memory and memory.ok else None
    found.append(Budget(f"Peak memory of a {size:,}-role export", "< 200 MB", mb,
                        None if mb is None else mb < 200, "max RSS, --jobs 1", unit="MB"))
    return found


def write_report(run: Run, folders: dict[int, Path], imports: list[tuple[str, float, str]],
                 output: Path, argv: Sequence[str]) -> list[Budget]:
    s = run.settings
    found = budgets(run, folders)
    size = _batch_size(folders)
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    tool = "hyperfine" if run.runner.hyperfine else "a loop of child processes (hyperfine not found)"
    settings = (f"sizes {', '.join(map(str, s.sizes))}; {_runs(s.repeat)} per batch "
                f"({_runs(s.big_repeat)} above {BATCH_LIMIT:,} roles); {_runs(s.startup_runs)} per single "
                f"command after {_runs(s.warmup).replace('run', 'warm-up run')}; timed with {tool}")
    command = " ".join(["python bench/run.py", *argv])
    lines = [
        "# Benchmarks", "",
        f"Measured by `{command}` on the machine below; rerun it to measure yours. Times are medians of "
        "whole processes, with the fastest and slowest run; peak RSS is the largest resident set "
        "of the process (with `--jobs 2`, of the largest single process).", "",
        *budgets_table(found),
        *machine_table({**machine.describe(), **run.checks}, when, settings),
        *section("Start-up", "Whole processes, output discarded, next to a Typer app with two commands "
                 "and nothing else (`bench/hello_typer.py`), run by the same Python.",
                 [run.row("hello_help", "Typer hello-world --help"),
                  run.row("hirecli_help", "hirecli --help"),
                  run.row("hello_run", "Typer hello-world run"),
                  run.row("posting", "Posting (Markdown)")]),
        *imports_table(imports),
        *section("One role", "The seed role (`roles/mental-health-professional.yaml` with its company "
                 "profile), one whole process per command.",
                 [run.row("posting", "Posting (Markdown)"), run.row("kit", "Interview kit (Markdown)"),
                  run.row("scorecard", "Scorecard (Markdown)"), run.row("export_one", "DOCX export"),
                  run.row("lint_one", "Lint")]),
        *section("Batches", "Generated roles (`bench/generate_roles.py`, seed 1: eleven job families, "
                 "3 to 25 duties, 14 countries and currencies, pay by year, month, week, day or hour), "
                 "every document of every role in one process. Rate = roles per second.",
                 [run.row(key, _batch_label(key), "roles") for key in run.results if key.startswith("export_")
                  and key != "export_one"] + [run.row("lint_batch", "Lint", "roles")], rates=True),
        *section("Word documents: hirecli and pandoc", "hirecli writes the posting of every role as "
                 f"DOCX in one process ({size} roles); pandoc converts each posting's Markdown in a "
                 "process of its own, as a shell loop would. Rate = documents per second.",
                 [run.row("docx_batch", "hirecli, one batch", "docs"), run.row("pandoc", "pandoc", "docs")],
                 rates=True),
    ]
    output.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return found


def _runs(count: int) -> str:
    return f"{count} run{'s' * (count != 1)}"


def _batch_label(key: str) -> str:
    _, size, jobs = key.split("_")
    return f"Export {int(size):,} roles, {jobs.replace('j', '--jobs ')}"


def parse_args(argv: Sequence[str] | None) -> tuple[Settings, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a check that everything runs: 5 roles, 1 run, no large batch")
    parser.add_argument("--sizes", help="batch sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, help="runs per batch (default 3)")
    parser.add_argument("--startup-runs", type=int, help="runs per single command (default 20)")
    parser.add_argument("--big-repeat", type=int,
                        help=f"runs per batch above {BATCH_LIMIT:,} roles (default 1)")
    parser.add_argument("--pandoc-docs", type=int, help="documents for pandoc (default 30)")
    parser.add_argument("--no-hyperfine", action="store_true", help="time with a loop of child processes")
    parser.add_argument("--no-pandoc", action="store_true", help="leave pandoc out")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="the report to write")
    parser.add_argument("--raw", type=Path, help="also write every timing as JSON to this file")
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


def main(argv: Sequence[str] | None = None) -> int:
    settings, args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="hirecli-bench-"))
    try:
        folders = _prepare_roles(work, settings.sizes)
        one = work / "one"
        one.mkdir()
        shutil.copyfile(SEED_ROLE, one / SEED_ROLE.name)
        shutil.copyfile(SEED_ROLE.parent / "company.yaml", one / "company.yaml")
        role = f"one/{SEED_ROLE.name}"
        env = {key: value for key, value in os.environ.items() if key not in CLEARED_ENV}
        run = Run(settings, Runner(work, env, settings.use_hyperfine), _hirecli())
        _check_machine(run, "before")
        _startup(run, role)
        _one_role(run, role)
        _batches(run, folders)
        _check_machine(run, "after")
        _pandoc(run, folders)
        imports = _imports(run, role)
        found = write_report(run, folders, imports, args.output,
                             _settings_argv(argv if argv is not None else sys.argv[1:]))
        if args.raw:
            args.raw.write_text(json.dumps({k: v.to_dict() for k, v in run.results.items()}, indent=2),
                                encoding="utf-8")
    finally:
        if args.keep:
            print(f"working folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    for budget in found:
        shown = "-" if budget.measured is None else f"{budget.measured:.2f}"
        print(f"{budget.status:>12}  {budget.name}: {shown} (target {budget.target})")
    failed = run.failures()
    for result in failed:
        print(f"failed: {result.shown}: {result.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
