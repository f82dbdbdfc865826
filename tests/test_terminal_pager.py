"""The terminal preview: a long document goes through a pager on a terminal (as git does),
never in a pipe or with --no-pager; below 80 columns tables become "label: value" lines."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import hirecli.writers.terminal as terminal
from hirecli.builders.kit.document import kit_document
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.scorecard import scorecard_document
from hirecli.cli.main import app
from hirecli.model.loader import load_role
from paths import ROOT

ROLE = ROOT / "tests" / "kit_roles" / "front-desk-coordinator.yaml"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def console(width: int = 100, height: int = 30) -> tuple[Console, Tty]:
    out = Tty()
    return Console(file=out, width=width, height=height, force_terminal=True, color_system=None), out


def test_the_pager_follows_pager_and_defaults_to_less() -> None:
    assert terminal.pager_command({"PAGER": "most -s"}) == "most -s"
    assert terminal.pager_command({"PAGER": ""}) is None
    assert terminal.pager_command({"PAGER": "cat"}) is None
    found = terminal.pager_command({})
    assert found in ("less", None)


def test_a_long_preview_on_a_terminal_is_paged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv(
        "PAGER", f"{sys.executable} -c \"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())\""
    )
    monkeypatch.setattr(terminal, "PAGING", True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    doc = kit_document(plan_kit(load_role(ROLE)))
    shown, out = console()
    terminal.print_document(doc, shown)
    assert "Interview kit: Clinic Front Desk Coordinator" in paged.read_text(encoding="utf-8")
    assert out.getvalue() == ""


def test_a_short_preview_or_no_pager_prints_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"{sys.executable} -c \"open({str(paged)!r}, 'w').write('x')\"")
    doc = scorecard_document(plan_kit(load_role(ROLE)), 0)
    shown, out = console(height=400)
    monkeypatch.setattr(terminal, "PAGING", True)
    terminal.print_document(doc, shown)
    assert not paged.exists()
    assert "Scorecard" in out.getvalue()
    long_doc = kit_document(plan_kit(load_role(ROLE)))
    monkeypatch.setattr(terminal, "PAGING", False)
    shown, out = console()
    terminal.print_document(long_doc, shown)
    assert not paged.exists()
    assert "Interview kit" in out.getvalue()


def test_no_pager_option_turns_paging_off(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--no-pager", "scorecard", str(ROLE), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert terminal.PAGING is False
    assert runner.invoke(app, ["scorecard", str(ROLE), "--format", "md"]).exit_code == 0
    assert terminal.PAGING is True


def _lines(doc: Any, width: int) -> list[str]:
    shown = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    terminal.print_document(doc, shown)
    return shown.export_text().splitlines()


def test_narrow_terminals_get_stacked_tables_without_cut_words() -> None:
    kit = plan_kit(load_role(ROLE))
    doc = kit_document(kit, "2")
    lines = _lines(doc, 60)
    assert not any("…" in line for line in lines)
    assert any(line.startswith("Topic: ") or line.strip().startswith("Do not ask: ") for line in lines)
    assert max(len(line.rstrip()) for line in lines) <= 60
    wide = _lines(doc, 100)
    assert any("│" in line for line in wide)
    sheet = _lines(scorecard_document(kit, 1), 60)
    assert any("1 ☐" in line and "4 ☐" in line for line in sheet)
