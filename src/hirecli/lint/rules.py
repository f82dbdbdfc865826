"""The rule table: each rule's category, default severity, and why it matters."""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass

from hirecli.lint.model import Severity
from hirecli.screening.tables import load_data


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title: str
    why: str
    suggestion: str
    kit: bool = False
    """The rule reads the questions of a role's interview kit."""


@functools.cache
def rules() -> dict[str, Rule]:
    """Every rule by id, in the order of ``rules.yaml``."""
    table = load_data("rules.yaml")["rules"]
    return {
        rule_id: Rule(
            rule_id,
            entry["category"],
            Severity(entry["severity"]),
            entry["title"],
            " ".join(str(entry["why"]).split()),
            " ".join(str(entry["suggestion"]).split()),
            bool(entry.get("kit", False)),
        )
        for rule_id, entry in table.items()
    }


def categories() -> list[str]:
    """Every category, in the order rules first use them."""
    return list(dict.fromkeys(rule.category for rule in rules().values()))


def kit_needed(disabled: Collection[str]) -> bool:
    """Whether a rule that reads the questions of a role's interview kit (``kit: true``) is
    enabled: when none is, the kit is never planned."""
    return any(rule.kit and rule.id not in disabled for rule in rules().values())
