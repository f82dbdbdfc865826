"""How skill names are compared: their content words, the parts of a compound name, and
a score of how sure it is that two names mean the same thing.

Names are free text ("Problem-Solving & Critical Thinking", "Clinical Diagnosis
(DSM-5 / ICD-10)"), so they are compared by their meaningful words, with plural,
spelling and stem variants counted as the same word (but never false friends such as
"patient" and "patience").
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Linear time on hostile names: an aside is an innermost pair of parentheses, and a run of
# spaces is tried only where it starts (a long run of "(" or of spaces costs no more).
_PARENS = re.compile(r"\(([^()]*)\)")
_JOINERS = re.compile(r"(?<!\s)\s*(?:&|\+|\band\b|,|;)\s*")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_CONTEXT = re.compile(r"(?<!\s)\s+(?:in|with|for|at|within|across)\s+.*$", re.IGNORECASE)
"""A trailing phrase that says where a skill is used ("... in Clinical Practice")."""


def words(text: str) -> list[str]:
    """Lower-case word tokens; hyphens and slashes separate words."""
    return [w for w in _NON_WORD.split(text.lower().replace("&", " and ")) if w]


@functools.cache
def _filler() -> frozenset[str]:
    text = (files("hirecli") / "data" / "kit" / "words.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.load(text, Loader=_Loader)["filler"])


@functools.cache
def _false_friends() -> frozenset[frozenset[str]]:
    text = (files("hirecli") / "data" / "kit" / "words.yaml").read_text(encoding="utf-8")
    return frozenset(frozenset(pair) for pair in yaml.load(text, Loader=_Loader)["false_friends"])


def content_words(text: str) -> list[str]:
    """The words of a name that carry its meaning (no filler like "strong" or "skills")."""
    filler = _filler()
    return [w for w in words(text) if w not in filler]


def key(text: str) -> str:
    """The form names are compared in: content words in order, single-spaced."""
    return " ".join(content_words(text))


def name_parts(name: str) -> list[str]:
    """The parts of a compound skill name, without parenthesised asides.

    "Problem-Solving & Critical Thinking" -> ["Problem-Solving", "Critical Thinking"].
    """
    bare = _PARENS.sub(" ", name)
    return [p.strip() for p in _JOINERS.split(bare) if p.strip()]


def core_parts(name: str) -> list[str]:
    """The parts of a compound name without its aside and a trailing "in/with ..." phrase."""
    return name_parts(_CONTEXT.sub("", _PARENS.sub(" ", name)))


@functools.lru_cache(maxsize=4096)
def score(skill_key: str, name_key: str) -> float:
    """Confidence 0-100 that two keyed names mean the same thing.

    Word overlap in both directions (so a one-word alias inside a long skill name does
    not win by being a subset), blended with rapidfuzz's token-sort similarity for
    spelling and word-order variants. Cached: roles share skills, and a skill is scored
    against the same library names for every role of another field.
    """
    from rapidfuzz import fuzz

    skill, name = tuple(skill_key.split()), tuple(name_key.split())
    if not skill or not name:
        return 0.0
    precision, recall = _overlap(skill, name)
    if precision == 0 or recall == 0:
        return 0.0
    harmonic = 2 * precision * recall / (precision + recall)
    return round(100 * (0.75 * harmonic + 0.25 * fuzz.token_sort_ratio(skill_key, name_key) / 100), 1)


@functools.lru_cache(maxsize=4096)
def same_word(a: str, b: str) -> bool:
    """Two words that are the same word: equal, a plural or spelling variant, or one stem.

    Cached: a kit compares the same few hundred words with the library's names many
    thousands of times.
    """
    if a == b:
        return True
    if frozenset((a, b)) in _false_friends():
        return False
    from rapidfuzz import fuzz

    short, long_ = sorted((a, b), key=len)
    if len(short) >= 5 and long_.startswith(short[: max(5, len(short) - 2)]):
        return True
    return len(short) >= 5 and fuzz.ratio(a, b) >= 86


def _overlap(skill: tuple[str, ...], name: tuple[str, ...]) -> tuple[float, float]:
    """Share of the name's words found in the skill, and of the skill's words in the name."""
    found_in_skill = sum(1 for w in name if any(same_word(w, s) for s in skill))
    found_in_name = sum(1 for s in skill if any(same_word(s, w) for w in name))
    return found_in_skill / len(name), found_in_name / len(skill)


def candidates(name: str) -> list[str]:
    """The whole name; without its parenthesised aside; without a trailing "in/with ..."
    phrase; the aside alone."""
    bare = " ".join(_PARENS.sub(" ", name).split())
    core = _CONTEXT.sub("", bare)
    asides = [a.strip() for a in _PARENS.findall(name) if a.strip()]
    return list(dict.fromkeys(c for c in (name, bare, core, *asides) if content_words(c)))


def piece_forms(pieces: list[str]) -> list[list[str]]:
    """Each part of a compound, also with the last part's head word shared out:
    "Radio & Written Communication" -> "Radio Communication", "Written Communication"."""
    head = pieces[-1].split()[-1] if len(pieces[-1].split()) > 1 else None
    forms: list[list[str]] = []
    for piece in pieces:
        options = [piece]
        if head and not piece.lower().endswith(head.lower()):
            options.append(f"{piece} {head}")
        forms.append(options)
    return forms
