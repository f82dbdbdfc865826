"""How a child role file's values go over those of the family it extends.

Every value is a :class:`Node` that remembers the file and place it was written in, so
that a problem in an inherited value is reported at its line in the family file. A value
the child writes replaces the inherited one, a mapping is merged key by key, and a list
is replaced unless the child writes ``add:`` and ``remove:`` changes instead.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from hirecli.errors import Problem
from hirecli.model.yamlsource import Path as YamlPath
from hirecli.model.yamlsource import Position, SourceMap

EXTENDS = "extends"
ABSTRACT = "abstract"
NOT_INHERITED = frozenset({"id", ABSTRACT, EXTENDS})
LIST_CHANGES = ("add", "remove")


@dataclass(slots=True)
class Node:
    """A parsed YAML value with the file and place it was written in."""

    value: Any
    """None, text, ``dict[str, Node]`` or ``list[Node]``."""
    file: str
    pos: Position
    key_pos: Position | None = None

    def plain(self) -> Any:
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def to_node(data: Any, smap: SourceMap, path: YamlPath = ()) -> Node:
    """``data`` as parsed from one file, each value with its position in ``smap``."""
    pos = smap.values.get(path, Position(1, 1))
    if isinstance(data, dict):
        value: Any = {k: to_node(v, smap, (*path, k)) for k, v in data.items()}
    elif isinstance(data, list):
        value = [to_node(v, smap, (*path, i)) for i, v in enumerate(data)]
    else:
        value = data
    return Node(value, smap.source, pos, smap.keys.get(path))


def flatten(node: Node, source: str, extends_at: Position) -> tuple[Any, SourceMap]:
    """Plain data and its source map; inherited values are placed at ``extends:`` here and
    remembered in ``origins`` with the file and place they came from."""
    smap = SourceMap(source)

    def walk(current: Node, path: YamlPath) -> Any:
        if current.file == source:
            smap.values[path] = current.pos
            if current.key_pos is not None:
                smap.keys[path] = current.key_pos
        else:
            smap.values[path] = extends_at
            smap.origins[path] = (current.file, current.pos)
        if isinstance(current.value, dict):
            return {k: walk(v, (*path, k)) for k, v in current.value.items()}
        if isinstance(current.value, list):
            return [walk(v, (*path, i)) for i, v in enumerate(current.value)]
        return current.value

    return walk(node, ()), smap


# ---- which fields are lists -------------------------------------------------------


def _inner(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _inner(args[0]) if len(args) == 1 else annotation
    return annotation


def field_kind(model: type[BaseModel], path: YamlPath) -> str:
    """ "list", "mapping" or "value": what ``model`` holds at a path of keys."""
    current: Any = model
    for part in path:
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or not isinstance(part, str):
            return "value"
        info = current.model_fields.get(part)
        if info is None:
            return "value"
        current = _inner(info.annotation)
    if typing.get_origin(current) is list:
        return "list"
    if isinstance(current, type) and issubclass(current, BaseModel):
        return "mapping"
    return "value"


# ---- merging ----------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def identity(value: Any) -> str | None:
    """What names a list item: its text, or the ``name`` (or ``text``) of a mapping."""
    if isinstance(value, str):
        return _words(value)
    if isinstance(value, dict):
        for key in ("name", "text"):
            if isinstance(value.get(key), str):
                return _words(value[key])
    return None


def _dotted(path: YamlPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else str(identity(value) or value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _at(node: Node) -> str:
    return f"{node.file}:{node.pos.line}:{node.pos.column}"


@dataclass
class Merger:
    """Merges a child file's values over what it inherits, collecting problems."""

    model: type[BaseModel]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, node: Node, message: str, code: str = "extends-change") -> None:
        self.problems.append(Problem(node.file, node.pos.line, node.pos.column, message, code))

    def merge(self, parent: Node | None, child: Node, path: YamlPath) -> Node:
        if isinstance(child.value, dict) and self._is_change(child, path):
            return self._change(parent, child, path)
        if isinstance(child.value, dict) and parent is not None and isinstance(parent.value, dict):
            merged = dict(parent.value)
            for key, value in child.value.items():
                merged[key] = self.merge(merged.get(key), value, (*path, key))
            return Node(merged, child.file, child.pos, child.key_pos)
        if isinstance(child.value, dict):
            inner = {key: self.merge(None, value, (*path, key)) for key, value in child.value.items()}
            return Node(inner, child.file, child.pos, child.key_pos)
        return child

    def _is_change(self, child: Node, path: YamlPath) -> bool:
        keys = set(child.value)
        if not keys or not keys & set(LIST_CHANGES):
            return False
        if field_kind(self.model, path) != "list":
            return False
        for key in sorted(keys - set(LIST_CHANGES)):
            self.problem(
                child.value[key],
                f"unknown key {key!r} in a change to the inherited list "
                f"{_dotted(path)}; write add: and remove:",
                "unknown-key",
            )
        return True

    def _change(self, parent: Node | None, child: Node, path: YamlPath) -> Node:
        inherited = parent is not None and isinstance(parent.value, list)
        items: list[Node] = list(parent.value) if parent is not None and inherited else []
        where = _dotted(path)
        removals = child.value.get("remove")
        additions = child.value.get("add")
        for name, group in (("remove", removals), ("add", additions)):
            if group is not None and not isinstance(group.value, list):
                self.problem(group, f"{where}.{name}: expected a list of items", "type")
        if removals is not None and isinstance(removals.value, list):
            for item in removals.value:
                wanted = identity(item.plain())
                found = next((i for i, old in enumerate(items) if identity(old.plain()) == wanted), None)
                if wanted is None or found is None:
                    self.problem(
                        item,
                        f"{where}.remove: {_short(item.plain())!r} is not in the inherited "
                        f"list, so it cannot be removed",
                        "extends-remove",
                    )
                else:
                    del items[found]
        if additions is not None and isinstance(additions.value, list):
            for item in additions.value:
                wanted = identity(item.plain())
                found = next(
                    (
                        i
                        for i, old in enumerate(items)
                        if wanted is not None and identity(old.plain()) == wanted
                    ),
                    None,
                )
                if found is None:
                    items.append(item)
                elif items[found].plain() == item.plain():
                    self.problem(
                        item,
                        f"{where}.add: {_short(item.plain())!r} is already inherited "
                        f"(from {_at(items[found])})",
                        "duplicate-item",
                    )
                else:
                    items[found] = item
        return Node(items, child.file, child.pos, child.key_pos)


def merge(parent: Node, child: Node, model: type[BaseModel]) -> tuple[Node, list[Problem]]:
    """``child`` (a whole file) over ``parent`` (what it extends, already merged)."""
    inherited = dict(parent.value) if isinstance(parent.value, dict) else {}
    for key in NOT_INHERITED:
        inherited.pop(key, None)
    merger = Merger(model)
    node = merger.merge(Node(inherited, parent.file, parent.pos), child, ())
    return node, merger.problems
