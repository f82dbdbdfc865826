"""Every command module, in the order ``--help`` lists them.

Command modules import only typer at module level; the library they call is
imported inside each command, so ``hirecli --help`` stays as quick as Typer allows.
Turning a function into a Click command (Typer reads its signature and evaluates its
annotations) costs about a millisecond a command, so the app builds only the command
being run and lists the others from their docstrings (see ``HirecliGroup``).
"""

from __future__ import annotations

import importlib
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from collections.abc import Mapping

    from typer.models import CommandInfo

MODULES = (
    "posting_cmd",
    "kit_cmd",
    "export_cmd",
    "lint_cmd",
    "diff_cmd",
    "roles_cmd",
    "import_cmd",
    "library_cmd",
)


def register(app: typer.Typer) -> None:
    """Register every command of every module on ``app``."""
    for name in MODULES:
        importlib.import_module(f"hirecli.cli.{name}").register(app)


@cache
def command_infos() -> Mapping[str, CommandInfo]:
    """Each command's registration by name, in ``--help`` order, before Typer builds it."""
    scratch = typer.Typer()
    register(scratch)
    found: dict[str, CommandInfo] = {}
    for info in scratch.registered_commands:
        name = info.name or getattr(info.callback, "__name__", "").lower().replace("_", "-")
        found[name] = info
    return MappingProxyType(found)
