"""Reading role and company files into models, with every problem placed at line:col."""

from __future__ import annotations

import difflib
import sys
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from hirecli.errors import InputFileError, Problem, ValidationFailed
from hirecli.model import inherit
from hirecli.model.company import Company
from hirecli.model.fields import CONTROL, error_message
from hirecli.model.inherit import Ancestor
from hirecli.model.role import Role
from hirecli.model.yamlsource import MAX_BYTES, Position, SourceMap, decode, parse
from hirecli.slug import slugify

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

STDIN = "-"
ROLE_SUFFIXES = (".yaml", ".yml")
COMPANY_FILE = "company.yaml"
_NOT_ROLES = frozenset({COMPANY_FILE, "company.yml", ".hirecli-lint.yaml", ".hirecli-lint.yml"})

_TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
}


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """A validated model with where it came from, for messages that point into the file."""

    model: T
    source: str
    positions: SourceMap
    ancestors: tuple[Ancestor, ...] = ()
    """The files a role inherits from through ``extends:``, nearest first."""


def read_bytes(path: str | Path, stdin: typing.BinaryIO | None = None) -> tuple[bytes, str]:
    """The bytes of ``path`` (``-`` is standard input) and the name to show in messages."""
    if str(path) == STDIN:
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        return data, "<stdin>"
    file = Path(path)
    try:
        if file.is_dir():
            raise InputFileError(f"{file}: is a folder, not a file")
        with file.open("rb") as handle:  # devices and pipes have no size: never read past the bound
            return handle.read(MAX_BYTES + 1), str(file)
    except FileNotFoundError:
        raise InputFileError(f"{file}: no such file") from None
    except PermissionError:
        raise InputFileError(f"{file}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{file}: cannot read ({exc.strerror})") from None


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]`` and ``Annotated[X, ...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset, dict):
        return _unwrap(typing.get_args(annotation)[-1])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _dotted(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    return f"{value!r}"


def _problems(exc: ValidationError, model: type[BaseModel], smap: SourceMap) -> list[Problem]:
    found: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        ctx = error.get("ctx") or {}
        if kind == "cross_field":
            field = ctx["field"]
            found.append(smap.problem((*loc, field), error["msg"], "range"))
        elif kind == "extra_forbidden":
            key = str(loc[-1])
            owner = _model_at(model, loc[:-1])
            known = list(owner.model_fields) if owner else []
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            where = f" in {_dotted(loc[:-1])}" if loc[:-1] else ""
            message = f"unknown key {key!r}{where}"
            message += (
                f"; did you mean {hint[0]!r}?"
                if hint
                else (f" (known keys: {', '.join(known)})" if known else "")
            )
            found.append(smap.problem(loc, message, "unknown-key", key=True))
        elif kind == "missing":
            found.append(smap.problem(loc[:-1], f"missing required key {_dotted(loc)!r}", "missing"))
        elif kind in _TYPE_WORDS:
            found.append(
                smap.problem(
                    loc,
                    f"{_dotted(loc)}: expected {_TYPE_WORDS[kind]}, got {_describe(error.get('input'))}",
                    "type",
                )
            )
        else:
            found.append(smap.problem(loc, f"{_dotted(loc)}: {error_message(error)}", kind))
    return found


def _control_problem(text: str, offset: int, char: str, smap: SourceMap) -> Problem:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    here = Position(line, column)
    before = [
        (pos.line, pos.column, path)
        for path, pos in smap.values.items()
        if path and (pos.line, pos.column) <= (here.line, here.column)
    ]
    field = f" in {_dotted(max(before)[2])}" if before else ""
    return Problem(
        smap.source,
        line,
        column,
        f"control character U+{ord(char):04X}{field}; remove it",
        "control_character",
    )


def parse_checked(
    text: str, source: str, model: type[BaseModel]
) -> tuple[dict[str, Any], SourceMap, list[Problem]]:
    """The mapping in YAML ``text``, its source map and the problems found so far."""
    controls = [m for m in CONTROL.finditer(text) if m.group() not in "\t\r\x85"]
    if controls:
        text = CONTROL.sub(lambda m: m.group() if m.group() in "\t\r\x85" else " ", text)
    data, smap, problems = parse(text, source)
    problems = problems + [_control_problem(text, m.start(), m.group(), smap) for m in controls[:20]]
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else ("nothing" if data is None else "a single value")
        raise ValidationFailed(
            [
                Problem(
                    source,
                    1,
                    1,
                    f"the file holds {what}; a {model.__name__.lower()} file "
                    "must be a mapping of keys (like 'title: ...')",
                    "not-a-mapping",
                )
            ]
        )
    return data, smap, problems


def check_model(data: dict[str, Any], smap: SourceMap, problems: list[Problem], model: type[M]) -> M:
    """``data`` validated as ``model``; raise :class:`ValidationFailed` with every problem."""
    loaded: M | None = None
    try:
        loaded = model.model_validate(data)
    except ValidationError as exc:
        problems = problems + _problems(exc, model, smap)
    if problems or loaded is None:
        problems = sorted(problems, key=lambda p: (p.file != smap.source, p.file, p.line, p.column))
        raise ValidationFailed(problems)
    return loaded


def load_text(text_or_bytes: str | bytes, source: str, model: type[M]) -> Loaded[M]:
    """Validate YAML text as ``model``; raise :class:`ValidationFailed` with every problem."""
    text = decode(text_or_bytes, source) if isinstance(text_or_bytes, bytes) else text_or_bytes
    data, smap, problems = parse_checked(text, source, model)
    return Loaded(check_model(data, smap, problems, model), source, smap)


def load_role_text(
    text: str | bytes, source: str = "<string>", *, reader: inherit.Reader | None = None
) -> Loaded[Role]:
    """A role from YAML text; ``extends:`` is followed from ``source``'s folder (or through
    ``reader``, e.g. into a git commit)."""
    text = decode(text, source) if isinstance(text, bytes) else text
    data, smap, problems = parse_checked(text, source, Role)
    ancestors: tuple[Ancestor, ...] = ()
    if inherit.EXTENDS in data:
        data, smap, ancestors, more = inherit.resolve(data, smap, Role, reader or inherit.FileReader())
        problems = problems + more
    try:
        role = check_model(data, smap, problems, Role)
    except ValidationFailed as exc:
        raise ValidationFailed(inherit.without_inherited_gaps(list(exc.problems))) from None
    if role.id is None:
        stem = "" if source.startswith("<") else Path(inherit.file_part(source)).stem
        role = role.model_copy(update={"id": slugify(stem)})
    return Loaded(role, source, smap, ancestors)


def load_role_file(path: str | Path, stdin: typing.BinaryIO | None = None) -> Loaded[Role]:
    data, source = read_bytes(path, stdin)
    return load_role_text(data, source)


def load_role(path: str | Path) -> Role:
    """Load and validate one role file (``-`` reads standard input)."""
    return load_role_file(path).model


def load_company(path: str | Path) -> Company:
    data, source = read_bytes(path)
    company = load_text(data, source, Company).model
    company._folder = Path(path).parent
    return company


def find_company(start: str | Path) -> Path | None:
    """``company.yaml`` next to ``start`` or in the nearest parent folder that has one, no higher
    than the repository root or the folder given (:mod:`hirecli.companyfind`)."""
    from hirecli import companyfind

    return companyfind.find_company(start)


def company_for(role: str | Path, explicit: str | Path | None = None) -> Company | None:
    """The profile given with ``--company``, else the one found for ``role``, else none."""
    path = Path(explicit) if explicit is not None else find_company(role)
    return load_company(path) if path is not None else None


def is_abstract_file(path: Path) -> bool:
    """Whether a role file says ``abstract: true``: a family that only other roles extend."""
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_BYTES)
    except OSError:
        return False
    return b"abstract" in head and inherit.is_abstract_text(head.decode("utf-8", errors="replace"))


def iter_role_files(
    paths: Iterable[str | Path],
    *,
    with_company: bool = False,
    with_abstract: bool = False,
) -> Iterator[Path | str]:
    """Role files named or found (recursively, sorted) in folders; ``-`` passes through.

    Company profiles and lint settings found in folders are skipped unless
    ``with_company`` asks for company profiles too; so are family files that say
    ``abstract: true`` unless ``with_abstract`` asks for them (a file named on its
    own is always given).
    """
    skip = _NOT_ROLES - {COMPANY_FILE, "company.yml"} if with_company else _NOT_ROLES
    paths = list(paths)
    from hirecli.companyfind import note_roots

    note_roots(paths)  # a company profile is looked for no higher than the folder given
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in ROLE_SUFFIXES
                and p.name not in skip
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (p for p in found if with_abstract or not is_abstract_file(p))
        elif path.exists():
            yield path
        else:
            raise InputFileError(f"{path}: no such file or folder")


def is_company_file(path: str | Path) -> bool:
    return str(path) != STDIN and Path(path).name in (COMPANY_FILE, "company.yml")
