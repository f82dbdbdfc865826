"""``hirecli import`` through the CLI: outputs, overwriting, batches, formats and bad input."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode
from hirecli.model.loader import load_role, load_role_text

CORPUS = Path(__file__).parent / "import_corpus"
SCRAPED = CORPUS / "it-support-scrape.txt"
WAREHOUSE = CORPUS / "warehouse-night-shift.txt"
MARKDOWN = CORPUS / "backend-engineer.md"


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_stdout_gets_a_valid_role_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", str(WAREHOUSE)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# yaml-language-server: $schema=../schema/role.schema.json\n")
    role = load_role_text(result.stdout, "out.yaml").model
    assert role.title == "Warehouse Associate - Night Shift"
    assert result.stderr == ""


def test_written_file_passes_validate_and_is_never_overwritten(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "roles" / "warehouse.yaml"
    first = runner.invoke(app, ["import", str(WAREHOUSE), "-o", str(out)])
    assert first.exit_code == 0, first.stderr
    assert f"wrote {out}" in first.stderr
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    before = out.read_text("utf-8")
    out.write_text(before + "# edited by hand\n", "utf-8")
    again = runner.invoke(app, ["import", str(WAREHOUSE), "-o", str(out)])
    assert again.exit_code == ExitCode.USAGE
    assert "--force" in _one_line_error(again.stderr)
    assert out.read_text("utf-8").endswith("# edited by hand\n")
    forced = runner.invoke(app, ["import", str(WAREHOUSE), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_text("utf-8") == before


def test_id_option_names_the_role(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", str(WAREHOUSE), "--id", "night-picker"])
    assert result.exit_code == 0
    assert load_role_text(result.stdout).model.id == "night-picker"
    bad = runner.invoke(app, ["import", str(WAREHOUSE), "--id", "Night Picker"])
    assert bad.exit_code == ExitCode.USAGE
    assert "not a valid id" in _one_line_error(bad.stderr)


def test_json_format_carries_the_same_role(runner: CliRunner, tmp_path: Path) -> None:
    as_yaml = runner.invoke(app, ["import", str(MARKDOWN)])
    as_json = runner.invoke(app, ["import", str(MARKDOWN), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == yaml.safe_load(as_yaml.stdout)
    target = tmp_path / "engineer.json"
    implied = runner.invoke(app, ["import", str(MARKDOWN), "-o", str(target)])
    assert implied.exit_code == 0
    assert json.loads(target.read_text("utf-8"))["title"] == "Senior Backend Engineer"


def test_several_inputs_go_to_a_folder_by_id(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "roles"
    result = runner.invoke(app, ["import", str(WAREHOUSE), str(MARKDOWN), "--out-dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["senior-backend-engineer.yaml", "warehouse-associate-night-shift.yaml"]
    assert load_role(folder / "senior-backend-engineer.yaml").slug == "senior-backend-engineer"
    again = runner.invoke(app, ["import", str(WAREHOUSE), "--out-dir", str(folder)])
    assert again.exit_code == ExitCode.USAGE


def test_batch_keeps_going_past_a_bad_file(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "out"
    result = runner.invoke(app, ["import", str(empty), str(WAREHOUSE), "--out-dir", str(folder)])
    assert result.exit_code == ExitCode.INVALID
    assert "empty.txt: holds no text" in result.stderr
    assert (folder / "warehouse-associate-night-shift.yaml").is_file()


def test_batch_skips_a_second_input_with_the_same_id(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(WAREHOUSE.read_text("utf-8"), "utf-8")
    folder = tmp_path / "out"
    result = runner.invoke(app, ["import", str(WAREHOUSE), str(copy), "--out-dir", str(folder)])
    assert result.exit_code == ExitCode.USAGE
    assert f"skipped {copy}" in result.stderr
    assert "--id" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["warehouse-associate-night-shift.yaml"]
    assert "1 written, 1 skipped, 0 failed" in result.stderr


def test_batch_writes_the_new_files_and_names_the_existing_ones(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    existing = folder / "warehouse-associate-night-shift.yaml"
    existing.write_text("# edited by hand\n", "utf-8")
    result = runner.invoke(app, ["import", str(WAREHOUSE), str(MARKDOWN), "--out-dir", str(folder)])
    assert result.exit_code == ExitCode.USAGE
    assert f"skipped {WAREHOUSE}: {existing} exists; use --force" in result.stderr
    assert (folder / "senior-backend-engineer.yaml").is_file()
    assert existing.read_text("utf-8") == "# edited by hand\n"
    assert "imported 2 file(s): 1 written, 1 skipped, 0 failed" in result.stderr
    forced = runner.invoke(
        app, ["import", str(WAREHOUSE), str(MARKDOWN), "--out-dir", str(folder), "--force"]
    )
    assert forced.exit_code == 0, forced.stderr
    assert "2 written, 0 skipped" in forced.stderr
    assert existing.read_text("utf-8").startswith("# yaml-language-server")


@pytest.mark.parametrize(
    "args",
    [
        ["a.txt", "b.txt"],
        ["a.txt", "-o", "x.yaml", "--out-dir", "roles"],
        ["a.txt", "b.txt", "--out-dir", "roles", "--id", "x"],
        ["-", "-", "--out-dir", "roles"],
    ],
)
def test_usage_errors(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["import", *args])
    assert result.exit_code == ExitCode.USAGE
    assert _one_line_error(result.stderr).startswith("error: ")


def test_standard_input_is_sniffed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "-"], input=MARKDOWN.read_text("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert load_role_text(result.stdout).model.title == "Senior Backend Engineer"


def test_report_lists_sections_mends_and_navigation(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", str(SCRAPED), "--report"])
    assert result.exit_code == 0
    report = result.stderr
    assert "confidence  went to" in report
    assert "Responsibilities" in report
    assert "responsibilities.primary (5)" in report
    assert "'Install and patch software" in report
    assert "[check]" in report
    assert "'Share this job' (navigation or page furniture)" in report


def test_without_report_only_doubts_reach_stderr(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", str(SCRAPED)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith("warning: ") for line in lines)
    assert any("no known verb fits" in line for line in lines)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _docx_without_body(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    return path


@pytest.mark.parametrize(
    ("name", "make", "code", "words"),
    [
        ("empty.txt", lambda p: _write(p, b""), ExitCode.INVALID, "holds no text"),
        ("blank.md", lambda p: _write(p, b"  \n\n\t\n"), ExitCode.INVALID, "holds no text"),
        ("binary.txt", lambda p: _write(p, bytes(range(256)) * 8), ExitCode.USAGE, "binary data"),
        (
            "latin1.txt",
            lambda p: _write(p, "Caf\u00e9 duties".encode("latin-1")),
            ExitCode.USAGE,
            "not UTF-8",
        ),
        (
            "old.doc",
            lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64),
            ExitCode.USAGE,
            ".doc",
        ),
        ("scan.pdf", lambda p: _write(p, b"%PDF-1.7\n%\xe2\xe3\n"), ExitCode.USAGE, "PDF"),
        (
            "fake.docx",
            lambda p: _write(p, b"Responsibilities\n- none\n"),
            ExitCode.USAGE,
            "not a zip archive",
        ),
        ("broken.docx", lambda p: _write(p, b"PK\x03\x04 damaged"), ExitCode.USAGE, "damaged"),
        ("other.docx", _docx_without_body, ExitCode.USAGE, "not a Word document"),
        (
            "notes.txt",
            lambda p: _write(p, b"Lunch is at noon.\nBring a jumper.\n"),
            ExitCode.INVALID,
            "no job description sections",
        ),
        (
            "untitled.txt",
            lambda p: _write(p, b"Responsibilities\n\n- Sweep the floor.\n"),
            ExitCode.INVALID,
            "no job title",
        ),
    ],
)
def test_bad_input_gets_one_clear_line(
    runner: CliRunner, tmp_path: Path, name: str, make: object, code: int, words: str
) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == code
    line = _one_line_error(result.stderr)
    assert line.startswith(f"error: {path}")
    assert words in line
    assert result.stdout == ""


def test_a_50_mb_file_is_refused_without_reading_it(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    result = runner.invoke(app, ["import", str(big)])
    elapsed = time.perf_counter() - started
    assert result.exit_code == ExitCode.USAGE
    assert "too large" in _one_line_error(result.stderr)
    assert elapsed < 1.0


def test_missing_file_and_folder(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["import", str(tmp_path / "nope.txt")])
    assert missing.exit_code == ExitCode.USAGE
    assert "no such file" in _one_line_error(missing.stderr)
    folder = runner.invoke(app, ["import", str(tmp_path)])
    assert folder.exit_code == ExitCode.USAGE
    assert "is a folder" in _one_line_error(folder.stderr)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(WAREHOUSE.read_text("utf-8"), "utf-8")
    locked.chmod(0)
    result = runner.invoke(app, ["import", str(locked)])
    assert result.exit_code == ExitCode.USAGE
    assert "permission denied" in _one_line_error(result.stderr)
