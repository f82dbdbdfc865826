"""Where every character of a YAML string value stands in the file, whatever its style.

The loader knows where each value starts; findings need the line and column of a
word inside it. This module reads the parser's events again, keeps each scalar's
span and style, and walks the value's characters along the source: plain and
multi-line scalars (line breaks folded to spaces), single-quoted (``''``) and
double-quoted scalars (escapes such as ``\\"``, ``\\u00e9`` and escaped line
breaks), and literal ``|`` and folded ``>`` blocks with any indicators. The result is
a :class:`~hirecli.lint.model.Locator` for the value's text with runs of
whitespace folded, as the linter reads it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from hirecli.lint.model import Anchor, Locator
from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path = tuple[str | int, ...]
_HEX = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True, slots=True)
class Scalar:
    start: int
    end: int
    style: str | None
    value: str


@dataclass
class _Frame:
    path: Path
    mapping: bool
    key: str | None = None
    index: int = 0
    expecting_key: bool = True


def scalars(text: str) -> dict[Path, Scalar]:
    """Every scalar of the YAML document in ``text`` by its path (empty when it does not parse)."""
    found: dict[Path, Scalar] = {}
    stack: list[_Frame] = []

    def child() -> Path | None:
        if not stack:
            return ()
        top = stack[-1]
        if top.mapping:
            return None if top.expecting_key or top.key is None else (*top.path, top.key)
        return (*top.path, top.index)

    def advance() -> None:
        if not stack:
            return
        top = stack[-1]
        if top.mapping:
            top.expecting_key = not top.expecting_key
            if top.expecting_key:
                top.key = None
        else:
            top.index += 1

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.ScalarEvent):
                if stack and stack[-1].mapping and stack[-1].expecting_key:
                    stack[-1].key = event.value
                    stack[-1].expecting_key = False
                    continue
                path = child()
                start, end = event.start_mark, event.end_mark
                if path is not None and start is not None and end is not None:
                    found[path] = Scalar(start.index, end.index, event.style, event.value)
                advance()
            elif isinstance(event, yaml.AliasEvent):
                if stack and stack[-1].mapping and stack[-1].expecting_key:
                    stack[-1].expecting_key = False
                    continue
                advance()
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                path = child() or ()
                if stack and stack[-1].mapping and stack[-1].expecting_key:
                    path = (*stack[-1].path, "?")  # a complex key: never a text field
                stack.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                advance()
    except yaml.YAMLError:
        return found
    return found


def _body_start(raw: str, style: str | None) -> int:
    """Where the value's characters begin in ``raw`` (after quotes, tags, anchors, headers)."""
    index = 0
    while index < len(raw) and raw[index] in "!&":  # a tag or an anchor before the value
        while index < len(raw) and not raw[index].isspace():
            index += 1
        while index < len(raw) and raw[index] in " \t":
            index += 1
    if style in ("'", '"'):
        quote = raw.find(style, index)
        return quote + 1 if quote >= 0 else index
    if style in ("|", ">"):
        newline = raw.find("\n", index)
        return newline + 1 if newline >= 0 else len(raw)
    return index


def value_offsets(raw: str, value: str, style: str | None) -> list[int]:
    """For each character of ``value``, its offset in ``raw`` (the scalar's source text)."""
    offsets: list[int] = []
    j = _body_start(raw, style)
    size = len(raw)
    i = 0
    while i < len(value):
        char = value[i]
        if j >= size:
            offsets.append(max(size - 1, 0))
            i += 1
            continue
        here = raw[j]
        if style == '"' and here == "\\":
            following = raw[j + 1 : j + 2]
            if following in ("\n", "\r"):  # an escaped line break joins lines
                j += 2
                while j < size and raw[j] in " \t\r\n":
                    j += 1
                continue
            offsets.append(j)
            j += 2 + _HEX.get(following, 0)
            i += 1
            continue
        if style == "'" and here == "'" and raw[j + 1 : j + 2] == "'" and char == "'":
            offsets.append(j)
            j += 2
            i += 1
            continue
        if char == here:
            offsets.append(j)
            j += 1
            i += 1
            continue
        if char.isspace() or here.isspace():
            if char.isspace():
                offsets.append(j)
                i += 1
                if here.isspace():
                    j += 1
            # skip the source's line breaks and indentation up to the value's next character
            while j < size and raw[j].isspace() and (i >= len(value) or raw[j] != value[i]):
                j += 1
            continue
        offsets.append(j)  # something unexpected: keep going side by side
        i += 1
        j += 1
    return offsets


def _fold(value: str) -> tuple[str, list[int]]:
    """``value`` with runs of whitespace made one space and ends trimmed, and each kept index."""
    kept: list[int] = []
    chars: list[str] = []
    space = False
    for index, char in enumerate(value):
        if char.isspace():
            space = bool(chars)
            continue
        if space:
            chars.append(" ")
            kept.append(index - 1)
            space = False
        chars.append(char)
        kept.append(index)
    return "".join(chars), kept


@dataclass(frozen=True)
class SourceText:
    """A YAML file's text with its scalars, to place any value's characters."""

    text: str

    @functools.cached_property
    def scalars(self) -> dict[Path, Scalar]:
        return scalars(self.text)

    @functools.cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index) - 1
        return line + 1, index - self.line_starts[line] + 1

    @functools.cached_property
    def _starts(self) -> dict[int, Path]:
        return {scalar.start: path for path, scalar in self.scalars.items()}

    def path_at(self, line: int, column: int) -> Path | None:
        """The path of the scalar that starts at ``line``:``column`` (as the loader's source map
        gives it), or None when no scalar starts there (a mapping, a list)."""
        if not 0 < line <= len(self.line_starts):
            return None
        return self._starts.get(self.line_starts[line - 1] + column - 1)

    def locator(self, path: Path, folded: str) -> Locator | None:
        """A locator for ``folded`` (the value at ``path`` with whitespace folded), or None."""
        scalar = self.scalars.get(path)
        if scalar is None:
            return None
        raw = self.text[scalar.start : scalar.end]
        if scalar.value == folded and _verbatim(raw, folded, scalar.style):
            line, column = self.position(scalar.start + _body_start(raw, scalar.style))
            return Locator((Anchor(0, line, column),))
        return self.walk(scalar, folded)

    def walk(self, scalar: Scalar, folded: str) -> Locator | None:
        """The locator of :meth:`locator`, placing the value's characters one by one."""
        text, kept = _fold(scalar.value)
        if text != folded:
            return None
        raw = self.text[scalar.start : scalar.end]
        offsets = value_offsets(raw, scalar.value, scalar.style)
        anchors: list[Anchor] = []
        for index, source_index in enumerate(kept):
            line, column = self.position(scalar.start + offsets[source_index])
            if not anchors or (line, column) != _expected(anchors[-1], index):
                anchors.append(Anchor(index, line, column))
        if not anchors:
            return None
        return Locator(tuple(anchors))


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""A line break as YAML counts them: CR LF, a lone CR, LF, NEL, LS, PS."""
_UNFOLDED = re.compile(r"^\s|\s$|\s\s|[^\S ]")
"""White space that :func:`_fold` would change (line breaks included)."""
_ESCAPES = {'"': "\\", "'": "'"}


def _verbatim(raw: str, value: str, style: str | None) -> bool:
    """True when ``value`` is folded already and written as is on one line of ``raw`` (most
    values): its locator is then one anchor, as :func:`value_offsets` would find character by
    character."""
    if not value or _UNFOLDED.search(value) or (style in _ESCAPES and _ESCAPES[style] in value):
        return False
    start = _body_start(raw, style)
    return raw.startswith(value, start)


def _expected(anchor: Anchor, index: int) -> tuple[int, int]:
    return anchor.line, anchor.column + (index - anchor.offset)
