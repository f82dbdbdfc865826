"""Field types shared by the role and company models.

The YAML reader hands every scalar over as the text the user wrote, so each type
here decides for itself what text it accepts. This is how ``country: NO`` stays
"NO" and how an integer field refuses ``yes``.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from hirecli.pay import currency_problem

STRICT = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
"""Unknown keys are errors, values are not coerced, models are immutable; a model's validator is
built when it first validates (the loader's fast path, :mod:`hirecli.model.fastpath`, often
needs none at all)."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_DIGITS = 15
"""Digits a number may have (a float keeps every one of them); more is a typo, not a number."""


def _digits(text: str) -> int:
    """Significant digits of a plain number written as text."""
    return len(text.lstrip("+-").replace(".", "").lstrip("0"))


def _too_long(value: str) -> PydanticCustomError:
    shown = value.strip()
    shown = shown if len(shown) <= 24 else f"{shown[:12]}…{shown[-6:]} ({len(shown)} characters)"
    return PydanticCustomError(
        "number_too_long",
        "{value} has more than {most} digits; no amount or count here is that long",
        {"value": shown, "most": MAX_DIGITS},
    )


_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "must not be empty")
    bad = CONTROL.search(value)
    if bad:
        raise PydanticCustomError(
            "control_character",
            "contains the control character U+{code}; remove it",
            {"code": f"{ord(bad.group()):04X}"},
        )
    return value


def check_line(value: str) -> str:
    if "\n" in value.strip():
        raise PydanticCustomError("multi_line", "must be a single line")
    return value.strip()


def to_int(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if _INT.fullmatch(text):
            if _digits(text) > MAX_DIGITS:
                raise _too_long(value)
            if len(text.lstrip("+-")) > 1 and text.lstrip("+-").startswith("0"):
                raise PydanticCustomError(
                    "leading_zero", "write the number {value} without leading zeros", {"value": value}
                )
            return int(text)
        raise PydanticCustomError("int_text", "expected a whole number, got '{value}'", {"value": value})
    if isinstance(value, bool):
        raise PydanticCustomError("int_bool", "expected a whole number, got {value}", {"value": value})
    if isinstance(value, int) and _digits(str(abs(value))) > MAX_DIGITS:
        raise _too_long(f"{abs(value)}")
    return value


def to_number(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if (_INT.fullmatch(text) or _NUMBER.fullmatch(text)) and _digits(text) > MAX_DIGITS:
            raise _too_long(value)
        if _INT.fullmatch(text):
            return int(text)
        if _NUMBER.fullmatch(text):
            return float(text)
        raise PydanticCustomError(
            "number_text",
            "expected a number like 55000 or 19.50 (no currency signs or commas), got '{value}'",
            {"value": value},
        )
    if isinstance(value, bool):
        raise PydanticCustomError("number_bool", "expected a number, got {value}", {"value": value})
    if isinstance(value, int) and _digits(str(abs(value))) > MAX_DIGITS:
        raise _too_long(f"{abs(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("number_finite", "expected a finite number, got {value}", {"value": value})
    return value


def iso_currency(value: str) -> str:
    problem = currency_problem(value)
    if problem:
        raise PydanticCustomError("currency_code", problem)
    return value


def to_bool(value: Any) -> Any:
    if isinstance(value, str):
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise PydanticCustomError(
            "bool_text",
            "expected true or false, got '{value}' (yes/no/on/off are not accepted)",
            {"value": value},
        )
    return value


Text = Annotated[str, AfterValidator(check_text)]
"""Any non-empty text without control characters; may span lines."""

Line = Annotated[str, AfterValidator(check_text), AfterValidator(check_line)]
"""A single line of text (titles, names)."""

Int = Annotated[int, BeforeValidator(to_int)]
Number = Annotated[int | float, BeforeValidator(to_number)]
Bool = Annotated[bool, BeforeValidator(to_bool)]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code")]
CurrencyCode = Annotated[
    str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code"), AfterValidator(iso_currency)
]


def ascii_code(value: str) -> str:
    """Codes are written in ASCII digits: a pattern's ``\\d`` also takes Arabic-Indic or fullwidth ones."""
    if not value.isascii():
        raise PydanticCustomError(
            "code_ascii", "write the code with the digits 0-9 only, got '{value}'", {"value": value}
        )
    return value


OccupationCode = Annotated[str, AfterValidator(ascii_code)]
"""An O*NET-SOC code; its pattern is on the field, this keeps it to ASCII digits."""

_PATTERN_WORDS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "must be a slug: lower-case letters a-z, digits and single hyphens, "
    "e.g. registered-nurse",
    r"^[A-Z]{2}$": "must be an ISO 3166-1 country code of two capital letters, e.g. US, DE or NO",
    r"^[A-Z]{3}$": "must be an ISO 4217 currency code of three capital letters, e.g. USD or EUR",
    r"^\d{2}-\d{4}(\.\d{2})?$": "must be an O*NET-SOC code such as 21-1014 or 21-1014.00",
    r"^https?://\S+$": "must be a web address starting with http:// or https://",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "must be an e-mail address such as jobs@example.com",
    r"^[0-9]+$": "must be written with the digits 0-9 only",
}


def error_message(error: Any) -> str:
    """A pydantic error as a sentence for people: no regular expressions, no Python advice."""
    kind = error.get("type")
    ctx = error.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return _PATTERN_WORDS.get(pattern, "does not have the form this field needs")
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def check_stage_name(value: str) -> str:
    """A stage's name must not be a number: ``--stage 2`` means the second stage."""
    if value.strip().isdigit():
        raise PydanticCustomError(
            "stage_number",
            "the stage name '{value}' is a number, which --stage reads as a stage's place in the "
            "loop; give the stage a name (e.g. 'Round {value} interview')",
            {"value": value.strip()},
        )
    return value


def distinct_stages(stages: list[Any]) -> list[Any]:
    """Two stages whose names differ only in case or punctuation cannot be told apart by --stage."""
    from hirecli.slug import slugify

    seen: dict[str, tuple[int, str]] = {}
    for index, stage in enumerate(stages):
        name = str(getattr(stage, "name", ""))
        key = slugify(name, default="") or name.casefold()
        if key in seen:
            first, other = seen[key]
            raise PydanticCustomError(
                "stage_twins",
                "stages {first} ('{other}') and {second} ('{name}') have the same name apart from case "
                "or punctuation; --stage could not tell them apart, so name them differently",
                {"first": first + 1, "other": other, "second": index + 1, "name": name},
            )
        seen[key] = (index, name)
    return stages


StageName = Annotated[
    str, AfterValidator(check_text), AfterValidator(check_line), AfterValidator(check_stage_name)
]
"""A single line that is not a bare number."""
