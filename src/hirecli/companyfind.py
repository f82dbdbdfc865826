"""Where the company profile of a role is found, and when a found one is not trusted.

A role uses the ``company.yaml`` next to it or in a parent folder, but only up to a
boundary, so that a profile someone left higher up (in ``/tmp``, in a shared home) is
never applied without a word:

- inside a git repository, the search stops at the repository's root;
- outside one, it stops at the folder given on the command line that holds the role
  (:func:`note_roots`), else at the current folder when the role is inside it, else at
  the role's own folder.

A profile found in a folder that anyone may write to, and owned by another user, is
passed over with a warning: pass it with ``--company`` to use it. The commands name the
profile they found on the terminal (:func:`describe`).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

COMPANY_FILE = "company.yaml"
REPOSITORY_MARKERS = (".git", ".hg", ".svn")
_roots: list[Path] = []
_warned: set[Path] = set()


def note_roots(paths: Iterable[str | Path]) -> None:
    """Remember the folders named on the command line: the search stops at the one holding a role."""
    for raw in paths:
        if str(raw) == "-":
            continue
        with contextlib.suppress(OSError, RuntimeError):
            folder = Path(raw).resolve()
            if folder.is_dir() and folder not in _roots:
                _roots.append(folder)


def reset() -> None:
    """Forget the folders of the previous command (tests run many commands in one process)."""
    _roots.clear()
    _warned.clear()


def _repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in REPOSITORY_MARKERS):
            return candidate
    return None


def boundary(folder: Path) -> Path:
    """The highest folder searched for a profile of a role in ``folder``."""
    root = _repository_root(folder)
    if root is not None:
        return root
    given = [r for r in _roots if folder.is_relative_to(r)]
    if given:
        return min(given, key=lambda r: len(r.parts))
    with contextlib.suppress(OSError):
        cwd = Path.cwd().resolve()
        if folder.is_relative_to(cwd):
            return cwd
    return folder


def untrusted(profile: Path) -> str | None:
    """Why a profile found on its own must not be used, or ``None``."""
    try:
        folder_mode = profile.parent.stat().st_mode
        owner = profile.stat().st_uid
    except OSError:
        return None
    getuid = getattr(os, "geteuid", None)
    if getuid is None:
        return None
    if folder_mode & stat.S_IWOTH and owner not in (getuid(), 0):
        return f"{profile.parent} can be written by anyone and {profile} belongs to another user"
    return None


def _warn(profile: Path, reason: str) -> None:
    if profile in _warned:
        return
    _warned.add(profile)
    from hirecli.termsafe import safe

    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(
            safe(f"warning: not using {profile}: {reason}; pass it with --company to use it") + "\n"
        )


def find_company(start: str | Path) -> Path | None:
    """``company.yaml`` next to ``start`` or in the nearest parent folder inside the boundary."""
    if str(start) == "-":
        start = Path.cwd() / "role.yaml"
    folder = Path(start).resolve()
    folder = folder if folder.is_dir() else folder.parent
    limit = boundary(folder)
    for candidate in (folder, *folder.parents):
        profile = candidate / COMPANY_FILE
        if profile.is_file():
            reason = untrusted(profile)
            if reason is None:
                return profile
            _warn(profile, reason)
        if candidate == limit or not candidate.is_relative_to(limit):
            break
    return None


def shown(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when inside it."""
    with contextlib.suppress(ValueError, OSError):
        return str(path.relative_to(Path.cwd().resolve()))
    return str(path)


def describe(role: str | Path, explicit: str | Path | None) -> str | None:
    """The line that names the profile a command uses for ``role`` (``None``: no profile)."""
    if explicit is not None:
        return f"company profile: {explicit} (--company)"
    found = find_company(role)
    return f"company profile: {shown(found)}" if found is not None else None


def announce(stderr: object, role: str | Path, explicit: str | Path | None, *, terminal: bool) -> None:
    """Name the company profile on ``stderr`` when a person is watching: on a terminal, or when
    the output is the terminal preview."""
    if not terminal:
        return
    line = describe(role, explicit)
    if line is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        stderr.write(line + "\n")  # type: ignore[attr-defined]
