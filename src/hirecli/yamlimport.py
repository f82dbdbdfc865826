"""PyYAML, imported without compiling the one regular expression of it that hirecli never uses.

``import yaml`` compiles ``yaml.reader.Reader.NON_PRINTABLE``, a character class over all of
Unicode that only PyYAML's pure-Python reader uses. hirecli reads role files with libyaml
(``CParser``), which checks characters itself, yet compiling that pattern is more than half of
PyYAML's import and about a twelfth of everything a Typer command costs to start (PyYAML pull
requests 124 and 301 would remove it upstream). Importing :data:`yaml` from here imports PyYAML
with that pattern compiled on first use instead; if PyYAML is imported already, or its pattern
ever changes, nothing differs from a plain ``import yaml``.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""The pattern as ``yaml.reader`` writes it."""


class LazyPattern:
    """A regular expression compiled when it is first used."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def _import_yaml() -> ModuleType:
    found = sys.modules.get("yaml")
    if found is not None:
        return found
    compile_now = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if pattern == NON_PRINTABLE and not flags:
            return LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later
    try:
        import yaml as module
    finally:
        re.compile = compile_now
    return module


if TYPE_CHECKING:
    import yaml as yaml
else:
    yaml = _import_yaml()
