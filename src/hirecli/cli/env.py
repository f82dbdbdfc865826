"""The streams a command talks to, passed in so that tests can fake a terminal."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, BinaryIO, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Env:
    """Standard input, output and error, and whether each output is a terminal."""

    def __init__(
        self, stdin: BinaryIO, stdout: TextIO, stderr: TextIO, stdout_isatty: bool, stderr_isatty: bool
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty

    @classmethod
    def current(cls) -> Env:
        """The process's streams as they are now (CliRunner swaps them per call).

        Messages written to ``stderr`` quote values and file names from files; every
        control character or bidi override in them is shown as an escape
        (:mod:`hirecli.termsafe`), never passed to the terminal.
        """
        from hirecli.termsafe import SafeStream

        stdin = cast(BinaryIO, getattr(sys.stdin, "buffer", sys.stdin))
        stderr = cast(TextIO, SafeStream(sys.stderr))
        return cls(stdin, sys.stdout, stderr, _isatty(sys.stdout), _isatty(sys.stderr))

    def console(self, *, stderr: bool = False) -> Console:
        """A rich console on stdout or stderr that follows NO_COLOR and the terminal's width."""
        from rich.console import Console

        from hirecli.termsafe import raw_stream

        stream = raw_stream(self.stderr) if stderr else self.stdout
        tty = self.stderr_isatty if stderr else self.stdout_isatty
        return Console(
            file=stream,
            force_terminal=tty,
            no_color="NO_COLOR" in os.environ,
            highlight=False,
            soft_wrap=not tty,
            emoji=False,
        )

    def write_bytes(self, data: bytes) -> None:
        buffer = getattr(self.stdout, "buffer", None)
        if buffer is None:
            self.stdout.write(data.decode("utf-8"))
        else:
            self.stdout.flush()
            buffer.write(data)
            buffer.flush()
