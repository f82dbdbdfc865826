"""What the benchmark measures: start-up, single roles, batches, pandoc, imports, and how busy
the machine was while it ran."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import machine
from generate_roles import write_roles
from measure import Result, Runner
from record import BATCH_LIMIT, Record

HERE = Path(__file__).resolve().parent
HELLO = HERE / "hello_typer.py"
MISSING_COMMAND = re.compile(r"No such command", re.IGNORECASE)
HEAVY = ("docx", "lxml", "jinja2", "babel", "rapidfuzz", "pydantic", "yaml", "markdown_it")
ROUNDS = 4
"""Start-up commands are timed in turns, a few runs each, so that a change in the machine's load
falls on all of them alike and the ratios between them stay fair."""


@dataclass
class Bench:
    """The runner, the command that starts hirecli, and the record being filled."""

    runner: Runner
    hirecli: list[str]
    record: Record

    def measure(
        self,
        key: str,
        argv: Sequence[str],
        shown: str,
        *,
        runs: int,
        warmup: int = 0,
        ok_codes: Sequence[int] = (0,),
        items: int = 0,
        sample_tree: bool = False,
    ) -> Result:
        print(f"  {shown}", file=sys.stderr, flush=True)
        result = self.runner.measure(
            key, argv, shown, runs=runs, warmup=warmup, ok_codes=ok_codes, sample_tree=sample_tree
        )
        if result.ok:
            every = f", every process {result.tree['total'] / 1024:.0f} MB" if result.tree else ""
            print(f"    median {result.median:.3f} s, peak {result.rss_mb:.0f} MB{every}", file=sys.stderr)
        else:
            print(f"    {result.error}", file=sys.stderr)
        self.record.results[key] = result
        self.record.counts[key] = items
        return result

    def single(self, key: str, argv: Sequence[str], shown: str, ok_codes: Sequence[int] = (0,)) -> Result:
        """A command on one role, timed like start-up: many runs after warm-up runs."""
        s = self.record.settings
        return self.measure(key, argv, shown, runs=s.startup_runs, warmup=s.warmup, ok_codes=ok_codes)

    def side_by_side(self, commands: Sequence[tuple[str, Sequence[str], str]]) -> None:
        """Commands timed like :meth:`single`, in :data:`ROUNDS` turns of a few runs each."""
        s = self.record.settings
        rounds = max(1, min(ROUNDS, s.startup_runs))
        shares = [s.startup_runs // rounds + (index < s.startup_runs % rounds) for index in range(rounds)]
        found: dict[str, Result] = {}
        for index, runs in enumerate(shares):
            for key, argv, shown in commands:
                warmup = s.warmup if index == 0 else 1
                part = self.runner.measure(key, argv, shown, runs=runs, warmup=warmup)
                found[key] = found[key].joined(part) if key in found else part
        for key, _, shown in commands:
            result = found[key]
            print(f"  {shown}", file=sys.stderr)
            if result.ok:
                cpu = f", CPU {result.cpu:.3f} s" if result.cpu is not None else ""
                print(f"    median {result.median:.3f} s{cpu}, peak {result.rss_mb:.0f} MB", file=sys.stderr)
            else:
                print(f"    {result.error}", file=sys.stderr)
            self.record.results[key] = result
            self.record.counts[key] = 0

    def failures(self) -> list[Result]:
        """Measurements that failed, other than commands this version does not have yet."""
        return [r for r in self.record.results.values() if r.error and not MISSING_COMMAND.search(r.error)]


def hirecli_command() -> list[str]:
    script = Path(sys.executable).parent / "hirecli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "hirecli"]


def prepare_roles(work: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """One folder per size; the roles of a smaller size are the first ones of a larger size."""
    pool = work / "pool"
    files = write_roles(max(sizes), pool, seed=1)
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


def check_machine(bench: Bench, when: str) -> None:
    speedup = machine.parallel_speedup()
    bench.record.speedups.append(speedup)
    bench.record.checks[f"Load average {when} (1/5/15 min)"] = machine.load_average()
    bench.record.checks[f"Two busy processes vs one, {when}"] = (
        f"{speedup:.2f}x faster (2.00x = two free cores)"
    )


def startup(bench: Bench, role: str) -> None:
    py, hc = sys.executable, bench.hirecli
    print("start-up", file=sys.stderr)
    bench.side_by_side(
        [
            ("hello_help", [py, str(HELLO), "--help"], "python bench/hello_typer.py --help"),
            ("hirecli_help", [*hc, "--help"], "hirecli --help"),
            ("hello_run", [py, str(HELLO), "hello", "world"], "python bench/hello_typer.py hello world"),
            ("posting", [*hc, "posting", role, "--format", "md"], f"hirecli posting {role} --format md"),
        ]
    )


def one_role(bench: Bench, role: str) -> None:
    hc = bench.hirecli
    print("one role", file=sys.stderr)
    for key, command in (("kit", "interview-kit"), ("scorecard", "scorecard")):
        bench.single(key, [*hc, command, role, "--format", "md"], f"hirecli {command} {role} --format md")
    bench.single(
        "export_one",
        [*hc, "export", role, "--docx", "-o", "out-one", "--force"],
        f"hirecli export {role} --docx -o out-one/ --force",
    )
    bench.single("lint_one", [*hc, "lint", role], f"hirecli lint {role}", ok_codes=(0, 1))


def batches(bench: Bench, folders: dict[int, Path]) -> None:
    s = bench.record.settings
    hc = bench.hirecli
    print("batches", file=sys.stderr)
    for size, folder in sorted(folders.items()):
        big = size > BATCH_LIMIT
        for jobs in (1, 2):
            args = [
                "export",
                f"{folder.name}/",
                "--docx",
                "--md",
                "--json",
                "-o",
                f"out-{size}-j{jobs}/",
                "--force",
                "--jobs",
                str(jobs),
            ]
            bench.measure(
                f"export_{size}_j{jobs}",
                [*hc, *args],
                "hirecli " + " ".join(args),
                runs=s.big_repeat if big else s.repeat,
                items=size,
                sample_tree=True,
            )
    folder = folders[s.batch_size]
    args = [
        "export",
        f"{folder.name}/",
        "--docx",
        "--what",
        "posting",
        "-o",
        "out-docx/",
        "--force",
        "--jobs",
        "1",
    ]
    bench.measure("docx_batch", [*hc, *args], "hirecli " + " ".join(args), runs=s.repeat, items=s.batch_size)
    for key, linted in (("lint_batch", folder), ("lint_postings", _postings(bench, folder))):
        if linted is None:
            continue
        args = ["lint", f"{linted.name}/", "--format", "json"]
        bench.measure(
            key, [*hc, *args], "hirecli " + " ".join(args), runs=s.repeat, items=s.batch_size, ok_codes=(0, 1)
        )


def memory(bench: Bench, folders: dict[int, Path]) -> None:
    """A full export at each size, --jobs 1 and 2, once each, every process's memory sampled."""
    print("memory", file=sys.stderr)
    for size, folder in sorted(folders.items()):
        for jobs in bench.record.settings.memory_jobs:
            args = ["export", f"{folder.name}/", "--docx", "--md", "--json"]
            args += ["-o", f"out-{size}-j{jobs}/", "--force", "--jobs", str(jobs)]
            bench.measure(
                f"memory_{size}_j{jobs}",
                [*bench.hirecli, *args],
                "hirecli " + " ".join(args),
                runs=1,
                items=size,
                sample_tree=True,
            )
            shutil.rmtree(bench.runner.cwd / f"out-{size}-j{jobs}", ignore_errors=True)


def _postings(bench: Bench, folder: Path) -> Path | None:
    """The Markdown posting of every role of ``folder``, each in a folder of its own, for lint to
    compare with the role files (the posting is part of what a role file's lint checks)."""
    out = folder.parent / f"postings-{folder.name}"
    args = ["export", f"{folder.name}/", "--md", "--what", "posting", "-o", f"{out.name}/", "--force"]
    made = bench.runner.once([*bench.hirecli, *args])
    if made.code != 0:
        bench.record.results["lint_postings"] = Result("lint_postings", "hirecli lint", error=made.error())
        return None
    return out


def pandoc(bench: Bench, folders: dict[int, Path]) -> None:
    """pandoc turning each posting's Markdown into a Word file, one process per document."""
    s = bench.record.settings
    shown = "pandoc posting.md -o posting.docx"
    if not s.use_pandoc or not shutil.which("pandoc"):
        bench.record.results["pandoc"] = Result("pandoc", shown, error="pandoc is not installed")
        return
    print("pandoc", file=sys.stderr)
    work = bench.runner.cwd
    roles = sorted(p for p in folders[s.batch_size].glob("*.yaml") if p.name != "company.yaml")
    commands = []
    for index, role in enumerate(roles[: s.pandoc_docs]):
        name = f"pandoc/{index:03d}/posting"
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        made = bench.runner.once(
            [*bench.hirecli, "posting", str(role.relative_to(work)), "--format", "md"],
            stdout_file=work / f"{name}.md",
        )
        if made.code != 0:
            bench.record.results["pandoc"] = Result("pandoc", shown, error=f"no postings: {made.error()}")
            return
        commands.append(["pandoc", f"{name}.md", "-o", f"{name}.docx"])
    shown += f", one process per document, {len(commands)} documents"
    print(f"  {shown}", file=sys.stderr)
    bench.record.results["pandoc"] = bench.runner.loop("pandoc", commands, shown, runs=s.repeat)
    bench.record.counts["pandoc"] = len(commands)


def imports(bench: Bench, role: str) -> None:
    """Total import time and the heavy libraries loaded, for --help and a Markdown posting."""
    for shown, args in (
        ("hirecli --help", ["--help"]),
        (f"hirecli posting {role} --format md", ["posting", role, "--format", "md"]),
    ):
        code = f"import sys; sys.argv = ['hirecli', *{args!r}]; from hirecli.cli.main import main; main()"
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            cwd=bench.runner.cwd,
            env=dict(bench.runner.env),
            capture_output=True,
            text=True,
            check=False,
        )
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
        bench.record.imports.append((shown, total / 1000, ", ".join(sorted(loaded))))
