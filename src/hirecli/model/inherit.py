"""Role families: a role file that says ``extends:`` builds on another role file.

The child inherits every field of its parent (which may itself extend another file:
family -> level -> role). A value the child writes replaces the inherited one, a
mapping is merged key by key, and a list is replaced, unless the child writes a list
change instead of a list::

    responsibilities:
      primary:
        add: [Mentor two engineers]        # appended to the inherited list
        remove: [Fix bugs under guidance]  # inherited items taken out, by text or name

An added item with the name of an inherited one (a skill, a competency, a stage) takes
its place; an added item the family already has is an error, as is removing one it
does not have. ``id``, ``abstract`` and ``extends`` are never inherited.

Values keep where they were written: a problem in an inherited value is reported at
its line in the family file. Parents are read through a :class:`Reader`, so that the
same rules serve files on disk and roles as they were in a git commit.
"""

from __future__ import annotations

import hashlib
import os
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from hirecli.errors import InputFileError, Problem, ValidationFailed
from hirecli.model.yamlsource import Path as YamlPath
from hirecli.model.yamlsource import Position, SourceMap

EXTENDS = "extends"
ABSTRACT = "abstract"
NOT_INHERITED = frozenset({"id", ABSTRACT, EXTENDS})
LIST_CHANGES = ("add", "remove")
MAX_DEPTH = 12
"""At most this many files in one family line (a loop is found long before)."""
ROLE_SUFFIXES = (".yaml", ".yml")
CATALOGUE_MARKERS = ("company.yaml", "company.yml", ".git")
"""A folder holding one of these is the top of a catalogue: ids are looked up below it."""
_NOT_ROLES = frozenset({"company.yaml", "company.yml", ".hirecli-lint.yaml", ".hirecli-lint.yml"})
_ID_LINE = re.compile(r"""^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
_ABSTRACT_LINE = re.compile(r"^abstract:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Ancestor:
    """A file a role inherits from, nearest first."""

    source: str
    id: str
    title: str
    abstract: bool


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


# ---- finding and reading parent files ---------------------------------------------


class Reader(Protocol):
    """Where role files come from: the working tree, or a git commit."""

    def key(self, source: str) -> str | None:
        """The key of the file shown as ``source`` (None for standard input)."""

    def find(self, ref: str, child: str | None, child_source: str) -> list[tuple[str, str]]:
        """The files ``ref`` (a path or an id) names from the child: (key, shown name) pairs."""

    def read(self, key: str, shown: str) -> bytes:
        """The bytes of a file; raises InputFileError when it cannot be read."""

    def fingerprint(self, key: str) -> str:
        """Changes whenever the file does."""


GIT_PREFIX = "git:"


def file_part(source: str) -> str:
    """The path in a source name: ``git:REF:roles/x.yaml`` gives ``roles/x.yaml``."""
    if source.startswith(GIT_PREFIX) and source.count(":") >= 2:
        return source.split(":", 2)[2]
    return source


def is_path(ref: str) -> bool:
    """``extends:`` names a file (``../family.yaml``) rather than a role id."""
    return "/" in ref or "\\" in ref or ref.endswith(ROLE_SUFFIXES)


def declared_id(text: str) -> str | None:
    found = _ID_LINE.search(text)
    return found.group(1) if found else None


def is_abstract_text(text: str) -> bool:
    """Whether a role file's text says ``abstract: true`` at its top level."""
    return _ABSTRACT_LINE.search(text) is not None


def _shown_like(child_source: str, target: Path) -> str:
    """A path shown the way the child was: absolute stays absolute, else relative to here
    (when it lies below here)."""
    if os.path.isabs(child_source):
        return str(target)
    try:
        relative = os.path.relpath(target)
    except ValueError:
        return str(target)
    return str(target) if relative.startswith("..") else relative


@dataclass
class _Index:
    signature: tuple[tuple[str, int, int], ...]
    by_id: dict[str, list[Path]]


class FileReader:
    """Role files on disk; ids are looked up below the catalogue's top folder."""

    _indexes: typing.ClassVar[dict[Path, _Index]] = {}

    def key(self, source: str) -> str | None:
        if source.startswith("<"):
            return None
        return str(Path(source).resolve())

    def find(self, ref: str, child: str | None, child_source: str) -> list[tuple[str, str]]:
        folder = Path(child).parent if child else Path.cwd()
        if is_path(ref):
            target = Path(os.path.normpath(folder / ref))
            if not target.is_file():
                return []
            if child_source.startswith("<") or os.path.isabs(child_source):
                shown = _shown_like(child_source, target)  # standard input: relative to here
            else:
                shown = os.path.normpath(os.path.join(os.path.dirname(child_source), ref))
            return [(str(target.resolve()), shown)]
        for suffix in ROLE_SUFFIXES:
            sibling = folder / f"{ref}{suffix}"
            if sibling.is_file() and _file_id(sibling) == ref:
                return [(str(sibling.resolve()), _shown_like(child_source, sibling))]
        root = catalogue_root(folder)
        found = self._index(root).by_id.get(ref, [])
        return [(str(p.resolve()), _shown_like(child_source, p)) for p in found]

    def _index(self, root: Path) -> _Index:
        files = sorted(_role_files(root))
        signature = tuple((str(p), st.st_mtime_ns, st.st_size) for p in files for st in (p.stat(),))
        cached = self._indexes.get(root)
        if cached is not None and cached.signature == signature:
            return cached
        by_id: dict[str, list[Path]] = {}
        for path in files:
            by_id.setdefault(_file_id(path), []).append(path)
        index = _Index(signature, by_id)
        self._indexes[root] = index
        return index

    def read(self, key: str, shown: str) -> bytes:
        from hirecli.model.yamlsource import MAX_BYTES

        try:
            with open(key, "rb") as handle:
                return handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputFileError(f"{shown}: cannot read ({exc.strerror or exc})") from None

    def fingerprint(self, key: str) -> str:
        try:
            return hashlib.blake2b(Path(key).read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return "missing"


def _file_id(path: Path) -> str:
    from hirecli.slug import slugify

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return slugify(path.stem)
    return declared_id(text) or slugify(path.stem)


def _role_files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if (
            path.suffix in ROLE_SUFFIXES
            and path.name not in _NOT_ROLES
            and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(root).parts)
        ):
            yield path


def catalogue_root(folder: Path) -> Path:
    """The nearest folder (``folder`` or a parent) with a company profile or ``.git``."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in CATALOGUE_MARKERS):
            return candidate
    return folder


# ---- resolving a family line ------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """A file's values merged with everything it inherits."""

    node: Node
    ancestors: tuple[Ancestor, ...]
    """This file and the files it inherits from, nearest first."""
    fingerprints: tuple[tuple[str, str], ...]
    """Each file of the line with its fingerprint, to tell when a cached result is stale."""


@dataclass(frozen=True)
class Inherited:
    """What a file's ``extends:`` brings: the merged values, or the problems found."""

    node: Node | None
    ancestors: tuple[Ancestor, ...] = ()
    fingerprints: tuple[tuple[str, str], ...] = ()
    problems: tuple[Problem, ...] = ()


_CACHE: dict[str, Resolved] = {}
_CACHE_LIMIT = 1024


def clear_cache() -> None:
    _CACHE.clear()


def _cached(reader: Reader, key: str) -> Resolved | None:
    found = _CACHE.get(key)
    if found is not None and all(reader.fingerprint(k) == f for k, f in found.fingerprints):
        return found
    return None


PARENT_FAILED = "extends"
"""The code of a problem with the file ``extends:`` names (missing, invalid, a loop)."""


def without_inherited_gaps(problems: list[Problem]) -> list[Problem]:
    """When the parent could not be read, keys it would have given are not missing here."""
    if any(p.code == PARENT_FAILED for p in problems):
        return [p for p in problems if p.code != "missing"]
    return problems


def extends_position(smap: SourceMap) -> Position:
    return smap.values.get((EXTENDS,), Position(1, 1))


def inherit(
    data: dict[str, Any], smap: SourceMap, model: type[BaseModel], reader: Reader, chain: tuple[str, ...] = ()
) -> Inherited:
    """Merge the file parsed as ``data`` over what its ``extends:`` names."""
    ref = data.get(EXTENDS)
    if not isinstance(ref, str) or not ref.strip():
        return Inherited(None)  # the model reports a wrong type or an empty value
    parent = _parent(ref.strip(), smap.source, reader, chain, extends_position(smap), model)
    if isinstance(parent, Problem):
        # list changes still become lists, so that only the parent's problem is reported
        alone, _ = merge(Node({}, smap.source, Position(1, 1)), to_node(data, smap), model)
        return Inherited(alone, problems=(parent,))
    merged, problems = merge(parent.node, to_node(data, smap), model)
    return Inherited(merged, parent.ancestors, parent.fingerprints, tuple(problems))


def resolve(
    data: dict[str, Any],
    smap: SourceMap,
    model: type[BaseModel],
    reader: Reader,
    chain: tuple[str, ...] = (),
) -> tuple[dict[str, Any], SourceMap, tuple[Ancestor, ...], list[Problem]]:
    """``data`` merged with its family, its source map, its ancestors and the problems found."""
    result = inherit(data, smap, model, reader, chain)
    if result.node is None:
        return data, smap, (), list(result.problems)
    plain, merged_map = flatten(result.node, smap.source, extends_position(smap))
    return plain, merged_map, result.ancestors, list(result.problems)


def _parent(
    ref: str, source: str, reader: Reader, chain: tuple[str, ...], at: Position, model: type[BaseModel]
) -> Resolved | Problem:
    def problem(message: str) -> Problem:
        return Problem(source, at.line, at.column, message, "extends")

    child_key = reader.key(source)
    found = reader.find(ref, child_key, source)
    if not found:
        if is_path(ref):
            return problem(f"extends: no file {ref!r} next to this one")
        return problem(
            f"extends: no role with the id {ref!r} in this catalogue (the folder with "
            "company.yaml or .git); write the file's path, e.g. extends: family.yaml"
        )
    if len(found) > 1:
        return problem(
            f"extends: {ref!r} is the id of {len(found)} files ("
            f"{', '.join(shown for _, shown in found[:4])}); write the file's path instead"
        )
    key, shown = found[0]
    line = (*chain, child_key or source)
    if key in line:
        names = " -> ".join(Path(k).name for k in (*line[line.index(key) :], key))
        return problem(f"extends: {shown} leads back to this file ({names})")
    if len(line) >= MAX_DEPTH:
        return problem(f"extends: the family line is longer than {MAX_DEPTH} files")
    try:
        return load_resolved(key, shown, reader, model, line)
    except ValidationFailed as exc:
        first = exc.problems[0] if exc.problems else None
        more = len(exc.problems) - 1
        return problem(
            f"extends: {shown} is not a valid role file"
            + (f": {first}" if first else "")
            + (f" (and {more} more problem{'s' * (more > 1)})" if more > 0 else "")
        )
    except InputFileError as exc:
        return problem(f"extends: {exc.message}")


def load_resolved(
    key: str, shown: str, reader: Reader, model: type[BaseModel], chain: tuple[str, ...] = ()
) -> Resolved:
    """A file others extend, validated and merged with its own family; raises ValidationFailed."""
    cached = _cached(reader, key)
    if cached is not None:
        return cached
    from hirecli.model.loader import check_model, parse_checked
    from hirecli.model.yamlsource import decode
    from hirecli.slug import slugify

    data, smap, problems = parse_checked(decode(reader.read(key, shown), shown), shown, model)
    result = inherit(data, smap, model, reader, chain) if EXTENDS in data else Inherited(None)
    problems = problems + list(result.problems)
    node = result.node if result.node is not None else to_node(data, smap)
    plain, merged_map = flatten(node, shown, extends_position(smap)) if result.node else (data, smap)
    try:
        built = check_model(plain, merged_map, problems, model)
    except ValidationFailed as exc:
        raise ValidationFailed(without_inherited_gaps(list(exc.problems))) from None
    stem = Path(file_part(shown)).stem
    me = Ancestor(
        shown,
        str(getattr(built, "id", None) or slugify(stem)),
        str(getattr(built, "title", "")),
        bool(getattr(built, ABSTRACT, False)),
    )
    resolved = Resolved(node, (me, *result.ancestors), ((key, reader.fingerprint(key)), *result.fingerprints))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = resolved
    return resolved


# ---- who extends whom --------------------------------------------------------------

_EXTENDS_LINE = re.compile(r"""^extends:[ \t]*["']?([^"'#\r\n]+?)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def declared_extends(text: str) -> str | None:
    """The ``extends:`` a role file's text writes at its top level, if any."""
    found = _EXTENDS_LINE.search(text)
    return found.group(1).strip() if found else None


def parents_in(root: Path) -> dict[Path, Path]:
    """Each role file below ``root`` that extends another, with the file it extends."""
    reader = FileReader()
    found: dict[Path, Path] = {}
    for path in _role_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        ref = declared_extends(text)
        if ref is None:
            continue
        key = str(path.resolve())
        targets = reader.find(ref, key, key)
        if len(targets) == 1:
            found[Path(key)] = Path(targets[0][0])
    return found


def dependents(files: list[Path]) -> list[str]:
    """Role files that extend one of ``files``, directly or not, in the files' catalogues,
    as paths relative to the current folder where they can be; ``files`` left out."""
    named = {f.resolve() for f in files if f.suffix in ROLE_SUFFIXES}
    parent_of: dict[Path, Path] = {}
    for root in sorted({catalogue_root(f.parent) for f in named}):
        parent_of.update(parents_in(root))
    closure = set(named)
    added: list[Path] = []
    grew = True
    while grew:
        grew = False
        for child, parent in sorted(parent_of.items()):
            if parent in closure and child not in closure:
                closure.add(child)
                added.append(child)
                grew = True
    return [_shown_like("relative", path) for path in sorted(added)]
