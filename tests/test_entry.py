"""The program's entry point: the application imported with the collector off, the command run
with it on, everything frozen before exit; ``hirecli`` and ``python -m hirecli`` both use it."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from collections.abc import Iterator

import pytest

from hirecli.cli import entry, main
from paths import ROOT, SEED_ROLE


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the test process's collector as it was found."""
    yield
    gc.unfreeze()
    gc.enable()


def test_the_command_runs_with_the_collector_on_and_exits_frozen(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    seen: list[tuple[bool, int]] = []

    def app() -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        raise SystemExit(3)

    monkeypatch.setattr(main, "app", app)
    gc.unfreeze()
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == 3
    assert seen[0][0] is True
    assert seen[0][1] > 0  # what start-up imported is frozen before the command runs
    assert gc.get_freeze_count() > seen[0][1]
    assert gc.isenabled()


def test_the_console_script_is_the_entry_point() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"hirecli": "hirecli.cli.entry:main"}
    assert (
        (ROOT / "src" / "hirecli" / "__main__.py")
        .read_text(encoding="utf-8")
        .startswith("from hirecli.cli.entry import main\n")
    )


def test_python_dash_m_writes_a_posting_and_exits_as_before() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hirecli", "posting", str(SEED_ROLE), "--format", "md"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ")
    missing = subprocess.run(
        [sys.executable, "-m", "hirecli", "posting", "no-such-role.yaml"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
