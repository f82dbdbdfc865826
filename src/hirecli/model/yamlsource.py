"""Safe YAML parsing that keeps positions and refuses YAML's surprises.

PyYAML's constructors implement YAML 1.1 (``NO`` becomes False, ``01234`` an octal
number, ``1:30`` ninety) and silently keep the last of duplicate keys. We build
values straight from parser events instead: every scalar stays the text the user
wrote (typing happens in the model, field by field), duplicate keys are errors,
aliases are counted as if expanded, and nesting is bounded. Building from events
also keeps us off the recursive composer, so deep nesting cannot exhaust the stack.
"""

from __future__ import annotations

import re
from typing import Any

from hirecli.errors import Problem, ValidationFailed
from hirecli.frozen import Frozen, frozen, init
from hirecli.yamlimport import yaml

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

Path = tuple[str | int, ...]

_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOCUMENT_START = yaml.DocumentStartEvent


@frozen
class Position(Frozen):
    """A line and column, both counted from 1."""

    __slots__ = ("column", "line")
    line: int
    column: int

    def __init__(self, line: int, column: int) -> None:
        init(self, "line", line)
        init(self, "column", column)


@frozen
class SourceMap(Frozen):
    """Where each value (and its key) stands in the source, by path from the root.

    ``origins`` holds the values a role inherits through ``extends:``: the file and place each
    was written in. Their entry in ``values`` is the ``extends:`` line of this file.
    """

    __slots__ = ("keys", "origins", "source", "values")
    source: str
    values: dict[Path, Position]
    keys: dict[Path, Position]
    origins: dict[Path, tuple[str, Position]]

    def __init__(
        self,
        source: str,
        values: dict[Path, Position] | None = None,
        keys: dict[Path, Position] | None = None,
        origins: dict[Path, tuple[str, Position]] | None = None,
    ) -> None:
        init(self, "source", source)
        init(self, "values", {} if values is None else values)
        init(self, "keys", {} if keys is None else keys)
        init(self, "origins", {} if origins is None else origins)

    def locate(self, path: Path, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))

    def where(self, path: Path, *, key: bool = False) -> tuple[str, Position]:
        """The file and position of ``path``: where an inherited value was written, else here."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in self.origins:
                return self.origins[probe]
            if probe in table or (key and probe in self.values):
                break
            probe = probe[:-1]
        return self.source, self.locate(path, key=key)

    def problem(self, path: Path, message: str, code: str = "invalid", *, key: bool = False) -> Problem:
        file, pos = self.where(path, key=key)
        if file != self.source:
            message += f" (inherited by {self.source})"
        return Problem(file, pos.line, pos.column, message, code)


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text without a BOM, or a problem at the first bad byte."""
    if len(data) > MAX_BYTES:
        raise ValidationFailed(
            [
                Problem(
                    source,
                    1,
                    1,
                    f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})",
                    "too-large",
                )
            ]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = exc.start - (head.rfind(b"\n") + 1) + 1
        raise ValidationFailed(
            [
                Problem(
                    source,
                    line,
                    column,
                    f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                    "encoding",
                )
            ]
        ) from None


class _Frame:
    """A mapping or list being read, with what its duplicate checks have seen."""

    __slots__ = ("anchor", "item_lines", "key", "key_lines", "key_pos", "path", "start_nodes", "value")

    def __init__(
        self, value: dict[str, Any] | list[Any], path: Path, anchor: str | None, start_nodes: int
    ) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.start_nodes = start_nodes
        self.key: str | None = None
        self.key_pos: Position | None = None
        self.key_lines: dict[str, int] = {}
        self.item_lines: dict[Any, int] = {}


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.smap = SourceMap(source)
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.have_root = False

    def fail(self, pos: Position, message: str, code: str) -> ValidationFailed:
        return ValidationFailed([Problem(self.source, pos.line, pos.column, message, code), *self.problems])

    def _child_path(self) -> Path:
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        assert top.key is not None
        return (*top.path, top.key)

    def _check_tag(self, event: Any, pos: Position) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _CORE_TAGS:
            raise self.fail(
                pos,
                f"YAML tag {tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in hirecli files",
                "tag",
            )

    def _count(self, amount: int, pos: Position) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            raise self.fail(
                pos,
                f"the document expands to more than {MAX_NODES:,} values (aliases repeated too often?)",
                "too-large",
            )

    def _attach(self, value: Any, pos: Position, size: int, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root, self.have_root = value, True
            self.smap.values[()] = pos
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            path = (*top.path, len(top.value))
            self.smap.values[path] = pos
            if isinstance(value, str | type(None)):
                first = top.item_lines.get(value)
                if first is not None and value is not None:
                    self.problems.append(
                        Problem(
                            self.source,
                            pos.line,
                            pos.column,
                            f"duplicate item {_short(value)!r} (first on line {first})",
                            "duplicate-item",
                        )
                    )
                else:
                    top.item_lines[value] = pos.line
            top.value.append(value)
            return
        if top.key is None:
            if not isinstance(value, str):
                raise self.fail(pos, "mapping keys must be plain text", "key")
            if value == "<<":
                raise self.fail(
                    pos, "YAML merge keys (<<) are not supported; write the keys out", "merge-key"
                )
            first = top.key_lines.get(value)
            if first is not None:
                self.problems.append(
                    Problem(
                        self.source,
                        pos.line,
                        pos.column,
                        f"duplicate key {value!r} (first defined on line {first})",
                        "duplicate-key",
                    )
                )
            top.key_lines.setdefault(value, pos.line)
            top.key, top.key_pos = value, pos
            return
        assert isinstance(top.value, dict)
        assert top.key_pos is not None
        if top.key not in top.value:
            path = (*top.path, top.key)
            self.smap.values[path] = pos
            self.smap.keys[path] = top.key_pos
            top.value[top.key] = value
        top.key = None

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is _SCALAR:
            pos = _pos(event.start_mark)
            tag = event.tag
            if tag is not None and tag not in _CORE_TAGS:
                self._check_tag(event, pos)
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self._count(0, pos)
            value = event.value
            plain = event.style in (None, "") and event.implicit[0]
            is_null = (plain and value in _NULLS) or tag == "tag:yaml.org,2002:null"
            self._attach(None if is_null else value, pos, 1, event.anchor)
        elif kind is _ALIAS:
            pos = _pos(event.start_mark)
            if event.anchor not in self.anchors:
                raise self.fail(pos, f"unknown alias *{event.anchor}", "alias")
            value, size = self.anchors[event.anchor]
            self._count(size, pos)
            self._attach(value, pos, size, None)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            pos = _pos(event.start_mark)
            self._check_tag(event, pos)
            self._count(1, pos)
            if len(self.stack) >= MAX_DEPTH:
                raise self.fail(pos, f"nesting is deeper than {MAX_DEPTH} levels", "too-deep")
            if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
                raise self.fail(pos, "mapping keys must be plain text", "key")
            path = self._child_path() if self.stack else ()
            container: dict[str, Any] | list[Any] = {} if kind is _MAPPING_START else []
            self.stack.append(_Frame(container, path, event.anchor, self.nodes))
            self.smap.values.setdefault(path, pos)
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            frame = self.stack.pop()
            pos = self.smap.values.get(frame.path) or _pos(event.start_mark)
            self._attach(frame.value, pos, self.nodes - frame.start_nodes + 1, frame.anchor)
        elif kind is _DOCUMENT_START and self.have_root:
            raise self.fail(
                _pos(event.start_mark),
                "the file holds more than one YAML document (a second '---'); put one role in each file",
                "multi-document",
            )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse(text: str, source: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse ``text``: fatal problems raise :class:`ValidationFailed`; duplicates are returned."""
    if len(text) > MAX_BYTES:
        raise ValidationFailed(
            [Problem(source, 1, 1, f"file is too large (more than {MAX_BYTES:,} characters)", "too-large")]
        )
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        column = tab.end() - tab.start()
        raise ValidationFailed(
            [Problem(source, line, column, "tab character in indentation; YAML needs spaces", "tab")]
        )
    builder = _Builder(source)
    loader = _Loader(text)
    feed, next_event = builder.feed, loader.get_event
    try:
        while (event := next_event()) is not None:  # None after the stream's end
            feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark is not None else Position(1, 1)
        detail = exc.problem or exc.context or "invalid YAML"
        raise builder.fail(pos, f"YAML syntax error: {detail}", "syntax") from None
    except yaml.YAMLError as exc:
        raise builder.fail(Position(1, 1), f"YAML error: {exc}", "syntax") from None
    finally:
        loader.dispose()
    if not builder.have_root:
        raise ValidationFailed([Problem(source, 1, 1, "the file is empty", "empty")])
    return builder.root, builder.smap, builder.problems
