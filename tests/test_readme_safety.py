"""The README's "Robustness and safety" section: each claim is checked here or by the test named.

Tests quote the README sentence they check (``README: "..."``); :data:`EXISTING` names the
older tests (``tests/test_hostile_*.py``, ``tests/test_robustness_*.py``) that check the rest.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from paths import ROLES
from readme_support import HIRECLI, meta, missing_pointers, role, unquoted

NURSE = ROLES / "registered-nurse.yaml"
HOSTILE = "tests/test_hostile_files.py::"
EXISTING = {
    "a fund, precious metal or test code such as `XAU` or `XXX` is refused, and so is `usd`": (
        "tests/test_hostile_numbers.py::test_amounts_and_currencies_that_cannot_be_shown_right"
    ),
    "Each is a problem at the amount's line and column, in `validate` and in every command that reads "
    "the role": "tests/test_hostile_numbers.py::test_huge_and_impossible_amounts_are_refused_cleanly",
    "a valid amount is the same number in every format, JSON-LD included": (
        "tests/test_hostile_numbers.py::test_a_valid_amount_is_the_same_number_in_the_posting_and_its_json_ld"
    ),
    "an `occupation_code` in Arabic-Indic or fullwidth digits is refused": (
        "tests/test_hostile_numbers.py::test_occupation_codes_take_ascii_digits_only"
    ),
    "`--valid-days` (1 to 3650) may not carry it past 9999-12-31": (
        "tests/test_hostile_numbers.py::test_dates_near_the_ends_of_the_calendar"
    ),
    "so it is either as it was or whole": (
        "tests/test_export_interrupt.py::test_interrupted_export_leaves_whole_files"
    ),
    "`-o` onto a symbolic link writes the file the link leads to and keeps the link": (
        HOSTILE + "test_output_through_a_symbolic_link_writes_the_file_it_leads_to"
    ),
    "a link that leads nowhere counts as a file that exists": (
        HOSTILE + "test_a_dangling_link_counts_as_a_file_in_the_way",
    ),
    "A character device or a pipe (`-o /dev/null`, a named pipe) is written into": (
        HOSTILE + "test_a_device_is_written_into_never_replaced",
        HOSTILE + "test_a_named_pipe_is_written_into",
    ),
    "files in the way, a file where a folder must be, a folder it cannot write into, and whether the "
    "disk has room; any of them stops it with nothing written": (
        HOSTILE + "test_a_folder_in_the_way_stops_an_export_before_anything_is_written",
        HOSTILE + "test_a_file_where_a_role_folder_must_be_stops_an_export",
        "tests/test_robustness_commands.py::test_a_read_only_folder_is_a_usage_error",
        HOSTILE + "test_an_export_that_cannot_fit_on_the_disk_is_refused_before_writing",
    ),
    "`COLUMNS` or `LINES` that are not positive numbers are ignored": (
        "tests/test_hostile_process.py::test_odd_terminal_widths_still_print"
    ),
    "SIGTERM and SIGHUP stop a command as Ctrl-C does: every file being written is left as it was or whole, "
    "temporary files are removed, the worker processes of `--jobs` are stopped, and the exit code is 130": (
        "tests/test_hostile_process.py::test_a_signal_in_the_middle_of_an_export_cleans_up_as_ctrl_c_does"
    ),
    "`--jobs` is capped at the number of CPUs hirecli may use (`--jobs 0`: one per CPU)": (
        HOSTILE + "test_jobs_is_capped_at_the_cpu_count"
    ),
    "A finding quotes at most 200 characters of the text.": (
        HOSTILE + "test_lint_findings_of_a_huge_posting_stay_small",
    ),
    "A value with a control character is refused at its line and column without echoing it": (
        "tests/test_hostile_text.py::test_a_control_character_in_a_value_is_named_not_echoed"
    ),
    "every message, problem, finding and file name hirecli prints (in the text, terminal and github "
    "formats of lint too) shows such characters as escapes": (
        "tests/test_hostile_text.py::test_file_names_with_controls_are_shown_as_escapes",
        "tests/test_hostile_text.py::test_values_with_controls_are_echoed_as_escapes",
        "tests/test_hostile_text.py::test_escape_sequences_in_a_linted_posting_never_reach_the_terminal",
    ),
}


@meta
def test_every_claim_is_checked() -> None:
    assert unquoted(globals()) == []
    assert missing_pointers(EXISTING) == []


def _pay(folder: Path, amounts: str, currency: str = "USD", period: str = "year") -> Path:
    return role(folder, f"title: Nurse\ncompensation:\n  currency: {currency}\n{amounts}  period: {period}\n")


# ---- pay ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "highest"),
    [("year", 100_000_000), ("month", 10_000_000), ("week", 2_500_000), ("day", 500_000), ("hour", 100_000)],
)
def test_the_most_any_job_pays(runner: CliRunner, tmp_path: Path, period: str, highest: int) -> None:
    """README: "in US dollars 100,000,000 a year, 10,000,000 a month, 2,500,000 a week, 500,000 a day and
    100,000 an hour"."""
    top = _pay(tmp_path / "top", f"  min: {highest}\n", period=period)
    assert runner.invoke(app, ["validate", str(top)]).exit_code == 0
    above = _pay(tmp_path / "above", f"  min: {highest - 1}\n  max: {highest + 1}\n", period=period)
    result = runner.invoke(app, ["validate", str(above)])
    assert result.exit_code == 1
    assert f"{above}:5:8: compensation.max" in result.stdout
    assert f"more than any pay per {period} in USD" in result.stdout


@pytest.mark.parametrize(
    ("currency", "amount", "words"),
    [
        ("USD", "19.505", "more decimals than USD uses (2)"),
        ("JPY", "1000.5", "JPY amounts are whole numbers"),
        ("BHD", "1.2345", "more decimals than BHD uses (3)"),
        ("USD", "0.001", "less than the smallest amount of USD (0.01)"),
        ("JPY", "0.5", "less than the smallest amount of JPY (1)"),
    ],
)
def test_amounts_finer_than_the_currency_are_refused(
    runner: CliRunner, tmp_path: Path, currency: str, amount: str, words: str
) -> None:
    """README: "(`19.505` USD, `1000.5` JPY and `1.2345` BHD are refused)" and "is at least the
    currency's smallest unit (0.01 for USD, 1 for JPY)"."""
    path = _pay(tmp_path, f"  min: {amount}\n", currency, "hour")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:8: compensation.min" in result.stdout
    assert words in result.stdout


@pytest.mark.parametrize(
    ("amounts", "words"),
    [
        ("  min: 1234567890123456\n", "more than 15 digits"),
        ("  min: 0\n", "compensation.min must be greater than 0"),
        ("  min: 60000\n  max: 50000\n", "compensation.max (50,000) is less than compensation.min (60,000)"),
        ("  max: 50000\n", "compensation.max is set but compensation.min is not"),
    ],
)
def test_the_range_of_amounts(runner: CliRunner, tmp_path: Path, amounts: str, words: str) -> None:
    """README: "Amounts are plain numbers of at most 15 significant digits; `min` is above 0, `max` is
    at least `min`, and `max` needs a `min`."."""
    result = runner.invoke(app, ["validate", str(_pay(tmp_path, amounts))])
    assert result.exit_code == 1
    assert words in result.stdout


@pytest.mark.parametrize("company_id", ["１２３４", "١٢٣٤", "12a4"])
def test_a_linkedin_company_id_takes_ascii_digits(runner: CliRunner, tmp_path: Path, company_id: str) -> None:
    """README: "as is a `feeds.linkedin_company_id` that is not digits 0-9"."""
    path = role(tmp_path, f'name: Example\nfeeds:\n  linkedin_company_id: "{company_id}"\n', "company.yaml")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"{path}:3:24: feeds.linkedin_company_id: must be written with the digits 0-9 only" in result.stdout
    )


# ---- files and streams --------------------------------------------------------------------------------


def test_a_socket_or_a_folder_in_the_way_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    """README: "a folder, a block device or a socket in the way is refused (exit 2)"."""
    place = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(place))
        for target in (place, tmp_path):
            result = runner.invoke(app, ["posting", str(NURSE), "-o", str(target), "--force"])
            assert result.exit_code == 2
            assert result.stderr.startswith(f"error: {target}: is a ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.md"]


@pytest.mark.parametrize(
    ("value", "kept"), [("5", "20"), ("99999", "1000"), ("0", None), ("-3", None), ("x", None)]
)
def test_the_terminal_width_is_kept_in_bounds(
    monkeypatch: pytest.MonkeyPatch, value: str, kept: str | None
) -> None:
    """README: "a width is kept between 20 and 1,000 columns"."""
    from hirecli.cli.guard import sane_terminal_size

    monkeypatch.setenv("COLUMNS", value)
    sane_terminal_size()
    assert os.environ.get("COLUMNS") == kept


def _caught(pid: int, name: str) -> set[int]:
    """The signals process ``pid`` catches (``SigCgt``) or ignores (``SigIgn``), from Linux's /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    mask = int(re.search(rf"^{name}:\s*([0-9a-f]+)", status, re.M).group(1), 16)  # type: ignore[union-attr]
    return {number for number in range(1, 64) if mask >> (number - 1) & 1}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("nohup", [True, False])
def test_nohup_keeps_ignoring_sighup(nohup: bool) -> None:
    """README: "A command started with `nohup` keeps ignoring SIGHUP."."""
    child = subprocess.Popen(
        [*HIRECLI, "posting", "-", "--format", "md"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)) if nohup else None,
    )
    deadline = time.time() + 120
    while signal.SIGTERM not in _caught(child.pid, "SigCgt") and time.time() < deadline:
        time.sleep(0.02)  # hirecli is starting; it reads the role once its handlers are set
    assert (signal.SIGHUP in _caught(child.pid, "SigIgn")) is nohup
    child.send_signal(signal.SIGHUP)
    out, err = child.communicate(NURSE.read_bytes(), timeout=120)
    assert child.returncode == (0 if nohup else 130), err
    assert out.startswith(b"# Registered Nurse") is nohup


# ---- commands ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "Nurse\nNights", "Nurse\x1b[2J"])
def test_new_refuses_a_title_a_role_cannot_hold(runner: CliRunner, tmp_path: Path, title: str) -> None:
    """README: "`hirecli new TITLE` refuses a title that a role file cannot hold (empty, several lines,
    control characters, text that is not valid UTF-8) with a usage error (exit 2)"."""
    target = tmp_path / "new.yaml"
    result = runner.invoke(app, ["new", title, "-o", str(target)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert not target.exists()
    undecodable = subprocess.run([*HIRECLI, "new", b"Nurse \xff", "-o", target], capture_output=True)
    assert undecodable.returncode == 2
    assert not target.exists()


def test_stages_by_number_name_or_id(runner: CliRunner) -> None:
    """README: "`--stage` takes a stage's number in the loop (1 is the first), its name in any case
    (`'skills interview and work sample'`) or its name as an id (`skills-interview-and-work-sample`);
    an unknown stage is a usage error that lists the loop's stages."."""
    turbine = str(ROLES / "wind-turbine-technician.yaml")
    cards = {
        runner.invoke(app, ["scorecard", turbine, "--format", "md", "--stage", stage]).stdout
        for stage in ("3", "skills interview and work sample", "skills-interview-and-work-sample")
    }
    assert len(cards) == 1
    assert "Skills interview and work sample" in cards.pop()
    unknown = runner.invoke(app, ["scorecard", turbine, "--stage", "Skills interview"])
    assert unknown.exit_code == 2
    assert "Recruiter screen, Hiring manager interview, Skills interview and work sample" in unknown.stderr


@pytest.mark.parametrize(
    ("names", "words"),
    [(['"2"'], "is a number"), (["Panel interview", "panel-interview"], "same name apart from case")],
)
def test_stage_names_that_stage_could_not_tell_apart(
    runner: CliRunner, tmp_path: Path, names: list[str], words: str
) -> None:
    """README: "an `interview_plan` stage may not be named with a bare number, and no two stages may have
    names that differ only in case or punctuation"."""
    stages = "".join(f"    - name: {name}\n      minutes: 30\n" for name in names)
    path = role(
        tmp_path, f"title: Nurse\nskills:\n  hard: [Patient Care]\ninterview_plan:\n  stages:\n{stages}"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert words in result.stdout


def test_lint_lists_at_most_100_findings_of_a_rule(tmp_path: Path) -> None:
    """README: "At most 100 findings of one rule are listed per file; one more line says how many were
    left out, with the rule's severity, so `--fail-on` decides as if all were listed."."""
    from hirecli.cli.lintview import prepare
    from hirecli.lint.model import FileReport, Finding, Severity

    def finding(severity: Severity) -> Finding:
        return Finding("jargon", "culture", severity, "Jargon", "x" * 500, "ad.md", 1, 1, "why", "instead")

    found = [finding(Severity.info)] * 149 + [finding(Severity.error)]
    shown = prepare([FileReport("ad.md", found)], "text")[0].findings
    assert len(shown) == 101
    assert all(len(f.text) <= 200 for f in shown)
    assert shown[-1].severity is Severity.error
    assert shown[-1].message.startswith("and 50 more jargon findings in this file, not listed")


def test_list_shows_controls_in_values_as_escapes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """README: "shows such characters as escapes (`\\x1b`, `\\u202e`)"."""
    from hirecli.cli import env as env_module

    role(tmp_path / "roles", "title: Nurse \u202eenilno\u202c\nskills:\n  hard: [Patient Care]\n")
    real = env_module.Env.current

    def terminal() -> env_module.Env:
        env = real()
        env.stdout_isatty = True
        return env

    monkeypatch.setattr(env_module.Env, "current", staticmethod(terminal))
    result = CliRunner().invoke(app, ["list", str(tmp_path / "roles")], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stdout
    assert "\\u202e" in result.stdout
