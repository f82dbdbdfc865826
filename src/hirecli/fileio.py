"""Writing files safely: atomically, and never over a user's file without ``force``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hirecli.errors import OutputError

TEMP_PREFIX = ".hirecli-"


def refuse_existing(paths: Iterable[Path], *, force: bool) -> None:
    """Stop before writing anything when any target exists and ``force`` is off."""
    if force:
        return
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        shown = ", ".join(existing[:5]) + (f" and {len(existing) - 5} more" if len(existing) > 5 else "")
        raise OutputError(f"would overwrite {shown}; use --force to replace")


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync and rename.

    An interrupted write leaves the old file as it was and no temp file behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    refuse_existing([path], force=force)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
