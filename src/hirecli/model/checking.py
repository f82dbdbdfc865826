"""A parsed role or company file checked against its model, every problem placed at line:col.

Plainly valid files are checked by :mod:`hirecli.model.fastpath` without pydantic's validators;
anything else by the model itself, whose errors become problems worded for people.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hirecli.errors import Problem, ValidationFailed
from hirecli.model.fastpath import quick
from hirecli.model.fields import CONTROL, error_message
from hirecli.model.yamlsource import Position, SourceMap, parse

M = TypeVar("M", bound=BaseModel)

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
    """``data`` validated as ``model``; raise :class:`ValidationFailed` with every problem.

    The fast path saves building the model's validator; once it is built (a file that was not
    plain, or another command's use), the validator is the quicker of the two.
    """
    loaded = None if problems or model.__pydantic_complete__ else quick(data, model)
    if loaded is None:
        try:
            loaded = model.model_validate(data)
        except ValidationError as exc:
            problems = problems + _problems(exc, model, smap)
    if problems or loaded is None:
        problems = sorted(problems, key=lambda p: (p.file != smap.source, p.file, p.line, p.column))
        raise ValidationFailed(problems)
    return loaded
