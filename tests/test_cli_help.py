"""The group knows every command without importing its module, and lists them as Typer would."""

from __future__ import annotations

import re

import typer
from typer.testing import CliRunner

from hirecli.cli.commands import COMMANDS, CommandTable, command_infos, register
from hirecli.cli.main import app

HELP_ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def test_command_table_names_what_the_modules_register_in_their_order() -> None:
    scratch = typer.Typer()
    register(scratch)
    registered = [info.name for info in scratch.registered_commands]
    assert registered == list(COMMANDS)
    assert list(command_infos()) == list(COMMANDS)


def test_help_lists_every_command_in_order() -> None:
    result = CliRunner().invoke(app, ["--help"], env=HELP_ENV)
    assert result.exit_code == 0
    listed = re.findall(r"^│ ([a-z-]+) ", result.stdout.split("Commands")[1], flags=re.MULTILINE)
    assert listed == list(COMMANDS)


def test_a_mistyped_command_is_still_matched_to_the_right_one() -> None:
    result = CliRunner().invoke(app, ["postin"], env=HELP_ENV)
    assert result.exit_code == 2
    assert "Did you mean 'posting'?" in result.output


def test_command_table_lists_a_command_only_when_looked_up() -> None:
    made: list[str] = []

    def listed(name: str, info: object) -> str:
        made.append(name)
        return f"listed {name}"

    table = CommandTable({"extra": "given"}, listed)
    assert list(table) == [*COMMANDS, "extra"]
    assert len(table) == len(COMMANDS) + 1
    assert "posting" in table
    assert "nothing" not in table
    assert made == []
    assert table["scorecard"] == "listed scorecard"
    assert table.get("nothing") is None
    assert made == ["scorecard"]
    table["posting"] = "built"
    assert "posting" not in table.unbuilt
    assert "scorecard" in table.unbuilt
    del table["lint"]
    assert "lint" not in table
    assert list(table)[:2] == ["posting", "interview-kit"]
