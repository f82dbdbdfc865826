"""Writing files safely: atomically, and never over a user's file without ``force``.

What a path names decides how it is written:

- a regular file, or nothing yet: a temporary file in the same folder, flushed to disk
  and renamed into place, so an interrupted write leaves the old file as it was;
- a symbolic link: the file it leads to is written as above, and the link stays;
- a character device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO): written into,
  as a shell's ``>`` would; nothing is replaced;
- a folder, a block device or a socket: refused.

:func:`check_targets` checks every output of a command before the first is written:
what is in the way, whether its folder can be written, and whether the disk has room.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hirecli.errors import OutputError

TEMP_PREFIX = ".hirecli-"
_MAX_LINKS = 40


def _shown(paths: list[str], count: int) -> str:
    """The first five of ``count`` paths."""
    return ", ".join(paths[:5]) + (f" and {count - 5} more" if count > 5 else "")


def _mode(path: Path) -> int | None:
    """``lstat``'s mode of ``path``, or ``None`` when nothing is there; for a link that
    :func:`final_target` leaves unresolved (``/dev/stdout`` on a pipe), what it opens."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            with contextlib.suppress(OSError):
                return os.stat(path).st_mode
        return mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def final_target(path: Path) -> Path:
    """Where writing ``path`` really writes: the end of its chain of symbolic links."""
    current = path
    for _ in range(_MAX_LINKS):
        try:
            mode: int | None = os.lstat(current).st_mode
        except OSError:
            mode = None
        if mode is None or not stat.S_ISLNK(mode):
            return current
        link = Path(os.readlink(current))
        following = link if link.is_absolute() else current.parent / link
        if not os.path.lexists(following) and _streams_into(_mode(current)):
            return current  # a /proc link to a pipe or terminal ("pipe:[123]"): opened, not followed
        current = following
    raise OutputError(f"{path}: too many levels of symbolic links")


def _streams_into(mode: int | None) -> bool:
    """A character device or a pipe: written into, never replaced."""
    return mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode))


def _refusal(path: Path, target: Path, mode: int | None) -> str | None:
    """Why ``path`` can never be written, or ``None``."""
    if mode is None:
        return None
    via = f" (through the link {path})" if target != path else ""
    if stat.S_ISDIR(mode):
        return f"{target}{via}: is a folder; choose a file name"
    if stat.S_ISBLK(mode):
        return f"{target}{via}: is a block device; hirecli does not write to devices like that"
    if stat.S_ISSOCK(mode):
        return f"{target}{via}: is a socket, not a file"
    return None


def _in_the_way(path: Path, *, force: bool) -> tuple[Path, int | None, bool]:
    """Where writing ``path`` writes, what is there, and whether that is a file only ``force``
    may replace; raise for what can never be written."""
    target = final_target(path)
    mode = _mode(target)
    refusal = _refusal(path, target, mode)
    if refusal is not None:
        raise OutputError(refusal)
    existing = not force and not _streams_into(mode) and (mode is not None or _mode(path) is not None)
    return target, mode, existing


def _overwrite(existing: list[str], count: int) -> OutputError:
    return OutputError(f"would overwrite {_shown(existing, count)}; use --force to replace")


def refuse_existing(paths: Iterable[Path], *, force: bool) -> None:
    """Stop before writing anything when any target exists and ``force`` is off.

    A device or pipe is written into rather than replaced, so it needs no ``force``;
    a dangling symbolic link counts as existing (writing it would create its target).
    """
    existing = [str(path) for path in paths if _in_the_way(Path(path), force=force)[2]]
    if existing:
        raise _overwrite(existing, len(existing))


def _nearest_folder(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (``path``'s own folder once it is made)."""
    folder = path.parent
    while True:
        mode = _mode(folder)
        if mode is not None:
            return folder
        if folder.parent == folder:
            return folder
        folder = folder.parent


def check_targets(paths: Iterable[Path], *, force: bool, estimate: int = 0) -> None:
    """Check every output before the first is written; raise :class:`OutputError` naming each
    problem: a file in the way without ``force``, a folder or device in the way, a file where
    a folder must be, a folder that cannot be written, and a disk without room for about
    ``estimate`` bytes."""
    shown: list[str] = []
    count = 0
    parents: dict[Path, Path] = {}
    for raw in paths:  # one path at a time: a batch of any size is checked in little memory
        path = Path(raw)
        target, mode, existing = _in_the_way(path, force=force)
        if existing:
            count += 1
            if len(shown) < 5:
                shown.append(str(path))
        if not _streams_into(mode):
            parents.setdefault(target.parent, target)
    if count:
        raise _overwrite(shown, count)
    problems: list[str] = []
    folders: dict[Path, Path] = {}
    for target in parents.values():
        folders.setdefault(_nearest_folder(target), target)
    for folder, target in folders.items():
        mode = _mode(folder)
        if mode is not None and not stat.S_ISDIR(mode):
            problems.append(f"{target}: cannot be written, {folder} is a file and not a folder")
        elif not os.access(folder, os.W_OK | os.X_OK):
            problems.append(f"{target}: cannot write into {folder} (permission denied)")
    if problems:
        raise OutputError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    if estimate > 0 and folders:
        _check_space(next(iter(folders)), estimate)


def _check_space(folder: Path, estimate: int) -> None:
    try:
        fs = os.statvfs(folder)
    except (OSError, AttributeError):
        return
    free = fs.f_bavail * fs.f_frsize
    if free < estimate:
        raise OutputError(
            f"{folder}: not enough free space (about {_size(estimate)} needed, {_size(free)} free)"
        )


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{count / 1024:.0f} KB"


def _stream_into(target: Path, payload: bytes, shown: Path) -> None:
    """Write into a character device or pipe as it is."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync and rename.

    An interrupted write leaves the old file as it was and no temp file behind. A symbolic
    link is written through (the file it leads to is replaced, the link stays); a device
    or pipe is written into.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    refuse_existing([path], force=force)
    target = final_target(path)
    mode = _mode(target)
    if _streams_into(mode):
        _stream_into(target, payload, path)
        return
    folder = target.parent
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
        os.chmod(tmp, stat.S_IMODE(mode) & 0o777 if mode is not None and stat.S_ISREG(mode) else 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
