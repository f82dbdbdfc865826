"""The benchmark keeps working: tiny sizes through bench/run.py, and the role generator's promises.

The full benchmark is not part of the test suite; ``python bench/run.py`` runs it.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from hirecli.model.loader import load_company, load_role_file
from paths import ROOT

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from generate_roles import build_role, write_roles  # noqa: E402
from measure import Runner  # noqa: E402


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_generated_roles_are_valid_unique_and_varied(tmp_path: Path) -> None:
    files = write_roles(120, tmp_path, seed=7)
    assert len(files) == 120
    roles = [load_role_file(path).model for path in files]
    assert load_company(tmp_path / "company.yaml").name
    assert len({role.slug for role in roles}) == 120
    duties = [len(r.responsibilities.primary) + len(r.responsibilities.secondary) for r in roles]
    assert min(duties) <= 5
    assert max(duties) >= 20
    assert max(duties) <= 25
    paid = [r.compensation for r in roles if r.compensation]
    assert len(Counter(c.currency for c in paid)) >= 4
    assert len(Counter(c.period for c in paid)) >= 3
    assert {r.location.workplace for r in roles if r.location} == {"onsite", "hybrid", "remote"}
    assert len({r.title for r in roles}) >= 60


def test_generator_is_deterministic_per_seed(tmp_path: Path) -> None:
    write_roles(15, tmp_path / "a", seed=3)
    write_roles(15, tmp_path / "b", seed=3)
    write_roles(15, tmp_path / "c", seed=4)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_a_smaller_set_is_the_start_of_a_larger_one() -> None:
    assert build_role(4, seed=1) == build_role(4, seed=1)
    assert build_role(4, seed=1) != build_role(5, seed=1)


def test_generator_command_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "generate_roles.py"), "4", str(tmp_path / "out"), "--seed", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").glob("*.yaml"))) == 5


def test_loop_timing_without_hyperfine(tmp_path: Path) -> None:
    runner = Runner(tmp_path, {"PATH": "/usr/bin:/bin"}, use_hyperfine=False)
    ok = runner.measure("ok", [sys.executable, "-c", "x = bytearray(30_000_000)"], "python", runs=2)
    assert ok.ok
    assert len(ok.times) == 2
    assert ok.rss_mb is not None
    assert ok.rss_mb > 25
    failing = runner.measure("bad", [sys.executable, "-c", "import sys; sys.exit('boom')"], "python", runs=2)
    assert not failing.ok
    assert failing.error == "exit 1: boom"


CHILDREN = """
import multiprocessing, time
def hold():
    block = bytearray(60_000_000)
    time.sleep(1.0)
if __name__ == "__main__":
    workers = [multiprocessing.Process(target=hold) for _ in range(2)]
    for w in workers: w.start()
    for w in workers: w.join()
"""


def test_tree_memory_counts_every_process(tmp_path: Path) -> None:
    """Two workers holding 60 MB each at once: the tree's peak counts both."""
    script = tmp_path / "children.py"
    script.write_text(CHILDREN, encoding="utf-8")
    runner = Runner(tmp_path, {"PATH": "/usr/bin:/bin"}, use_hyperfine=False)
    result = runner.measure("tree", [sys.executable, str(script)], "python", runs=1, sample_tree=True)
    assert result.ok, result.error
    assert result.tree is not None
    assert result.tree["processes"] >= 3
    assert result.tree["largest_child"] > 55_000
    assert result.tree["total"] > 2 * 55_000 + result.tree["parent"] // 2


def test_quick_benchmark_writes_a_report(tmp_path: Path) -> None:
    report = tmp_path / "BENCH.md"
    raw = tmp_path / "raw.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--quick",
            "--startup-runs",
            "1",
            "--pandoc-docs",
            "2",
            "--output",
            str(report),
            "--raw",
            str(raw),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = report.read_text(encoding="utf-8")
    for heading in (
        "## Budgets",
        "## Machine",
        "## Start-up",
        "## One role",
        "## Batches",
        "## Word documents: hirecli and pandoc",
    ):
        assert heading in text
    budgets = text.split("## Budgets", 1)[1].split("## Machine", 1)[0]
    assert budgets.count("| **") == 8
    assert "| Lint of 1,000 role files |" in budgets
    assert "## Memory of every process" in text
    assert "Export 5 roles, --jobs 2 |" in text.split("## Memory of every process", 1)[1]
    assert "hirecli --help" in text
    assert "Export 5 roles, --jobs 1" in text
    assert str(tmp_path) not in text
    assert "/tmp/" not in text
    again = tmp_path / "AGAIN.md"
    rendered = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--render", str(raw), "--output", str(again)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    assert again.read_text(encoding="utf-8") == text
