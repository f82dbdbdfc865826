"""Files do not depend on the terminal: colour settings, width and TERM change nothing in them.

Every file hirecli writes (posting, interview kit and scorecard in every format, and a
whole export) must be byte-identical whatever ``NO_COLOR``, ``FORCE_COLOR``, ``TERM``
and ``COLUMNS`` say, whether stdout is a pipe or a terminal, and must hold no escape codes.
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from paths import ROLES
from test_robustness_support import available, run

ENVIRONMENTS: dict[str, dict[str, str]] = {
    "no-color": {"NO_COLOR": "1"},
    "force-color-0": {"FORCE_COLOR": "0"},
    "force-color-1": {"FORCE_COLOR": "1", "TERM": "xterm-256color"},
    "dumb": {"TERM": "dumb"},
    "narrow": {"COLUMNS": "20"},
    "all": {"NO_COLOR": "1", "FORCE_COLOR": "0", "TERM": "dumb", "COLUMNS": "20"},
}
DATE = ["--date", "2026-03-02"]
WORLD_ROLE = """\
id: world-role
title: 数据分析师 / محلل بيانات / Data Analyst 📊
summary: "Über *uns*: [bold]we[/bold] <b>write</b> e\u0301\u0301 | pipes | and `code` 招聘启事。"
responsibilities:
  primary:
    - 分析客户数据并撰写每周报告，与产品团队合作改进服务质量和响应速度。
    - تحليل البيانات وإعداد التقارير الأسبوعية للفريق
    - "Ship dashboards 🚀 with **care** & <script>alert(1)</script>"
skills:
  hard: [SQL, 统计分析, التحليل الإحصائي]
"""


def _roles(tmp_path: Path) -> list[Path]:
    world = tmp_path / "roles" / "world-role.yaml"
    world.parent.mkdir(parents=True, exist_ok=True)
    world.write_text(WORLD_ROLE, encoding="utf-8")
    return [ROLES / "mental-health-professional.yaml", world]


def _file_outputs(roles: list[Path], out: Path, env: dict[str, str | None]) -> dict[str, bytes]:
    """Every file hirecli writes for ``roles`` under ``env``, by relative path: a whole export in
    every format it has, and the plain-text documents (which export does not write)."""
    out.mkdir(parents=True)
    result = run(
        [
            "export",
            *map(str, roles),
            "--docx",
            "--md",
            "--html",
            "--json",
            "--jsonld",
            "-o",
            str(out / "export"),
            *DATE,
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    for role in roles:
        target = out / f"{role.stem}.posting.txt"
        assert run(["posting", str(role), "-o", str(target), *DATE], env=env).exit_code == 0
        if available("interview-kit"):
            target = out / f"{role.stem}.interview-kit.txt"
            assert run(["interview-kit", str(role), "-o", str(target)], env=env).exit_code == 0
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("env")
    roles = _roles(tmp)
    clear: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm", "COLUMNS": None}
    return roles, _file_outputs(roles, tmp / "default", clear)


def test_files_hold_no_escape_codes(baseline: tuple[list[Path], dict[str, bytes]]) -> None:
    _, files = baseline
    assert len(files) >= 12
    for name, data in files.items():
        for part, content in _parts(name, data):
            assert b"\x1b" not in content, f"{name} {part}"
        if "world-role" in name:
            assert any("数据分析师" in content.decode("utf-8") for _, content in _parts(name, data)), name


def _parts(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """A file's contents; for a Word document, each part of its zip package."""
    if not name.endswith(".docx"):
        return [("", data)]
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return [(member, docx.read(member)) for member in docx.namelist()]


@pytest.mark.parametrize("name", list(ENVIRONMENTS))
def test_files_are_the_same_in_every_environment(
    baseline: tuple[list[Path], dict[str, bytes]], tmp_path: Path, name: str
) -> None:
    roles, expected = baseline
    env: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm", "COLUMNS": None}
    env.update(ENVIRONMENTS[name])
    files = _file_outputs(roles, tmp_path / name, env)
    assert files.keys() == expected.keys()
    differ = [path for path in files if files[path] != expected[path]]
    assert differ == [], f"differ under {ENVIRONMENTS[name]}: {differ}"


def _pty_run(args: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run hirecli with stdout and stderr on a pseudo-terminal, as a user at a terminal would."""
    leader, follower = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "hirecli", *args],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=follower,
            cwd=cwd,
            env=env,
        )
        os.close(follower)
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
        return child.wait(timeout=300)
    finally:
        os.close(leader)


def test_files_written_from_a_terminal_match_those_written_from_a_pipe(
    baseline: tuple[list[Path], dict[str, bytes]], tmp_path: Path
) -> None:
    roles, expected = baseline
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "33"})
    out = tmp_path / "export"
    code = _pty_run(
        ["export", *map(str, roles), "--docx", "--md", "--html", "--json", "--jsonld", "-o", str(out), *DATE],
        tmp_path,
        env,
    )
    assert code == 0
    target = tmp_path / "posting.md"
    assert _pty_run(["posting", str(roles[1]), "-o", str(target), *DATE], tmp_path, env) == 0
    for path in sorted(out.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == expected[f"export/{path.relative_to(out)}"], path.name
    assert target.read_bytes() == expected["export/world-role/posting.md"]


def test_piped_stdout_is_the_same_in_every_environment(tmp_path: Path) -> None:
    role = _roles(tmp_path)[1]
    commands = [["posting", str(role), *DATE]] + [
        [c, str(role)] for c in ("interview-kit", "scorecard") if available(c)
    ]
    for args in commands:
        outputs = set()
        for extra in ({}, ENVIRONMENTS["all"], ENVIRONMENTS["force-color-1"]):
            env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
            env.update(extra)
            done = subprocess.run(
                [sys.executable, "-m", "hirecli", *args],
                capture_output=True,
                env=env,
                timeout=300,
                check=False,
            )
            assert done.returncode == 0, done.stderr
            assert b"\x1b" not in done.stdout
            outputs.add(done.stdout)
        assert len(outputs) == 1, f"hirecli {args[0]} prints different bytes in different environments"
