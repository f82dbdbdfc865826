"""Lint settings: ``.hirecli-lint.yaml``, the ``lint:`` section of ``company.yaml``, ``--config``.

Settings are validated like role files (unknown keys and rule ids are errors at their
line and column) and merged in this order, later ones winning: the company profile's
``lint:`` section, the nearest ``.hirecli-lint.yaml``, the ``--config`` file, then the
role's own ``lint:`` exceptions. Lists add up; ``severity`` entries and ``fail_on``
replace earlier ones.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from hirecli.model.fields import STRICT, Int, Line, Text

LINT_FILES = (".hirecli-lint.yaml", ".hirecli-lint.yml")
SeverityName = Literal["error", "warning", "info"]
FailOn = Literal["error", "warning", "info", "none"]


def _known_rule(rule_id: str) -> str:
    from hirecli.lint.rules import rules

    if rule_id not in rules():
        import difflib

        hint = difflib.get_close_matches(rule_id, list(rules()), n=1)
        raise PydanticCustomError(
            "unknown_rule",
            "unknown rule id '{rule}'{hint}",
            {"rule": rule_id, "hint": f"; did you mean '{hint[0]}'?" if hint else ""},
        )
    return rule_id


RuleId = Annotated[Line, AfterValidator(_known_rule)]


class BannedTerm(BaseModel):
    """A term your team does not want in postings, with what to write instead."""

    model_config = STRICT

    term: Line
    suggest: Text | None = None
    severity: SeverityName = "warning"

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"term": value} if isinstance(value, str) else value


class LintSettings(BaseModel):
    """What ``.hirecli-lint.yaml`` (or ``lint:`` in company.yaml) may hold."""

    model_config = STRICT

    disable: list[RuleId] = Field(default_factory=list, description="Rule ids to switch off")
    severity: dict[RuleId, SeverityName] = Field(
        default_factory=dict, description="Rule id -> error, warning or info"
    )
    allow: list[Line] = Field(default_factory=list, description="Terms that are right in your postings")
    ban: list[BannedTerm] = Field(default_factory=list, description="Terms to report, with a suggestion")
    jurisdictions: list[Line] = Field(
        default_factory=list,
        description="Pay-transparency laws to check besides the role's location (ids such as us-co, "
        "us-ny-nyc, eu; or all)",
    )
    fail_on: FailOn | None = Field(None, description="Lowest severity that makes the run fail")
    employees: Int | None = Field(None, ge=1, description="Employer size, for laws with a threshold")

    @field_validator("jurisdictions")
    @classmethod
    def _jurisdictions(cls, value: list[str]) -> list[str]:
        from hirecli.lint.compliance import ALL, laws

        known = laws()
        for name in value:
            if name.lower() != ALL and name.lower() not in known:
                raise PydanticCustomError(
                    "unknown_jurisdiction",
                    "unknown jurisdiction '{name}'; known: {known}",
                    {"name": name, "known": ", ".join([*known, ALL])},
                )
        return [v.lower() for v in value]


class _CompanyLint(BaseModel):
    """The ``lint:`` section of a company profile; the rest is the company loader's business."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)

    lint: LintSettings | None = None


@dataclass(frozen=True)
class Settings:
    """Settings for one file, merged from every source that applies to it."""

    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    ban: tuple[tuple[str, str, str], ...] = ()
    jurisdictions: tuple[str, ...] = ()
    fail_on: str | None = None
    employees: int | None = None

    def merged(self, more: LintSettings | None) -> Settings:
        if more is None:
            return self
        return Settings(
            self.disable | frozenset(more.disable),
            {**self.severity, **more.severity},
            (*self.allow, *more.allow),
            (*self.ban, *((b.term, b.suggest or "", b.severity) for b in more.ban)),
            tuple(dict.fromkeys((*self.jurisdictions, *more.jurisdictions))),
            more.fail_on or self.fail_on,
            more.employees or self.employees,
        )


@functools.cache
def load_settings(path: Path) -> LintSettings:
    """A ``.hirecli-lint.yaml`` file; problems are raised at their line and column."""
    from hirecli.model.loader import load_text, read_bytes

    data, source = read_bytes(path)
    return load_text(data, source, LintSettings).model


@functools.cache
def company_settings(path: Path) -> LintSettings | None:
    """The ``lint:`` section of a company profile, validated at its lines and columns."""
    from hirecli.model.loader import load_text, read_bytes

    data, source = read_bytes(path)
    return load_text(data, source, _CompanyLint).model.lint


@functools.cache
def find_settings(folder: Path) -> Path | None:
    """The nearest ``.hirecli-lint.yaml`` in ``folder`` or a parent folder."""
    for candidate in (folder, *folder.parents):
        for name in LINT_FILES:
            if (candidate / name).is_file():
                return candidate / name
    return None
