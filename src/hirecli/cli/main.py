"""The ``hirecli`` application and the one place where errors become exit codes."""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import MarkupMode, TyperCommand, TyperGroup
from typer.main import get_command_from_info

from hirecli.__about__ import __version__
from hirecli.cli.commands import CommandTable, command_info, resolved
from hirecli.cli.guard import (
    install_stop_signals,
    open_standard_fds,
    output_failure,
    restore_signals,
    sane_terminal_size,
)
from hirecli.errors import ExitCode, HirecliError, Interrupted, ValidationFailed

try:  # newer Typer releases carry their own copy of Click
    from typer import _click as click
except ImportError:  # pragma: no cover - older Typer depends on Click itself
    import click  # type: ignore[no-redef,import-not-found,unused-ignore]

if TYPE_CHECKING:
    from typer.models import CommandInfo

TRACEBACK_ENV = "HIRECLI_TRACEBACK"
_EXITS = (typer.Exit, getattr(click.exceptions, "Exit", typer.Exit))
_ABORTS = (typer.Abort, getattr(click.exceptions, "Abort", typer.Abort), KeyboardInterrupt)


def _say(message: str) -> None:
    from hirecli.termsafe import safe

    try:
        sys.stderr.write(safe(message.rstrip("\n")) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _interruption(exc: BaseException) -> KeyboardInterrupt | None:
    """Ctrl-C (or SIGTERM) that surfaced as another error while a file was being closed
    (zipfile raises ValueError when it is interrupted between opening and closing a member)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__context__
    return None


def exit_code_for(exc: BaseException, *, traceback: bool = False) -> int:
    """Report ``exc`` on stderr in one line (a line per problem) and return its exit code."""
    if not isinstance(exc, HirecliError | KeyboardInterrupt):
        exc = _interruption(exc) or exc
    failed_output = output_failure(exc)
    if failed_output is not None:
        code, message = failed_output
        if message:
            _say(f"error: {message}")
        return code
    if isinstance(exc, ValidationFailed):
        for problem in exc.problems:
            _say(str(problem))
        return exc.exit_code
    if isinstance(exc, HirecliError):
        _say(f"error: {exc.message}")
        return exc.exit_code
    if isinstance(exc, _EXITS):
        return int(exc.exit_code)
    if isinstance(exc, click.ClickException):
        from hirecli.termsafe import safe

        exc.message = safe(exc.message)
        exc.show(file=sys.stderr)
        return ExitCode.USAGE if exc.exit_code == 2 else exc.exit_code
    if isinstance(exc, Interrupted):
        _say(f"interrupted ({exc.name})")
        return ExitCode.INTERRUPTED
    if isinstance(exc, _ABORTS):
        _say("interrupted")
        return ExitCode.INTERRUPTED
    if isinstance(exc, MemoryError):
        _say("error: out of memory")
        return ExitCode.INVALID
    if traceback:
        raise exc
    _say(
        f"internal error: {type(exc).__name__}: {exc} (rerun with --traceback to see where; please report it)"
    )
    return ExitCode.INVALID


def _tolerant_streams() -> None:
    """File names that are not UTF-8 reach us as lone surrogates; print them as best we
    can instead of failing with UnicodeEncodeError in the middle of a report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


class HirecliGroup(TyperGroup):
    """Runs commands in non-standalone mode so that every error passes through one mapping.

    Commands are built when they are run: ``--help`` lists each from its docstring, and
    ``resolve_command`` builds only the one the command line names, after importing only
    its module (:class:`~hirecli.cli.commands.CommandTable`). This keeps the other command
    modules and Typer's signature reading for their commands out of every start-up.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        markup = self.rich_markup_mode
        self.table = CommandTable(self.commands, lambda name, info: _listed(name, info, markup))
        self.commands = self.table

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None and name in self.table.unbuilt:
            info = command_info(name)
            if info.callback is not None:
                resolved(info.callback)
            command = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
            )
            self.commands[name] = command
        return name, command, rest

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        companyfind = sys.modules.get("hirecli.companyfind")
        if companyfind is not None:  # what the previous command in this process found
            companyfind.reset()
        open_standard_fds()
        sane_terminal_size()
        _tolerant_streams()
        traceback = "--traceback" in argv or os.environ.get(TRACEBACK_ENV, "") not in ("", "0")
        previous = install_stop_signals()
        try:
            try:
                result = super().main(argv, prog_name or "hirecli", complete_var, False, **extra)
                code = result if isinstance(result, int) else ExitCode.OK
                if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C in a command into Exit(130)
                    _say("interrupted")
            except BaseException as exc:
                if isinstance(exc, SystemExit) and output_failure(exc) is None:
                    raise
                code = exit_code_for(exc, traceback=traceback)
            code = _flush_stdout(code)
        except Interrupted as exc:  # a signal while the error was being reported
            code = exit_code_for(exc)
        finally:
            restore_signals(previous)
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


def _flush_stdout(code: int) -> int:
    """Flush standard output; a reader gone is quiet, a full disk an error (exit 2)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        failed = output_failure(exc)
        if failed is not None:
            new_code, message = failed
            if message and code == ExitCode.OK:
                _say(f"error: {message}")
            return new_code if code == ExitCode.OK else code
    return code


def _listed(name: str, info: CommandInfo, markup: MarkupMode) -> TyperCommand:
    """A command as ``--help`` lists it: name and help text, without parameters."""
    text = inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
    return TyperCommand(
        name,
        help=text,
        short_help=info.short_help,
        hidden=info.hidden,
        deprecated=info.deprecated,
        rich_markup_mode=markup,
        rich_help_panel=info.rich_help_panel,
    )


app = typer.Typer(
    name="hirecli",
    cls=HirecliGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hirecli {__version__}")
        raise typer.Exit()


@app.callback()
@resolved
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    traceback: Annotated[
        bool,
        typer.Option(
            "--traceback", help=f"Show Python tracebacks of internal errors (or set {TRACEBACK_ENV}=1)."
        ),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print a long preview straight to the terminal instead of through a pager (PAGER, or less).",
        ),
    ] = False,
) -> None:
    """Job postings, structured interview kits and scorecards from role files kept in git.

    Exit codes: 0 success; 1 invalid input or findings at the failing level; 2 usage error
    (unknown option, missing or unwritable file); 130 interrupted.
    """
    terminal = sys.modules.get("hirecli.writers.terminal")
    if no_pager and terminal is None:
        import importlib

        terminal = importlib.import_module("hirecli.writers.terminal")
    if terminal is not None:
        setattr(terminal, "PAGING", not no_pager)  # noqa: B010 - set on the module, which stays lazy


def main() -> None:
    """Console-script entry point."""
    app()
