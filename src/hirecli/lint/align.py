"""Placing the text of a YAML value back onto the lines and columns it was written on.

The loader knows where each value starts; this module follows a value's text along
the source lines (a plain or quoted scalar from its first character, a ``|`` or ``>``
block from the line after the indicator) so that a word inside a long, folded
summary points at its own line, not at the line of ``summary:``.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirecli.lint.model import Anchor, Locator


def _pieces(lines: list[str], line: int, column: int) -> Iterator[tuple[int, int, str]]:
    """(line, 0-based column, text) of the source lines a value may span, in order."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    start = column - 1
    head = here[start : start + 1]
    if head not in ("|", ">"):
        if head in ("'", '"'):
            start += 1
        yield line, start, here[start:].rstrip()
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1]
        stripped = text.strip()
        if stripped:
            yield number, len(text) - len(text.lstrip()), stripped


def _common(a: str, b: str, b_start: int) -> int:
    count = 0
    limit = min(len(a), len(b) - b_start)
    while count < limit and a[count] == b[b_start + count]:
        count += 1
    return count


def align(text: str, lines: list[str], line: int, column: int) -> Locator:
    """A locator for ``text``, a value that the loader placed at ``line``:``column``."""
    anchors: list[Anchor] = []
    offset = 0
    for number, start, piece in _pieces(lines, line, column):
        while offset < len(text) and text[offset].isspace():
            offset += 1
        if offset >= len(text):
            break
        same = _common(piece, text, offset)
        if same == 0:
            break
        anchors.append(Anchor(offset, number, start + 1))
        offset += same
        if same < len(piece):
            break
    if not anchors:
        return Locator.at(line, column, exact=False)
    return Locator(tuple(anchors), offset if offset < len(text.rstrip()) else 1 << 30)
