"""PyYAML, imported without compiling regular expressions before they are first used.

``import yaml`` compiles about a dozen patterns: ``yaml.reader.Reader.NON_PRINTABLE``, a
character class over all of Unicode that only PyYAML's pure-Python reader uses, the implicit
resolvers' patterns (booleans, numbers, dates...) and the constructor's timestamp pattern.
hirecli reads role files with libyaml (``CParser``) and types their values itself, so most of
these are never used, yet compiling them is most of PyYAML's import (PyYAML pull requests 124
and 301 would remove the largest upstream). Importing :data:`yaml` from here imports PyYAML
with each pattern compiled on first use instead; if PyYAML is imported already, nothing
differs from a plain ``import yaml``.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any


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
        # only PyYAML's own patterns: a module it happens to import first gets a real one
        if str(sys._getframe(1).f_globals.get("__name__", "")).startswith("yaml."):
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
