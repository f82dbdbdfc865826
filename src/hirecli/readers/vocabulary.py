"""The section vocabulary: which part of a role (or posting) each heading introduces.

One data file, ``data/readers/sections.yaml``, lists the headings people write for
each section, the filler words that say nothing, phrases that point to a section
inside a longer heading, and the broad group of each section (duties, requirements,
benefits, ...) for readers that need no finer distinction, such as the linter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def sections_data() -> dict[str, Any]:
    """The parsed ``data/readers/sections.yaml``."""
    text = (files("hirecli") / "data" / "readers" / "sections.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict):
        raise TypeError("data/readers/sections.yaml must hold a mapping")
    return data


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, no punctuation or extra spaces: for look-ups."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = text.replace("&", " and ").replace("+", " and ")
    text = re.sub(r"[^\w'%]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" '")


@dataclass(frozen=True, slots=True)
class Match:
    kind: str
    confidence: float
    how: str


@cache
def _table() -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...], frozenset[str]]:
    data = sections_data()
    exact: dict[str, str] = {}
    for kind, headings in data["sections"].items():
        for heading in headings:
            exact[normalize(str(heading))] = str(kind)
    fillers = frozenset(str(w) for w in data["fillers"])
    stripped: dict[str, str] = {}
    for heading, kind in exact.items():
        key = _without(heading, fillers)
        if key:
            stripped.setdefault(key, kind)
    keywords = tuple((str(pair[0]), str(pair[1])) for pair in data["keywords"])
    return exact, stripped, keywords, fillers


def _without(text: str, fillers: frozenset[str]) -> str:
    return " ".join(word for word in text.split() if word not in fillers)


def heading_key(text: str) -> str:
    """A heading normalised for look-up: no emoji, asides in brackets or trailing colon."""
    text = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)  # innermost only: linear on "(((("
    return normalize(text)


def match_heading(text: str, *, fuzzy: bool = True) -> Match | None:
    """The section a heading names, or None when it names none we know."""
    exact, stripped, keywords, fillers = _table()
    key = heading_key(text)
    if not key:
        return None
    if key in exact:
        return Match(exact[key], 1.0, "exact")
    bare = _without(key, fillers)
    if bare and bare in stripped:
        return Match(stripped[bare], 0.9, "exact")
    if len(key.split()) <= 10:
        for phrase, kind in keywords:
            if re.search(r"(?<!\w)" + re.escape(phrase), key):
                return Match(kind, 0.7, f"phrase {phrase!r}")
    if fuzzy and len(key) >= 5:
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, list(exact), scorer=fuzz.ratio, score_cutoff=88)
        if best:
            return Match(exact[best[0]], 0.6, f"near spelling of {best[0]!r}")
    return None


def group_of(kind: str) -> str:
    """The broad group of a section kind ("skills.hard" -> "requirements")."""
    groups: dict[str, str] = sections_data().get("groups", {})
    return str(groups.get(kind) or groups.get(kind.split(".")[0]) or "other")


def heading_kind(heading: str) -> tuple[str, str] | None:
    """(section kind, group) for a heading, or None when it names no known section."""
    found = match_heading(heading)
    if found is None:
        return None
    qualifiers = {"qualifier.preferred": "preferred", "qualifier.required": "requirements"}
    kind = qualifiers.get(found.kind, found.kind)
    return kind, group_of(kind)
