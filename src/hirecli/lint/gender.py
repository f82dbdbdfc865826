"""Gender-coded wording: masculine- and feminine-coded words after Gaucher et al. (2011).

Each stem is matched as the whole word forms it stands for (``gender.yaml``), so
"responsibilities" is not "responsive" and "SharePoint" is not "share". Hyphenated
words are tried whole first ("self-reliant"), then part by part ("results-driven").

Words that are part of a name are not traits: the company's own name ("Fernhollow
Commons Cooperative"), and a run of capitalised words that ends in a word organisations
are named with ("Trust Bank", "Collaborative Care Network").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hirecli.lint.model import GenderBalance
from hirecli.lint.terms import excused
from hirecli.lint.tokens import Token, tokenize
from hirecli.screening.tables import load_data

MASCULINE = "masculine"
FEMININE = "feminine"


@dataclass(frozen=True, slots=True)
class Stem:
    side: str
    stem: str
    unless: tuple[str, ...]
    suggest: str


@dataclass(frozen=True, slots=True)
class CodedWord:
    """One gender-coded word in a text."""

    stem: Stem
    start: int
    end: int


@dataclass(frozen=True)
class _Table:
    stems: tuple[Stem, ...]
    any_form: re.Pattern[str]
    thresholds: dict[str, int]


@functools.cache
def _table() -> _Table:
    """Every stem, and one pattern whose named groups tell which stem a word belongs to."""
    data = load_data("gender.yaml")
    entries = [(side, entry) for side in (MASCULINE, FEMININE) for entry in data[side]]
    stems = tuple(
        Stem(side, e["stem"], tuple(e.get("unless", [])), e.get("suggest", "")) for side, e in entries
    )
    any_form = re.compile(
        "|".join(f"(?P<s{i}>{e['forms']})" for i, (_, e) in enumerate(entries)), re.IGNORECASE
    )
    return _Table(stems, any_form, {k: int(v) for k, v in data["thresholds"].items()})


@functools.cache
def stem_of(word: str) -> Stem | None:
    """The stem whose forms include ``word`` (lower case), if any; cached per process."""
    table = _table()
    match = table.any_form.fullmatch(word)
    if match is None or match.lastgroup is None:
        return None
    return table.stems[int(match.lastgroup[1:])]


def _words(tokens: list[Token], text: str) -> list[tuple[str, int, int]]:
    """Tokens joined back where a hyphen links them, as (lower-case word, start, end)."""
    joined: list[tuple[str, int, int]] = []
    for token in tokens:
        if not token.text[0].isalpha():
            continue
        if joined and joined[-1][2] + 1 == token.start and text[joined[-1][2]] == "-":
            word, start, _ = joined[-1]
            joined[-1] = (f"{word}-{token.key}", start, token.end)
        else:
            joined.append((token.key, token.start, token.end))
    return joined


_ORG_WORDS = frozenset(
    (
        "cooperative",
        "co-operative",
        "co-op",
        "coop",
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "llp",
        "plc",
        "gmbh",
        "corp",
        "corporation",
        "company",
        "group",
        "partners",
        "partnership",
        "foundation",
        "trust",
        "trusts",
        "society",
        "association",
        "union",
        "alliance",
        "network",
        "institute",
        "university",
        "college",
        "school",
        "academy",
        "hospital",
        "hospitals",
        "clinic",
        "clinics",
        "center",
        "centre",
        "centers",
        "centres",
        "labs",
        "laboratories",
        "bank",
        "agency",
        "council",
        "collective",
        "federation",
        "fund",
        "consulting",
        "solutions",
        "systems",
        "technologies",
        "health",
        "healthcare",
        "services",
        "commons",
        "studio",
        "studios",
        "ventures",
        "capital",
        "holdings",
        "industries",
        "enterprises",
        "media",
        "ministries",
        "church",
        "charity",
        "league",
        "club",
    )
)
_NAME_RUN = 4
"""How many capitalised words after a coded word may stand before the organisation word."""


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _name_words(tokens: list[Token], text: str) -> set[int]:
    """Start offsets of words inside an organisation's name (a capitalised run ending in an org word)."""
    inside: set[int] = set()
    words = [t for t in tokens if t.text[0].isalpha() or t.text == "-"]
    for index, token in enumerate(words):
        if not _capitalised(token) or token.key not in _ORG_WORDS:
            continue
        run = [token]
        back = index - 1
        while (
            back >= 0
            and len(run) <= _NAME_RUN
            and _capitalised(words[back])
            and text[words[back].end : run[-1].start].strip() in ("", "&", "-")
        ):
            run.append(words[back])
            back -= 1
        if len(run) > 1:
            inside.update(t.start for t in run)
    return inside


def _name_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    folded = text.casefold()
    for name in names:
        key = name.strip().casefold()
        if len(key) < 3:
            continue
        at = folded.find(key)
        while at >= 0:
            spans.append((at, at + len(key)))
            at = folded.find(key, at + 1)
    return spans


def coded_words(text: str, tokens: list[Token], names: tuple[str, ...] = ()) -> list[CodedWord]:
    """Every gender-coded word of ``text``, minus the uses its stem's ``unless`` excuses.

    ``names`` are proper names (the company's) whose words are not counted.
    """
    found: list[CodedWord] = []
    in_names = _name_words(tokens, text)
    spans = _name_spans(text, names) if names else []
    for word, start, end in _words(tokens, text):
        if start in in_names or any(a <= start < b for a, b in spans):
            continue
        parts = [(word, start, end)]
        if stem_of(word) is None and "-" in word:
            parts, offset = [], start
            for piece in word.split("-"):
                parts.append((piece, offset, offset + len(piece)))
                offset += len(piece) + 1
        for piece, a, b in parts:
            stem = stem_of(piece)
            if stem is not None and not excused(text, stem.unless, a, b):
                found.append(CodedWord(stem, a, b))
    return found


@functools.lru_cache(maxsize=16384)
def coded_in(text: str, names: tuple[str, ...] = ()) -> tuple[CodedWord, ...]:
    """:func:`coded_words`, kept for the texts seen last: sentences recur across postings."""
    return tuple(coded_words(text, tokenize(text), names))


def verdict(score: int) -> str:
    """The five-level verdict for ``score`` (feminine minus masculine count)."""
    limits = _table().thresholds
    if score >= limits["strongly_feminine"]:
        return "strongly feminine"
    if score >= limits["feminine"]:
        return "feminine"
    if score <= limits["strongly_masculine"]:
        return "strongly masculine"
    if score <= limits["masculine"]:
        return "masculine"
    return "neutral"


def balance(words: list[CodedWord]) -> GenderBalance:
    result = GenderBalance()
    for coded in words:
        counts = result.masculine if coded.stem.side == MASCULINE else result.feminine
        counts[coded.stem.stem] = counts.get(coded.stem.stem, 0) + 1
    result.verdict = verdict(result.score)
    return result
