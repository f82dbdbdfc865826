"""Regenerate the README's command reference from the CLI's own --help texts.

Run ``python scripts/update_readme.py`` after changing a command; ``--check`` exits 1
when the README is out of step (the test suite runs the same check).
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from hirecli.cli.main import app

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- commands:start -->"
END = "<!-- commands:end -->"
HELP_ENV = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1", "TERM": "dumb"}


def _help(args: list[str]) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env=HELP_ENV)
    if result.exit_code != 0:
        raise SystemExit(f"hirecli {' '.join(args)} --help failed: {result.output}")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    return "\n".join(lines).strip("\n")


def command_names() -> list[str]:
    group = get_command(app)
    return list(getattr(group, "commands", {}))


def reference() -> str:
    parts = [START, "", "### hirecli", "", "```text", _help([]), "```"]
    for name in command_names():
        parts += ["", f"### hirecli {name}", "", "```text", _help([name]), "```"]
    parts += ["", END]
    return "\n".join(parts)


def updated(text: str) -> str:
    head, start, rest = text.partition(START)
    if not start:
        raise SystemExit(f"README.md has no {START} marker")
    _, end, tail = rest.partition(END)
    if not end:
        raise SystemExit(f"README.md has no {END} marker")
    return head + reference() + tail


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = updated(current)
    if "--check" in argv:
        if fresh != current:
            print("README.md command reference is out of date: run python scripts/update_readme.py")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
