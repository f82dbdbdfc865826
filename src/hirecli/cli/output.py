"""Where a command's result goes: stdout, or a file written safely."""

from __future__ import annotations

from pathlib import Path

from hirecli.cli.env import Env
from hirecli.fileio import write_atomic


def emit(data: str | bytes, output: str | None, *, force: bool, env: Env) -> None:
    """Send ``data`` to ``output`` (``None`` or ``-`` is stdout)."""
    if output in (None, "-"):
        if isinstance(data, bytes):
            env.write_bytes(data)
        else:
            env.stdout.write(data)
            env.stdout.flush()
        return
    write_atomic(Path(output), data, force=force)
