"""Every command, the module that registers it, and the group's table of commands.

Command modules import only typer (and modules of their own that import only typer and
the standard library) at module level; the library they call is imported inside each
command, so ``hirecli --help`` stays as quick as Typer allows. Turning a function into a
Click command (Typer reads its signature and evaluates its annotations) costs about a
millisecond a command, so the app builds only the command being run, and imports only
that command's module: :class:`CommandTable` knows every name without importing anything
and lists a command from its docstring when it is looked up (see ``HirecliGroup``).
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Callable, Iterator, MutableMapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import typer

if TYPE_CHECKING:
    from collections.abc import Mapping

    from typer.models import CommandInfo

C = TypeVar("C")
F = TypeVar("F", bound=Callable[..., Any])

COMMANDS = {
    "posting": "posting_cmd",
    "interview-kit": "kit_cmd",
    "scorecard": "kit_cmd",
    "export": "export_cmd",
    "lint": "lint_cmd",
    "diff": "diff_cmd",
    "validate": "roles_cmd",
    "list": "roles_cmd",
    "new": "roles_cmd",
    "schema": "roles_cmd",
    "import": "import_cmd",
    "competencies": "library_cmd",
}
"""Every command and the module (in ``hirecli.cli``) that registers it, in ``--help`` order."""
MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def resolved(func: F) -> F:
    """``func`` with its annotations evaluated once.

    Command modules write annotations as text (``from __future__ import annotations``), which
    keeps their import cheap; Typer reads a command's annotations four times while it builds
    the command (``inspect.signature`` and ``get_type_hints``, twice each) and compiles and
    evaluates every one each time: about 3 ms for the fifteen options of ``posting``.
    """
    func.__annotations__ = typing.get_type_hints(func, include_extras=True)
    return func


def register(app: typer.Typer) -> None:
    """Register every command of every module on ``app``."""
    for name in MODULES:
        importlib.import_module(f"hirecli.cli.{name}").register(app)


@cache
def module_infos(module: str) -> Mapping[str, CommandInfo]:
    """The registrations of one command module by command name, before Typer builds them."""
    scratch = typer.Typer()
    importlib.import_module(f"hirecli.cli.{module}").register(scratch)
    found: dict[str, CommandInfo] = {}
    for info in scratch.registered_commands:
        name = info.name or getattr(info.callback, "__name__", "").lower().replace("_", "-")
        found[name] = info
    return MappingProxyType(found)


def command_info(name: str) -> CommandInfo:
    return module_infos(COMMANDS[name])[name]


def command_infos() -> Mapping[str, CommandInfo]:
    """Each command's registration by name, in ``--help`` order (imports every command module)."""
    return MappingProxyType({name: command_info(name) for name in COMMANDS})


class CommandTable(MutableMapping[str, C]):
    """A group's commands by name. Every command of :data:`COMMANDS` is there from the start,
    made by ``listed`` from its registration when it is first looked up; iterating over the
    names imports nothing, so a run imports only the module of the command it runs."""

    def __init__(self, given: Mapping[str, C], listed: Callable[[str, CommandInfo], C]) -> None:
        self._made = dict(given)
        self._listed = listed
        self.unbuilt = {name for name in COMMANDS if name not in self._made}
        """Commands that are only listed: the group builds one when it is run."""

    def __getitem__(self, name: str) -> C:
        if name not in self._made:
            if name not in COMMANDS:
                raise KeyError(name)
            self._made[name] = self._listed(name, command_info(name))
        return self._made[name]

    def __setitem__(self, name: str, command: C) -> None:
        self._made[name] = command
        self.unbuilt.discard(name)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._made.pop(name, None)
        self.unbuilt.discard(name)

    def __contains__(self, name: object) -> bool:
        return name in self._made or name in self.unbuilt

    def __iter__(self) -> Iterator[str]:
        return iter([*(n for n in COMMANDS if n in self), *(n for n in self._made if n not in COMMANDS)])

    def __len__(self) -> int:
        return len(list(iter(self)))
