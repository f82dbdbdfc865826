"""The question templates of ``generated_questions.yaml``, read once into a ready form.

Every generated skill of every role fills the same few dozen templates. Their fixed
parts (bodies as one line, probes and signals without placeholders, minutes,
preparation) read the same each time, so they are worked out once per process rather
than once per question: planning a kit fills tens of thousands of them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.text import fill, has_placeholder
from hirecli.competencies import Kind, QuestionType


@dataclass(frozen=True, slots=True)
class Template:
    """One question template, for one kind of skill."""

    source: str
    """``generated:<id>``: the question's source, which the planner varies."""
    with_duty: str
    without_duty: str
    """The body without a related duty, for this template's kind of skill."""
    signals: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    """Probes, strong signals and red flags, as written in the data."""
    fixed: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None
    """The same filled once, when none of them holds a placeholder."""
    minutes: int
    prep: str | None

    def filled(self, values: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """Probes, strong signals and red flags for one question."""
        if self.fixed is not None:
            return self.fixed
        probes, strong, red_flags = (tuple(fill(t, values) for t in texts) for texts in self.signals)
        return probes, strong, red_flags


def _template(raw: Mapping[str, Any], kind: Kind) -> Template:
    signals = (
        tuple(str(t) for t in raw["probes"]),
        tuple(str(t) for t in raw["strong"]),
        tuple(str(t) for t in raw["red_flags"]),
    )
    static = not any(has_placeholder(t) for texts in signals for t in texts)
    fixed = (
        (
            tuple(fill(t, {}) for t in signals[0]),
            tuple(fill(t, {}) for t in signals[1]),
            tuple(fill(t, {}) for t in signals[2]),
        )
        if static
        else None
    )
    without = (raw.get("without_duty_soft") if kind == "soft" else None) or raw["without_duty"]
    return Template(
        source=f"generated:{raw['id']}",
        with_duty=text(raw["with_duty"]),
        without_duty=text(without),
        signals=signals,
        fixed=fixed,
        minutes=int(raw["minutes"]),
        prep=text(raw["prep"]) if raw.get("prep") else None,
    )


@functools.cache
def templates(qtype: QuestionType, kind: Kind) -> tuple[Template, ...]:
    """The templates of ``qtype`` that suit ``kind`` of skill, in the data's order."""
    data = kit_data("generated_questions")["templates"][qtype]
    return tuple(_template(t, kind) for t in data if kind in t.get("kinds", ("hard", "soft")))


@functools.cache
def leads() -> tuple[str, ...]:
    """Words that introduce a quoted duty, taken in turn."""
    return tuple(str(lead) for lead in kit_data("generated_questions")["leads"])
