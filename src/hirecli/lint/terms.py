"""The word-list rules: every phrase of ``terms.yaml`` found in a text, in one pass.

All phrases of all tables go into two dictionaries keyed by their first word (one
for case-insensitive phrases, one for exact-case product names); the few hand-written
patterns are tried only where one of their ``starts`` words begins. Where phrases
overlap, the longest wins, so "fast-paced, high-pressure" is one finding, not two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from hirecli.lint.model import Severity
from hirecli.lint.tokens import Token, tokenize
from hirecli.screening.tables import apostrophes, load_data

NUMBER = "#number"
_WINDOW = 80


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a word list: its rule, rewrite and the contexts where it is fine."""

    rule: str
    suggest: str
    severity: Severity | None
    unless: tuple[str, ...] = ()
    """Contexts where the entry's words are fine, compiled on first use."""


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    start: int
    end: int


Phrases = dict[str, list[tuple[tuple[str, ...], Entry]]]


@dataclass(frozen=True, eq=False)
class TermIndex:
    folded: Phrases
    exact: Phrases
    patterns: dict[str, list[tuple[re.Pattern[str], Entry]]]

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Every phrase of the word lists in ``text``, longest first where they overlap."""
        toks = tokenize(text) if tokens is None else tokens
        folded, exact, patterns = self.folded, self.exact, self.patterns
        numbers = NUMBER in patterns
        hits: list[Hit] = []
        index = 0
        while index < len(toks):
            token = toks[index]
            if not (
                token.key in folded
                or token.text in exact
                or token.key in patterns
                or (numbers and token.key[0].isdigit())
            ):
                index += 1
                continue
            best = self._longest(text, toks, index)
            if best is None:
                index += 1
                continue
            if not _excused(text, best):
                hits.append(best)
            while index < len(toks) and toks[index].start < best.end:
                index += 1
        return hits

    def _longest(self, text: str, toks: list[Token], index: int) -> Hit | None:
        token = toks[index]
        best: Hit | None = None
        for table, key, exact in ((self.folded, token.key, False), (self.exact, token.text, True)):
            for rest, entry in table.get(key, ()):
                last = index + len(rest)
                if last < len(toks) and _same(rest, toks, index + 1, exact):
                    if best is None or toks[last].end > best.end:
                        best = Hit(entry, token.start, toks[last].end)
                    break
        start_key = NUMBER if token.key[0].isdigit() else token.key
        for pattern, entry in self.patterns.get(start_key, ()):
            match = pattern.match(text, token.start)
            if match and match.end() > token.start and (best is None or match.end() > best.end):
                best = Hit(entry, token.start, match.end())
        return best


@functools.lru_cache(maxsize=16384)
def find_cached(index: TermIndex, text: str) -> tuple[Hit, ...]:
    """:meth:`TermIndex.find`, kept for the texts seen last: the same sentences recur across the
    postings of a run (an EEO statement, benefits, kit questions)."""
    return tuple(index.find(text))


def _same(rest: tuple[str, ...], toks: list[Token], first: int, exact: bool) -> bool:
    for offset, word in enumerate(rest):
        token = toks[first + offset]
        if (token.text if exact else token.key) != word:
            return False
    return True


def _excused(text: str, hit: Hit) -> bool:
    """True when the hit stands inside one of its entry's ``unless`` contexts."""
    return excused(text, hit.entry.unless, hit.start, hit.end)


def excused(text: str, unless: tuple[str, ...], start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside a match of one of the ``unless`` patterns."""
    if not unless:
        return False
    left = max(start - _WINDOW, 0)
    window = text[left : end + _WINDOW]
    return any(
        m.start() <= start - left and m.end() >= end - left for m in compile_unless(unless).finditer(window)
    )


@functools.cache
def compile_unless(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of contexts; compiled when first needed, as most never are."""
    return re.compile("|".join(f"(?:{apostrophes(p)})" for p in patterns), re.IGNORECASE)


def _variants(term: str) -> list[str]:
    """A term with its optional plural endings spelled out."""
    for marker, ending in (("(es)", "es"), ("(s)", "s")):
        if term.endswith(marker):
            stem = term[: -len(marker)]
            return [stem, stem + ending]
    return [term]


def add_phrase(table: Phrases, term: str, entry: Entry, *, exact: bool) -> None:
    for variant in _variants(term):
        toks = tokenize(variant)
        if not toks:
            raise ValueError(f"{entry.rule}: the term {term!r} has no words")
        keys = tuple(t.text if exact else t.key for t in toks)
        bucket = table.setdefault(keys[0], [])
        bucket.append((keys[1:], entry))
        bucket.sort(key=lambda item: -len(item[0]))


def build_index(tables: dict[str, list[dict[str, Any]]], known_rules: set[str]) -> TermIndex:
    """Dictionaries of phrases and the start words of patterns, from word-list tables."""
    folded: Phrases = {}
    exact: Phrases = {}
    patterns: dict[str, list[tuple[re.Pattern[str], Entry]]] = {}
    for rule, entries in tables.items():
        if rule not in known_rules:
            raise ValueError(f"terms.yaml: table {rule!r} is not a rule of rules.yaml")
        for raw in entries:
            severity = raw.get("severity")
            entry = Entry(
                rule,
                str(raw["suggest"]),
                Severity(severity) if severity else None,
                tuple(raw.get("unless", [])),
            )
            for term in raw.get("match", []):
                if not isinstance(term, str):
                    raise ValueError(f"{rule}: term {term!r} is not text (quote it in the YAML)")
                add_phrase(exact if raw.get("case") else folded, term, entry, exact=bool(raw.get("case")))
            regexes = raw.get("regex", [])
            if regexes and not raw.get("starts"):
                raise ValueError(f"{rule}: an entry with regex needs `starts` words")
            for expression in regexes:
                pattern = re.compile(apostrophes(expression), re.IGNORECASE)
                for word in raw.get("starts", []):
                    if not isinstance(word, str):
                        raise ValueError(f"{rule}: start word {word!r} is not text (quote it in the YAML)")
                    patterns.setdefault(word.lower(), []).append((pattern, entry))
    return TermIndex(folded, exact, patterns)


@functools.cache
def term_index() -> TermIndex:
    """The index of every word list shipped with hirecli, built once per process."""
    rules = set(load_data("rules.yaml")["rules"])
    return build_index(load_data("terms.yaml")["tables"], rules)
