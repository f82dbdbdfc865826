"""What the README says about standard streams and exit codes is what the commands do.

Each test quotes the README sentence it checks (``README: "..."``), and
:func:`test_every_test_quotes_the_readme` fails when the README no longer says it. The
claims of the "Robustness and safety" section are checked in ``test_readme_safety.py``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from paths import ROLES, SEED_ROLE
from readme_support import HIRECLI, meta, missing_pointers, role, unquoted

NURSE = ROLES / "registered-nurse.yaml"
DATE = ["--date", "2026-03-02"]
EXISTING = {
    "interrupted (Ctrl-C, or SIGTERM or SIGHUP); files being written are left as they were": (
        "tests/test_robustness_process.py::test_ctrl_c_in_the_middle_of_a_batch_leaves_every_file_whole"
    ),
    "an export interrupted by Ctrl-C, a crash or a full disk leaves every old file as it was and no "
    "temporary files behind (Ctrl-C exits with 130)": (
        "tests/test_export_interrupt.py::test_interrupted_export_leaves_whole_files"
    ),
    "A preview longer than the screen goes through a pager when stdout is a terminal": (
        "tests/test_terminal_pager.py::test_a_long_preview_on_a_terminal_is_paged"
    ),
    "byte for byte the same whatever `NO_COLOR`, `FORCE_COLOR`, `TERM` or `COLUMNS` say": (
        "tests/test_robustness_env.py::test_piped_stdout_is_the_same_in_every_environment"
    ),
}
"""README sentences about streams and exit codes that an older test already checks."""


@meta
def test_every_test_quotes_the_readme() -> None:
    assert unquoted(globals()) == []
    assert missing_pointers(EXISTING) == []


def _stderr_lines(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# ---- postings ------------------------------------------------------------------------------------


def test_trims_are_named_on_stderr(runner: CliRunner) -> None:
    """README: "names every drop on stderr; it never cuts silently" and "every dropped item is named
    on stderr; --strict makes that an error instead."."""
    result = runner.invoke(app, ["posting", str(SEED_ROLE), "--channel", "short", *DATE])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert any(line.startswith("trimmed for short:") for line in _stderr_lines(result))
    assert "trimmed" not in result.stdout


def test_strict_trims_write_nothing(runner: CliRunner, tmp_path: Path) -> None:
    """README: "`--strict` makes that an error (exit 1, nothing written)"."""
    target = tmp_path / "short.md"
    result = runner.invoke(
        app, ["posting", str(SEED_ROLE), "--channel", "short", "--strict", "-o", str(target), *DATE]
    )
    assert result.exit_code == 1
    assert not target.exists()


def test_an_unknown_section_lists_the_known_ones(runner: CliRunner) -> None:
    """README: "an unknown section name is a usage error that lists the known ones"."""
    result = runner.invoke(app, ["posting", str(NURSE), "--sections", "summary,perks-galore"])
    assert result.exit_code == 2
    assert "perks-galore" in result.stderr
    assert "summary" in result.stderr.split("known", 1)[1]


def test_missing_json_ld_properties_are_named_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    """README: "Missing required properties are named on stderr."."""
    bare = role(tmp_path, "title: Registered Nurse\n")
    result = runner.invoke(app, ["posting", str(bare), "--format", "jsonld", *DATE])
    assert result.exit_code == 0
    assert '"@type": "JobPosting"' in result.stdout
    assert "jobLocation is missing" in result.stderr


# ---- interview kits ----------------------------------------------------------------------------


def test_drafts_are_named_on_stderr_and_strict_fails(runner: CliRunner, tmp_path: Path) -> None:
    """README: "stderr names each skill with its line and column. `--strict` makes drafts an error
    (exit 1)"."""
    path = role(tmp_path, "title: Registered Nurse\nskills:\n  hard: [Patient Care, Zorblax Calibration]\n")
    result = runner.invoke(app, ["interview-kit", str(path)])
    assert result.exit_code == 0
    assert f"{path}:3:24: skill 'Zorblax Calibration'" in result.stderr
    assert "Zorblax Calibration" in result.stdout
    assert runner.invoke(app, ["interview-kit", str(path), "--strict"]).exit_code == 1


def test_explain_goes_to_stderr(runner: CliRunner) -> None:
    """README: "`--explain` shows on stderr the role's field, what each skill matched"."""
    plain = runner.invoke(app, ["interview-kit", str(NURSE), "--format", "md"])
    explained = runner.invoke(app, ["interview-kit", str(NURSE), "--format", "md", "--explain"])
    assert explained.exit_code == plain.exit_code == 0
    assert explained.stdout == plain.stdout
    assert "Matched competency" in explained.stderr


def test_a_protected_custom_question_stops_at_its_line(runner: CliRunner, tmp_path: Path) -> None:
    """README: "one that touches a protected topic stops the command with exit 1 at its line and column"
    and "A custom question that touches a protected topic is an error (exit 1)."."""
    path = role(
        tmp_path,
        "title: Registered Nurse\nskills:\n  hard: [Patient Care]\ncompetencies:\n"
        "  - name: Planning\n    questions:\n      - text: How old are you?\n",
    )
    for command in ("interview-kit", "scorecard"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 1, command
        assert f"{path}:7:" in result.stderr


def test_a_loop_that_asks_nothing_stops_kits_and_exports(runner: CliRunner, tmp_path: Path) -> None:
    """README: "`interview-kit`, `scorecard` and `export` stop (exit 1) on a role whose interview loop
    asks nothing about it"."""
    folder = tmp_path / "roles"
    empty = role(folder, "title: Registered Nurse\n", "empty.yaml")
    shutil.copyfile(NURSE, folder / "nurse.yaml")
    for command in ("interview-kit", "scorecard"):
        assert runner.invoke(app, [command, str(empty)]).exit_code == 1
    out = tmp_path / "out"
    exported = runner.invoke(app, ["export", str(folder), "-o", str(out), "--md", "--what", "scorecard"])
    assert exported.exit_code == 1
    assert (out / "registered-nurse" / "scorecard.md").is_file()
    assert not (out / "empty").exists()


# ---- export ----------------------------------------------------------------------------------------


def test_exporting_again_writes_nothing_without_force(runner: CliRunner, tmp_path: Path) -> None:
    """README: "Running it again stops before writing anything, naming the files that exist (exit 2)"."""
    out = tmp_path / "out"
    args = ["export", str(NURSE), "-o", str(out), "--md", "--what", "posting", *DATE]
    assert runner.invoke(app, args).exit_code == 0
    (out / "registered-nurse" / "posting.md").write_text("mine\n", encoding="utf-8")
    again = runner.invoke(app, [*args[:-1], "2026-04-01"])
    assert again.exit_code == 2
    assert "registered-nurse/posting.md" in again.stderr
    assert (out / "registered-nurse" / "posting.md").read_text(encoding="utf-8") == "mine\n"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_a_failing_role_is_named_and_the_others_exported(runner: CliRunner, tmp_path: Path) -> None:
    """README: "A role that fails is named on stderr with its problems; the others are still exported
    and the exit code is 1." and "A role that fails is named with its problems on stderr and the others
    are still exported (exit code 1)."."""
    folder = tmp_path / "roles"
    broken = role(folder, "title: Nurse\nopenings: many\n", "broken.yaml")
    shutil.copyfile(NURSE, folder / "nurse.yaml")
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(folder), "-o", str(out), "--md", "--what", "posting", *DATE])
    assert result.exit_code == 1
    assert f"{broken}:2:" in result.stderr
    assert (out / "registered-nurse" / "posting.md").is_file()


def test_a_role_a_feed_cannot_take_is_left_out(runner: CliRunner, tmp_path: Path) -> None:
    """README: "A role that lacks what a feed requires is named on stderr with what is missing, left out
    of the feed, and makes the exit code 1 (the feed of the others is still written)"."""
    feed = tmp_path / "indeed.xml"
    result = runner.invoke(app, ["export", str(ROLES), "--feed", "indeed", "-o", str(feed), *DATE])
    assert result.exit_code == 1
    assert "marketing-intern.yaml: left out of the indeed feed: no state or province" in result.stderr
    assert "<referencenumber><![CDATA[registered-nurse]]>" in feed.read_text(encoding="utf-8")


# ---- lint, diff, import, validate ------------------------------------------------------------------------


def test_fail_on_sets_the_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    """README: "makes the exit code 1 when any finding is at or above that severity" and "Exit 1 when a
    finding is at or above --fail-on."."""
    posting = role(tmp_path, "# Nurse\n\nJoin our team.\n", "ad.md")
    codes = {
        level: runner.invoke(app, ["lint", str(posting), *(["--fail-on", level] if level else [])]).exit_code
        for level in ("", "error", "warning", "info", "none")
    }
    assert codes == {"": 0, "error": 0, "warning": 1, "info": 1, "none": 0}


def test_a_baseline_is_written_with_exit_0_and_its_gone_findings_counted(
    runner: CliRunner, tmp_path: Path
) -> None:
    """README: "`--write-baseline FILE` records every current finding (and exits 0)" and "findings of
    the baseline that no longer occur are counted on stderr"."""
    posting = role(tmp_path, "# Nurse\n\nWe want a digital native to join us.\n", "ad.md")
    baseline = tmp_path / "baseline.json"
    written = runner.invoke(app, ["lint", str(posting), "--write-baseline", str(baseline)])
    assert written.exit_code == 0
    assert runner.invoke(app, ["lint", str(posting), "--baseline", str(baseline)]).exit_code == 0
    posting.write_text("# Nurse\n\nJoin our team.\n", encoding="utf-8")
    fixed = runner.invoke(app, ["lint", str(posting), "--baseline", str(baseline)])
    assert fixed.exit_code == 0
    assert "baseline" in fixed.stderr
    assert "baseline" not in fixed.stdout


def test_diff_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    """README: "`--exit-code` exits 1 when anything published changes." and "Exit 0 (1 with --exit-code
    when something changes)."."""
    changed = role(tmp_path, NURSE.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Charge "))
    args = ["diff", "--no-kit", "--exit-code", str(NURSE)]
    assert runner.invoke(app, [*args, str(changed)]).exit_code == 1
    assert runner.invoke(app, [*args, str(NURSE)]).exit_code == 0
    assert runner.invoke(app, [*args[:-2], str(NURSE), str(changed)]).exit_code == 0


def test_import_batch_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    """README: "The exit code is 0 when all were written, 2 when any was skipped or unreadable, and 1
    when any held no usable job description." and "Exit codes: 1 when a file has no usable job
    description (empty, no sections, no title), 2 when it cannot be read (missing, binary, too large)
    or an output exists and was skipped."."""
    ads = ROLES.parent / "tests" / "import_corpus"
    out = ["--out-dir", str(tmp_path / "out")]
    first = [str(ads / "warehouse-night-shift.txt"), str(ads / "backend-engineer.md")]
    assert runner.invoke(app, ["import", *first, *out]).exit_code == 0
    assert runner.invoke(app, ["import", *first, *out]).exit_code == 2
    missing = str(tmp_path / "missing.txt")
    assert runner.invoke(app, ["import", missing, str(ads / "software-intern.txt"), *out]).exit_code == 2
    empty = role(tmp_path, "", "empty.txt")
    assert runner.invoke(app, ["import", str(empty), str(ads / "tutor-part-time.txt"), *out]).exit_code == 1


def test_the_import_report_is_on_stderr(runner: CliRunner) -> None:
    """README: "`--report` (shown anyway when stderr is a terminal) lists every fact found"."""
    ad = str(ROLES.parent / "tests" / "import_corpus" / "warehouse-night-shift.txt")
    plain = runner.invoke(app, ["import", ad])
    reported = runner.invoke(app, ["import", ad, "--report"])
    assert plain.stdout == reported.stdout
    assert len(reported.stderr) > len(plain.stderr)
    assert "Aurora" in reported.stderr


def test_validate_and_lint_report_on_stdout(runner: CliRunner, tmp_path: Path) -> None:
    """README: "every problem or finding goes to stdout, one `file:line:col:` line each, and the exit
    code says whether any was found" and "Exit 0 when every file is valid, 1 when any is not."."""
    broken = role(tmp_path, "title: Nurse\nopenings: many\n")
    checked = runner.invoke(app, ["validate", str(broken)])
    assert checked.exit_code == 1
    assert f"{broken}:2:11: openings" in checked.stdout
    assert checked.stderr == ""
    posting = role(tmp_path, "# Nurse\n\nWe want a digital native to join us.\n", "ad.md")
    linted = runner.invoke(app, ["lint", str(posting), "--format", "text"])
    assert linted.exit_code == 1
    assert f"{posting}:3:1: error protected-preference" in linted.stdout
    assert runner.invoke(app, ["validate", str(NURSE)]).exit_code == 0


def test_list_names_invalid_files_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    """README: "Invalid files are named on stderr and make the exit code 1."."""
    folder = tmp_path / "roles"
    broken = role(folder, "title: Nurse\nopenings: many\n", "broken.yaml")
    shutil.copyfile(NURSE, folder / "nurse.yaml")
    result = runner.invoke(app, ["list", str(folder)])
    assert result.exit_code == 1
    assert f"{broken}:2:" in result.stderr
    assert result.stdout.startswith("registered-nurse\t")


# ---- exit codes and errors ---------------------------------------------------------------------------


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    """README: "usage error: unknown option, format, channel or stage; a missing or unreadable input;
    an output that exists (without `--force`), cannot be written, or has an extension that names no
    format" and "2 usage error (unknown option, missing or unwritable file)"."""
    exists = role(tmp_path, "mine\n", "exists.md")
    for args in (
        ["posting", str(NURSE), "--no-such-option"],
        ["posting", str(NURSE), "--format", "pdf"],
        ["posting", str(NURSE), "--channel", "myspace"],
        ["scorecard", str(NURSE), "--stage", "Lunch"],
        ["posting", str(tmp_path / "missing.yaml")],
        ["posting", str(NURSE), "-o", str(exists)],
        ["posting", str(NURSE), "-o", str(tmp_path)],
        ["posting", str(NURSE), "-o", str(tmp_path / "posting.pdf")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert len(_stderr_lines(result)) >= 1


def test_errors_are_one_line_each_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    """README: "Errors are one line each on stderr (`file:line:col: message` for problems inside a
    file); no Python traceback is shown for bad input."."""
    broken = role(tmp_path, "title: Nurse\nopenings: many\nopenings: 2\ncolour: blue\n")
    result = runner.invoke(app, ["posting", str(broken)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = _stderr_lines(result)
    assert len(lines) >= 2
    assert all(line.startswith(f"{broken}:") for line in lines)
    assert "Traceback" not in result.stderr


# ---- scripting -----------------------------------------------------------------------------------------


def test_dash_writes_stdout(runner: CliRunner) -> None:
    """README: "`-o -` writes stdout"."""
    piped = runner.invoke(app, ["posting", str(NURSE), *DATE])
    dashed = runner.invoke(app, ["posting", str(NURSE), "-o", "-", *DATE])
    assert dashed.exit_code == 0
    assert dashed.stdout == piped.stdout != ""


def test_a_pipe_gets_markdown_without_colour(runner: CliRunner) -> None:
    """README: "When stdout is not a terminal they are written as Markdown, with no colour codes and
    no wrapping"."""
    result = runner.invoke(app, ["posting", str(NURSE), *DATE], env={"FORCE_COLOR": "1", "COLUMNS": "40"})
    assert result.stdout.startswith("# Registered Nurse")
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) > 40


def _shell(script: str) -> subprocess.CompletedProcess[str]:
    command = " ".join(HIRECLI)
    return subprocess.run(
        ["bash", "-c", script.replace("hirecli", command)], capture_output=True, text=True, timeout=300
    )


def test_head_ends_quietly() -> None:
    """README: "`| head` ends quietly." and "A reader that stops early (`hirecli list | head -1`) or a
    stdout closed from the start (`hirecli schema >&-`) ends the command quietly with exit code 0"."""
    for script in (
        f"set -o pipefail; hirecli list {ROLES} | head -1",
        f"set -o pipefail; hirecli posting {NURSE} | head -1",
        "hirecli schema >&-",
    ):
        done = _shell(script)
        assert done.returncode == 0, (script, done.stderr)
        assert done.stderr == "", script


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_on_stdout_is_one_line_and_exit_2() -> None:
    """README: "is one line on stderr, `error: cannot write the output (No space left on device)`, and
    exit code 2"."""
    done = _shell("hirecli schema > /dev/full")
    assert done.returncode == 2
    assert done.stderr == "error: cannot write the output (No space left on device)\n"
