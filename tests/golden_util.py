"""Golden-file comparison: ``UPDATE_GOLDEN=1 pytest`` rewrites the files, otherwise they must match."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest


def updating() -> bool:
    return os.environ.get("UPDATE_GOLDEN") == "1"


def assert_golden(path: Path, text: str) -> None:
    """Compare ``text`` with the golden file at ``path`` byte for byte, showing a diff if not."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"no golden file {path.name}; create it with UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            text.splitlines(keepends=True),
            f"golden/{path.name}",
            "rendered",
            n=2,
        )
        pytest.fail(
            "output differs from the golden file (UPDATE_GOLDEN=1 rewrites it):\n" + "".join(diff),
            pytrace=False,
        )
