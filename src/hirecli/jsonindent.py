"""``json.dumps(value, indent=2, ensure_ascii=False)``, byte for byte, several times faster.

With ``indent`` set, Python's ``json`` leaves its C encoder for a pure-Python one that
yields every token through nested generators; the document trees an export writes as
JSON spent most of their time there. This walks the tree once, appending to a list, and
leaves strings and numbers to the same functions ``json`` uses. Anything it does not
know (a key that is not a string, a type ``json`` would reject) is left to ``json``
itself, so the text is always what ``json.dumps`` gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring


class _Unusual(Exception):
    """A value the fast path leaves to ``json``."""


def dumps(value: object) -> str:
    """``value`` as JSON indented by two spaces, with non-ASCII text as it is."""
    out: list[str] = []
    try:
        _emit(value, "\n", out.append)
    except (_Unusual, RecursionError):  # json says what is wrong, as it always has
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def _emit(value: object, indent: str, write: Callable[[str], object]) -> None:
    if isinstance(value, str):
        write(encode_basestring(value))
    elif value is None:
        write("null")
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif isinstance(value, int | float):
        write(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            write("{}")
            return
        inner = indent + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            write(separator + encode_basestring(key) + ": ")
            _emit(item, inner, write)
            separator = "," + inner
        write(indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            write("[]")
            return
        inner = indent + "  "
        separator = "[" + inner
        for item in value:
            write(separator)
            _emit(item, inner, write)
            separator = "," + inner
        write(indent + "]")
    else:
        raise _Unusual
