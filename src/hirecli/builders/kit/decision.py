"""The decision rule: how the interviewers' ratings become a hiring recommendation.

Campion, Palmer and Campion count "statistical rather than clinical prediction" among
the components of a structured interview: ratings are combined by a rule stated in
advance, before the debrief, not by a judgement formed in it. The rule is data
(``guide.yaml``, ``decision``); the documents state it in words and :func:`decide`
applies it, so that what the kit says and what it computes cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import KitCompetency
from hirecli.builders.kit.text import fill


@dataclass(frozen=True, slots=True)
class Decision:
    scores: Mapping[str, float]
    """Each rated competency's mean rating."""
    weighted: float | None
    failed_gates: tuple[str, ...]
    recommendation: str


def _data() -> Any:
    return kit_data("guide")["decision"]


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{value:.1f}"


def _spans() -> list[tuple[str, str]]:
    """Each band's range in words ("below 2.0", "2.0 to under 2.5", "3.5 or more") and its name."""
    spans: list[tuple[str, str]] = []
    low: float | None = None
    for band in _data()["bands"]:
        below = band["below"]
        if low is None:
            span = f"below {_number(below)}"
        elif below is None:
            span = f"{_number(low)} or more"
        else:
            span = f"{_number(low)} to under {_number(below)}"
        spans.append((span, str(band["name"])))
        low = below
    return spans


def bands_text() -> str:
    """The score bands in words: "a weighted score below 2.0 is Strong No, 2.0 to 2.49 ..."."""
    (first, name), *rest = _spans()
    parts = [f"a weighted score {first} is {name}", *(f"{span} {name}" for span, name in rest)]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def bands_short() -> str:
    """The bands as a compact line for a scorecard: "below 2.0 Strong No · 2.0–2.49 No ..."."""
    return " · ".join(f"{span}: {name}" for span, name in _spans())


def _values() -> dict[str, str]:
    data = _data()
    return {
        "gate_rating": str(data["gate_rating"]),
        "gate_mean": _number(float(data["gate_mean"])),
        "bands": bands_text(),
        "bands_short": bands_short(),
    }


def rule_lines() -> list[str]:
    return [fill(text(line), _values()) for line in _data()["rule"]]


def stage_rule() -> str:
    return fill(text(_data()["stage_rule"]), _values())


def protocol_lines() -> list[str]:
    return [text(line) for line in _data()["protocol"]]


def recommendations() -> list[tuple[str, str]]:
    return [(str(name), text(meaning)) for name, meaning in _data()["recommendations"].items()]


def band(score: float) -> str:
    for entry in _data()["bands"]:
        if entry["below"] is None or score < float(entry["below"]):
            return str(entry["name"])
    raise AssertionError("the last band has no upper bound")


def decide(ratings: Mapping[str, Sequence[int]], competencies: Sequence[KitCompetency]) -> Decision:
    """Apply the rule to ``ratings`` (competency name -> the ratings it received)."""
    data = _data()
    gate_rating, gate_mean = int(data["gate_rating"]), float(data["gate_mean"])
    weights = {c.name: c.weight for c in competencies}
    scores = {name: sum(given) / len(given) for name, given in ratings.items() if given}
    failed = tuple(
        c.name
        for c in competencies
        if c.must_have and c.name in scores and (gate_rating in ratings[c.name] or scores[c.name] < gate_mean)
    )
    total = sum(weights.get(name, 1) for name in scores)
    weighted = sum(weights.get(name, 1) * score for name, score in scores.items()) / total if total else None
    names = [str(b["name"]) for b in data["bands"]]
    recommendation = band(weighted) if weighted is not None else names[0]
    if failed and names.index(recommendation) >= names.index("No"):
        recommendation = "No"  # a failed gate caps the recommendation
    return Decision(scores, weighted, failed, recommendation)
