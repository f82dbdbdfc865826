"""The role as it is assembled, before it is put in order and validated."""

from __future__ import annotations

from dataclasses import dataclass, field

from hirecli.importers.location import Place
from hirecli.importers.money import Pay


@dataclass(slots=True)
class Draft:
    """Everything the importer has found so far, field by field."""

    title: str | None = None
    tags: list[str] = field(default_factory=list)
    department: str | None = None
    reports_to: str | None = None
    openings: int | None = None
    employment_type: str | None = None
    schedule: str | None = None
    location: Place = field(default_factory=Place)
    pay: Pay | None = None
    variable_pay: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    exp_min: int | None = None
    exp_max: int | None = None
    exp_description: str | None = None
    notes: list[tuple[str | None, str, str, int]] = field(default_factory=list)
    """(heading, block kind, text, source position) in document order."""
    unit: str = "line"
    where: dict[str, int] = field(default_factory=dict)
    """The source position of each list item and experience line, by its text."""

    def add(self, path: str, text: str) -> None:
        self.lists.setdefault(path, []).append(text)
