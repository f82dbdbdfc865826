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
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from hirecli.errors import InputFileError, Problem, ValidationFailed
from hirecli.model.merge import ABSTRACT, EXTENDS, Node, flatten, merge, to_node
from hirecli.model.yamlsource import Position, SourceMap

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


def shown_like(child_source: str, target: Path) -> str:
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
                shown = shown_like(child_source, target)  # standard input: relative to here
            else:
                shown = os.path.normpath(os.path.join(os.path.dirname(child_source), ref))
            return [(str(target.resolve()), shown)]
        for suffix in ROLE_SUFFIXES:
            sibling = folder / f"{ref}{suffix}"
            if sibling.is_file() and _file_id(sibling) == ref:
                return [(str(sibling.resolve()), shown_like(child_source, sibling))]
        root = catalogue_root(folder)
        found = self._index(root).by_id.get(ref, [])
        return [(str(p.resolve()), shown_like(child_source, p)) for p in found]

    def _index(self, root: Path) -> _Index:
        files = sorted(role_files(root))
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


def role_files(root: Path) -> Iterator[Path]:
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
    from hirecli.model.checking import check_model, parse_checked
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
