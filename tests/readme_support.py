"""What the README claims tests share: the README's text, and the sentences they quote from it.

This module holds no tests. A claims test names the README sentence it checks in its
docstring, as ``README: "..."``; :func:`unquoted` lists every test that quotes nothing, or
quotes words the README does not hold (any more), so README and tests change together.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from paths import ROOT

README = ROOT / "README.md"
HIRECLI = [sys.executable, "-m", "hirecli"]
_QUOTE = re.compile(r'README: "(.+?)"', re.S)


def flat(text: str) -> str:
    """``text`` with every run of white space as one space, as Markdown reads it."""
    return " ".join(text.split())


def readme() -> str:
    return flat(README.read_text(encoding="utf-8"))


def unquoted(namespace: Mapping[str, Any]) -> list[str]:
    """Tests in ``namespace`` that name no README sentence, or one the README does not hold."""
    text = readme()
    problems = []
    for name, test in namespace.items():
        if not name.startswith("test_") or not callable(test):
            continue
        quotes = [flat(q) for q in _QUOTE.findall(test.__doc__ or "")]
        if not quotes and not getattr(test, "meta", False):
            problems.append(f"{name}: its docstring quotes no README sentence")
        problems += [f"{name}: the README does not say {q!r}" for q in quotes if q not in text]
    return problems


def missing_pointers(pointers: Mapping[str, str | tuple[str, ...]]) -> list[str]:
    """Sentences of ``pointers`` the README does not hold, and ``tests/x.py::test_y`` that do not exist."""
    text = readme()
    problems = [f"the README does not say {said!r}" for said in pointers if flat(said) not in text]
    for value in pointers.values():
        for where in (value,) if isinstance(value, str) else value:
            path, _, test = where.partition("::")
            source = (ROOT / path).read_text(encoding="utf-8") if (ROOT / path).is_file() else ""
            if not re.search(rf"^def {re.escape(test)}\(", source, re.M):
                problems.append(f"{where} does not exist")
    return problems


def meta(test: Any) -> Any:
    """Mark a test that checks the claims tests themselves, and so quotes nothing."""
    test.meta = True
    return test


def role(folder: Path, text: str, name: str = "role.yaml") -> Path:
    """A role file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
