"""The rule table: each rule's category, default severity, and why it matters."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hirecli.lint.data import load_data
from hirecli.lint.model import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title: str
    why: str
    suggestion: str


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
        )
        for rule_id, entry in table.items()
    }


def categories() -> list[str]:
    """Every category, in the order rules first use them."""
    return list(dict.fromkeys(rule.category for rule in rules().values()))
