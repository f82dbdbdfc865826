"""What the README says about output files' names and about ``hirecli list`` on a terminal.

An output file's extension names its format, or the command stops before writing anything;
``hirecli list`` never cuts an id, at any terminal width. Each test quotes the README sentence
it checks, as in ``test_readme_claims.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from hirecli.cli import env as env_module
from hirecli.cli.main import app
from paths import ROLES
from readme_support import HIRECLI, meta, role, unquoted

NURSE = ROLES / "registered-nurse.yaml"
DATE = ["--date", "2026-03-02"]
ROLE_ID = "registered-nurse-medical-surgical-float-pool-nights-and-weekends-level-two"
FAMILY_ID = "nursing-family-for-every-acute-care-unit-of-the-hospital-and-its-clinics"
TITLE = "Registered Nurse, Medical-Surgical Float Pool for Nights and Weekends"


@meta
def test_every_test_quotes_the_readme() -> None:
    assert unquoted(globals()) == []


# ---- output file extensions --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["posting", "interview-kit", "scorecard"])
@pytest.mark.parametrize("name", ["posting.pdf", "kit.odt", "posting", "notes.MD.bak"])
def test_an_extension_that_names_no_format_writes_nothing(
    runner: CliRunner, tmp_path: Path, command: str, name: str
) -> None:
    """README: "Any other extension, or none (`-o posting.pdf`, `-o posting`), is a usage error
    (exit 2) that lists these, and nothing is written"."""
    target = tmp_path / name
    result = runner.invoke(app, [command, str(NURSE), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: -o {target}: ")
    assert ".md, .markdown, .html, .htm, .txt, .json" in result.stderr
    assert ".docx" in result.stderr
    assert (".jsonld" in result.stderr) == (command == "posting")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "start"),
    [("p.MD", b"# "), ("p.markdown", b"# "), ("p.htm", b"<h1>"), ("p.txt", b"Registered"), ("p.docx", b"PK")],
)
def test_each_extension_names_its_format(runner: CliRunner, tmp_path: Path, name: str, start: bytes) -> None:
    """README: "With `-o FILE` and no `--format`, the file's extension names the format"."""
    target = tmp_path / name
    assert runner.invoke(app, ["posting", str(NURSE), "-o", str(target), *DATE]).exit_code == 0
    assert target.read_bytes().startswith(start)


def test_with_format_the_file_may_have_any_name(runner: CliRunner, tmp_path: Path) -> None:
    """README: "with `--format` (or `posting --template`) the file may have any name"."""
    template = role(tmp_path, "{{ title }}\n", "plain.j2")
    for args in (
        ["posting", str(NURSE), "--format", "md", "-o", str(tmp_path / "posting.pdf")],
        ["posting", str(NURSE), "--template", str(template), "-o", str(tmp_path / "posting.xml")],
        ["scorecard", str(NURSE), "--format", "data", "-o", str(tmp_path / "card")],
        ["interview-kit", str(NURSE), "--format", "html", "-o", str(tmp_path / "kit.odt")],
    ):
        result = runner.invoke(app, [*args, *DATE] if args[0] == "posting" else args)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "posting.pdf").read_text(encoding="utf-8").startswith("# ")
    assert (tmp_path / "kit.odt").read_text(encoding="utf-8").startswith("<h1>")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_gets_markdown(tmp_path: Path) -> None:
    """README: "A device or pipe (`-o /dev/null`, a named pipe) gets Markdown, as a pipe on stdout
    does."."""
    fifo = tmp_path / "posting"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = subprocess.run([*HIRECLI, "posting", str(NURSE), "-o", str(fifo), *DATE], capture_output=True)
    reader.join(60)
    assert done.returncode == 0, done.stderr
    assert received[0].startswith(b"# Registered Nurse")
    assert subprocess.run([*HIRECLI, "schema", "-o", os.devnull], capture_output=True).returncode == 0


def test_import_takes_yaml_and_json_names_only(runner: CliRunner, tmp_path: Path) -> None:
    """README: "`hirecli import -o` writes `.yaml` or `.yml` files as YAML and `.json` files as JSON,
    and refuses other extensions alike."."""
    ad = str(ROLES.parent / "tests" / "import_corpus" / "warehouse-night-shift.txt")
    for name, start in (("r.yml", "# yaml-language-server"), ("r.json", "{")):
        assert runner.invoke(app, ["import", ad, "-o", str(tmp_path / name)]).exit_code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    refused = runner.invoke(app, ["import", ad, "-o", str(tmp_path / "r.txt")])
    assert refused.exit_code == 2
    assert ".yaml, .yml or .json" in refused.stderr
    assert not (tmp_path / "r.txt").exists()
    assert (
        runner.invoke(app, ["import", ad, "--format", "json", "-o", str(tmp_path / "r.txt")]).exit_code == 0
    )


# ---- hirecli list on a terminal -------------------------------------------------------------------


@pytest.fixture
def long_ids(tmp_path: Path) -> Path:
    """A family and a role with ids of more than 60 characters, and a long title."""
    folder = tmp_path / "roles"
    role(folder, f"id: {FAMILY_ID}\nabstract: true\ntitle: Nurse\ntags: [Healthcare]\n", "family.yaml")
    role(
        folder,
        f"id: {ROLE_ID}\nextends: family.yaml\ntitle: {TITLE}\ntags: [Nursing, Acute Care]\n"
        "compensation:\n  currency: USD\n  min: 98000\n  max: 146000\n",
        "nurse.yaml",
    )
    return folder


def _list_on_a_terminal(monkeypatch: pytest.MonkeyPatch, folder: Path, columns: int) -> list[str]:
    real = env_module.Env.current

    def terminal() -> env_module.Env:
        env = real()
        env.stdout_isatty = True
        return env

    monkeypatch.setattr(env_module.Env, "current", staticmethod(terminal))
    result = CliRunner().invoke(app, ["list", str(folder)], env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_list_on_a_narrow_terminal_keeps_every_id_whole(
    monkeypatch: pytest.MonkeyPatch, long_ids: Path, columns: int
) -> None:
    """README: "when the terminal is too narrow for the table with every id whole, each role is shown
    as a few lines under its id."."""
    assert len(ROLE_ID) > 60
    assert len(FAMILY_ID) > 60
    lines = _list_on_a_terminal(monkeypatch, long_ids, columns)
    shown = "\n".join(lines)
    assert ROLE_ID in lines
    assert FAMILY_ID in lines
    assert f"Family: {FAMILY_ID}" in lines
    assert "…" not in shown
    assert " ".join(" ".join(lines).split()).count(TITLE) == 1
    long = [line for line in lines if cell_len(line) > columns]
    assert all(ROLE_ID in line or FAMILY_ID in line or line.startswith("Roles in ") for line in long), long


@pytest.mark.parametrize("columns", [240, 260])
def test_list_on_a_wide_terminal_wraps_the_title_before_any_id(
    monkeypatch: pytest.MonkeyPatch, long_ids: Path, columns: int
) -> None:
    """README: "ids (a role's, and its family's) are never cut: the title, tags and pay wrap first"."""
    lines = _list_on_a_terminal(monkeypatch, long_ids, columns)
    assert any("┃" in line for line in lines), "a table fits this width"
    assert all(cell_len(line) <= columns for line in lines)
    shown = "\n".join(lines)
    assert "…" not in shown
    assert any(f"│ {ROLE_ID} │" in line and f"│ {FAMILY_ID} " in line for line in lines)
    cells = [line.split("│")[2].strip() for line in lines if line.startswith("│")]
    assert " ".join(" ".join(cells).split()).count(TITLE) == 1
