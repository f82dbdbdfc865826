"""Field types shared by the role and company models.

The YAML reader hands every scalar over as the text the user wrote, so each type
here decides for itself what text it accepts. This is how ``country: NO`` stays
"NO" and how an integer field refuses ``yes``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def _check_text(value: str) -> str:
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


def _check_line(value: str) -> str:
    if "\n" in value.strip():
        raise PydanticCustomError("multi_line", "must be a single line")
    return value.strip()


def _to_int(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if _INT.fullmatch(text):
            if len(text.lstrip("+-")) > 1 and text.lstrip("+-").startswith("0"):
                raise PydanticCustomError(
                    "leading_zero", "write the number {value} without leading zeros", {"value": value}
                )
            return int(text)
        raise PydanticCustomError("int_text", "expected a whole number, got '{value}'", {"value": value})
    if isinstance(value, bool):
        raise PydanticCustomError("int_bool", "expected a whole number, got {value}", {"value": value})
    return value


def _to_number(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
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
    if isinstance(value, int):
        return value
    return value


def _to_bool(value: Any) -> Any:
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


Text = Annotated[str, AfterValidator(_check_text)]
"""Any non-empty text without control characters; may span lines."""

Line = Annotated[str, AfterValidator(_check_text), AfterValidator(_check_line)]
"""A single line of text (titles, names)."""

Int = Annotated[int, BeforeValidator(_to_int)]
Number = Annotated[int | float, BeforeValidator(_to_number)]
Bool = Annotated[bool, BeforeValidator(_to_bool)]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code")]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")]
