"""Placing text a reader cleaned (markup removed, entities decoded) back on its source.

Readers hand out text without markup, but a consumer that points at a word (the
linter) needs the word's line and column as written. :func:`align` walks the clean
text along the raw source, stepping over what was removed (``**``, a link's target,
a backslash) and reading a character reference (``&amp;``, ``&#8217;``) as the
characters it stands for. It runs in linear time: a character that cannot be found
close ahead is placed where the walk stands, and the walk goes on.
"""

from __future__ import annotations

import bisect
import html
import re

from hirecli.readers.model import Piece

_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?")
_LOOKAHEAD = 256
"""How far ahead a character is looked for: beyond a link's target, not across a page."""


def _reference(raw: str, j: int, text: str, i: int) -> int:
    """The end of a character reference at ``raw[j]`` that reads as ``text[i:]``, else -1."""
    found = _REFERENCE.match(raw, j)
    if found is None or text.startswith(found.group(), i):  # kept as written (a code span)
        return -1
    meant = html.unescape(found.group())
    return found.end() if meant and meant != found.group() and text.startswith(meant, i) else -1


def align(text: str, raw: str, start: int = 0) -> list[tuple[int, int]]:
    """Runs of ``text`` laid on ``raw`` from index ``start``: (offset in text, index in raw),
    one pair wherever the two stop running side by side, and after every line break."""
    if raw.startswith(text, start):  # nothing removed: the usual case
        breaks = [i + 1 for i, char in enumerate(text) if char == "\n" and i + 1 < len(text)]
        return [(0, start), *((i, start + i) for i in breaks)] if text else []
    runs: list[tuple[int, int]] = []
    i, j, size, length = 0, start, len(raw), len(text)
    broken = False
    while i < length:
        char = text[i]
        at, width, used = -1, 1, 1
        if j < size and raw[j] == "&":
            end = _reference(raw, j, text, i)
            if end > 0:
                at, width, used = j, end - j, len(html.unescape(raw[j:end]))
        if at < 0:
            at = _find(raw, j, char)
        if at < 0:  # not in the source nearby (a character the reader added): keep the place
            at, width = min(j, max(size - 1, 0)), 0
        if broken or not runs or at != runs[-1][1] + (i - runs[-1][0]):
            runs.append((i, at))
        broken = "\n" in raw[at : at + width]
        i += used
        j = at + width
        if char.isspace():  # one space in the text stands for a run of them in the source
            while j < size and raw[j].isspace() and not (i < length and text[i] == raw[j]):
                broken = broken or raw[j] == "\n"
                j += 1
    return runs


def _find(raw: str, j: int, char: str) -> int:
    """Where ``char`` stands in ``raw`` a little way from ``j``; a space only right there (a
    space the reader put between two pieces of text stands nowhere in the source)."""
    if char.isspace():
        return j if j < len(raw) and raw[j].isspace() else -1
    return raw.find(char, j, j + _LOOKAHEAD)


class Lines:
    """Line starts of a text, to turn an index into a 1-based line and column."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts += [index + 1 for index, char in enumerate(text) if char == "\n"]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def index(self, line: int, column: int) -> int:
        """The index of 1-based ``line``:``column`` (``column`` as a parser counts it, from 0)."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1] + column


def pieces(runs: list[tuple[int, int]], lines: Lines, shift: int = 0) -> list[Piece]:
    """Runs as pieces of a block whose text starts ``shift`` characters into ``text``."""
    found: list[Piece] = []
    for offset, index in runs:
        line, column = lines.position(index)
        found.append(Piece(offset + shift, line, column))
    return found


def one_line_breaks(text: str) -> str:
    """``text`` with every line break (CR LF, a lone CR, and the rest ``str.splitlines`` knows)
    made LF, so that parsers count lines as :meth:`str.splitlines` does."""
    if "\r" not in text and not any(c in text for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        return text
    ended = text.endswith(("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"))
    return "\n".join(text.splitlines()) + ("\n" if ended else "")
