"""What every command run needs before it starts and after it fails: sane streams and signals.

- Standard streams that were closed when hirecli started (``>&-``) are pointed at the
  null device, so nothing fails on writing and no file hirecli opens later can take
  their place.
- ``COLUMNS`` or ``LINES`` that are not a positive number are ignored: a width of 0
  would make every table and panel print nothing.
- SIGTERM and SIGHUP stop a command exactly as Ctrl-C does (:class:`Interrupted` is a
  ``KeyboardInterrupt``): temporary files are removed, worker processes are stopped,
  and the exit code is 130.
- A reader that goes away (``| head``) ends the command quietly with exit code 0; a
  full disk or another failure to write standard output is one clear line and exit
  code 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from typing import Any

from hirecli.errors import ExitCode, Interrupted

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
"""Signals that stop a command as Ctrl-C does."""
_MIN_COLUMNS = 20
_MAX_COLUMNS = 1000


def open_standard_fds() -> None:
    """Point standard streams that are closed at the null device (``hirecli ... >&-``)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                null = os.open(os.devnull, os.O_RDWR)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def sane_terminal_size() -> None:
    """Drop ``COLUMNS`` and ``LINES`` when they are not positive numbers; bring a width below 20 or
    above 1,000 within them (a rule drawn 10**20 characters wide would exhaust memory)."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is None:
            continue
        text = value.strip()
        if not text.isascii() or not text.isdigit() or len(text) > 9 or int(text) <= 0:
            del os.environ[name]
        elif name == "COLUMNS" and not _MIN_COLUMNS <= int(text) <= _MAX_COLUMNS:
            os.environ[name] = str(min(max(int(text), _MIN_COLUMNS), _MAX_COLUMNS))


def _stop(signum: int, frame: Any) -> None:
    raise Interrupted(signum)


def install_stop_signals() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread; the old handlers."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for signum in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            old = signal.getsignal(signum)
            if old is signal.SIG_IGN:  # nohup: the user asked for the command to live on
                continue
            previous[signum] = signal.signal(signum, _stop)
    return previous


def restore_signals(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        with contextlib.suppress(OSError, ValueError, TypeError):
            signal.signal(signum, handler)


def silence_stdout() -> None:
    """Send what is left of standard output to the null device, so that the last flush
    (and Python's own at exit) cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


_QUIET = (errno.EPIPE, errno.ECONNRESET, errno.EBADF)
"""Standard output gone: its reader stopped (``| head``) or it was closed."""
_WRITE_FAILURES = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS", "EAGAIN", "ENXIO")
    if hasattr(errno, name)
)
"""Standard output there but not taking what is written: a full disk, a device that refuses."""


def output_failure(exc: BaseException) -> tuple[int, str | None] | None:
    """The exit code and message for a failure to write standard output, else ``None``.

    A reader that went away ends quietly (0); anything else, such as a full disk, is a
    usage error (2) with one line that says what happened.
    """
    if isinstance(exc, SystemExit) and isinstance(exc.__context__, BrokenPipeError):
        exc = exc.__context__  # rich's console turns a broken pipe into SystemExit(1)
    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno in _QUIET):
        silence_stdout()
        return ExitCode.OK, None
    if isinstance(exc, OSError) and exc.errno in _WRITE_FAILURES:
        silence_stdout()
        reason = exc.strerror or os.strerror(exc.errno or 0)
        return ExitCode.USAGE, f"cannot write the output ({reason})"
    return None
