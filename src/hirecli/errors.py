"""One exception hierarchy and the exit codes it maps to.

Every failure a user can cause is a :class:`HirecliError`; the CLI turns it into a
one-line message and its exit code in one place (``hirecli.cli.main``).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Documented exit codes of every hirecli command."""

    OK = 0
    INVALID = 1
    """Invalid input data, or findings at or above the failing level."""
    USAGE = 2
    """Usage error: unknown option or format, missing, unreadable or unwritable file,
    a file that would be overwritten without ``--force``."""
    INTERRUPTED = 130
    """Interrupted by Ctrl-C (SIGINT), or stopped by SIGTERM or SIGHUP."""


class Problem(NamedTuple):
    """One problem in one input file, at a 1-based line and column (a named tuple: every
    command imports this module, and a dataclass costs more to define)."""

    file: str
    line: int
    column: int
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        from hirecli.termsafe import safe

        return safe(f"{self.file}:{self.line}:{self.column}: {self.message}")

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


class HirecliError(Exception):
    """Base of every error hirecli reports to a user."""

    exit_code: ExitCode = ExitCode.INVALID

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(HirecliError):
    """The command was called wrongly, or a file could not be read or written."""

    exit_code = ExitCode.USAGE


class InputFileError(UsageError):
    """An input file is missing, unreadable, a folder, or too large."""


class OutputError(UsageError):
    """An output could not be written (exists without --force, read-only, outside OUTDIR)."""


class UnknownFormatError(UsageError):
    """A format, channel, stage or other named choice does not exist."""

    def __init__(self, kind: str, name: str, known: Sequence[str]) -> None:
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(known)}")
        self.known = tuple(known)


class InvalidInputError(HirecliError):
    """Input data is wrong: a role, company profile, template or document."""

    exit_code = ExitCode.INVALID


class ValidationFailed(InvalidInputError):
    """A file failed validation; carries every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid input"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more else ""))


class TemplateError(InvalidInputError):
    """A user template failed to compile or render."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop and clean up exactly as Ctrl-C does (exit code 130)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        import signal

        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"
