"""Interview questions that touch protected topics, each with a job-related alternative.

The patterns (``data/lint/protected.yaml``) look for the shape of a question
("are you married", "what year did you graduate") rather than for bare words, so
job duties such as "support a client's family" or "patients of all ages" are not
hits. Text is matched normalised (:mod:`hirecli.screening.normalize`), so look-alike
letters, zero-width characters and typographic quotes change nothing; offsets are
into the text as given. The interview-kit builder and ``validate`` call
:func:`find_protected_topics` on custom questions, so its signature and
:class:`ProtectedHit` stay stable (new fields only ever come last, with defaults).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hirecli.screening.fastre import FastPattern, PatternSet, lower_pattern, lower_text
from hirecli.screening.literals import required
from hirecli.screening.normalize import normalize_loose
from hirecli.screening.prefilter import Prefilter
from hirecli.screening.tables import load_data


@dataclass(frozen=True, slots=True)
class ProtectedHit:
    """One place in a question that touches a protected topic."""

    topic: str
    """The protected topic, e.g. "family status"."""
    matched: str
    """The exact text matched, ``text[start:end]``."""
    start: int
    end: int
    alternative: str
    """A job-related question to ask instead."""
    why: str
    """Why the question is a problem."""
    law: str = ""
    """The law or guidance the topic rests on, e.g. "ADA, 42 U.S.C. 12112(d)"."""


@dataclass(frozen=True, slots=True)
class _Topic:
    topic: str
    why: str
    alternative: str
    law: str


@functools.cache
def _table() -> tuple[tuple[int, ...], PatternSet, tuple[_Topic, ...]]:
    """Every pattern (with the index of its topic), compiled once per process."""
    data = load_data("protected.yaml")
    topics: list[_Topic] = []
    owners: list[int] = []
    patterns: list[FastPattern] = []
    for index, entry in enumerate(data["topics"]):
        topics.append(
            _Topic(
                entry["topic"],
                " ".join(entry["why"].split()),
                " ".join(entry["alternative"].split()),
                " ".join(str(entry.get("law", "")).split()),
            )
        )
        for source in entry["patterns"]:
            owners.append(index)
            patterns.append(FastPattern(source))  # text is normalised: apostrophes are straight
    return tuple(owners), PatternSet(patterns), tuple(topics)


@dataclass(frozen=True)
class _Generic:
    question: re.Pattern[str]
    you: re.Pattern[str]
    bare: re.Pattern[str]
    skip: tuple[re.Pattern[str], ...]
    work: re.Pattern[str]
    own: re.Pattern[str]
    topics: tuple[tuple[int, re.Pattern[str]], ...]
    needs: Prefilter[int]
    """The literal texts each of ``topics`` needs (by position), to skip searches on
    :func:`_caseless` text; almost no question has a topic's word."""


_CASELESS = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})
"""Letters that a case-insensitive pattern matches to ``i`` or ``s`` but ``lower`` leaves."""


def _caseless(text: str) -> str:
    """``text`` lower-cased so that every ASCII text a case-insensitive pattern matches in it is
    in the result (the Kelvin sign lowers to ``k`` anyway)."""
    return text.translate(_CASELESS).lower()


def _ascii_needs(pattern: str) -> tuple[frozenset[str], ...]:
    """:func:`required` of a case-insensitive pattern, keeping the factors :func:`_caseless`
    text can be tested for."""
    return tuple(f for f in required(lower_pattern(pattern)) if all(t.isascii() for t in f))


@functools.cache
def _generic() -> _Generic:
    """The generic check: a term of a topic in a question put to the candidate."""
    data = load_data("protected.yaml")["generic"]
    names = {topic.topic: index for index, topic in enumerate(_table()[2])}

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    topics = tuple((names[name], compile_(pattern)) for name, pattern in data["topics"].items())
    return _Generic(
        compile_(data["question"]),
        compile_(data["you"]),
        compile_(data["bare"]),
        tuple(compile_(p) for p in data["skip"]),
        compile_(data["work"]),
        compile_(data["own"]),
        topics,
        Prefilter({place: _ascii_needs(p.pattern) for place, (_, p) in enumerate(topics)}),
    )


_KIN = re.compile(
    r"\byour (?:parents?|family|mother|father|mom|mum|dad|husband|wife|spouse|partner|folks|"
    r"grandparents|ancestors|relatives|people)(?: (?:are|were|is|was|have|had|ever|still))? ?$",
    re.IGNORECASE,
)
"""Questions about the candidate's own family are about the candidate ("were your parents...")."""

_BARE_TOPICS = (
    (re.compile(r"kids|children|little ones", re.IGNORECASE), "children and childcare"),
    (re.compile(r"pregnant|expecting", re.IGNORECASE), "pregnancy"),
    (re.compile(r"religious|christian|muslim|jewish|catholic", re.IGNORECASE), "religion"),
    (re.compile(r"disabled", re.IGNORECASE), "disability, medical history or medications"),
    (re.compile(r"citizen|american", re.IGNORECASE), "citizenship beyond work authorization"),
    (re.compile(r"nationality", re.IGNORECASE), "birthplace or national origin"),
    (re.compile(r"age|birth", re.IGNORECASE), "age"),
)


def _generic_hit(text: str) -> tuple[int, int, int] | None:
    """(topic index, start, end) of the first topic term in a question to the candidate."""
    check = _generic()
    topics = _table()[2]
    bare = check.bare.match(text)
    if bare is not None:
        words = bare.group().strip(" ?!.,;:")
        name = next((n for p, n in _BARE_TOPICS if p.search(words)), "marital or family status")
        index = next(i for i, t in enumerate(topics) if t.topic == name)
        start = text.index(words)
        return index, start, start + len(words)
    if not check.question.search(text) or not check.you.search(text):
        return None
    possible = check.needs.runnable(check.needs.present(_caseless(text)))
    if not possible:
        return None
    skipped = any(p.search(text) for p in check.skip)
    for place in possible:
        index, pattern = check.topics[place]
        for match in pattern.finditer(text):
            start, end = match.span()
            before = text[max(start - 60, 0) : start]
            own = (
                before.lower().endswith("your ")
                or "your " in match.group().lower()
                or _KIN.search(before) is not None
            )
            if skipped and not own:
                continue
            if not own and (check.work.search(before) or not check.own.search(before + match.group()[:3])):
                continue
            if before.lower().endswith("your "):
                start -= 5
            return index, start, end
    return None


def protected_topics() -> list[str]:
    """The names of every topic checked, in the data file's order."""
    return [topic.topic for topic in _table()[2]]


def patterns() -> list[str]:
    """Every pattern's source, for tests (linear time, no stray flags)."""
    return [pattern.source for pattern in _table()[1].patterns]


def _word_end(text: str, end: int) -> int:
    """Stretch a match that stops inside a word (a stem like "disabilit") to the word's end."""
    while end < len(text) and text[end].isalnum():
        end += 1
    return end


def find_protected_topics(text: str) -> list[ProtectedHit]:
    """Every place in ``text`` where a question touches a protected topic, in order.

    Cached: a kit asks about the same packaged questions for every role.
    """
    return list(_find(text))


@functools.lru_cache(maxsize=4096)
def _find(text: str) -> tuple[ProtectedHit, ...]:
    owners, table, topics = _table()
    normal = normalize_loose(text)
    searched = normal.text
    lowered = lower_text(searched)
    found = sorted((start, owners[number], number, end) for number, start, end in table.matches(lowered))
    if not found:
        generic = _generic_hit(searched)
        if generic is not None:
            found = [(generic[1], generic[0], -1, generic[2])]
    hits: list[ProtectedHit] = []
    taken = 0
    for first, topic_index, _, end in found:
        if first < taken:
            continue
        last = _word_end(searched, end)
        while last > first and not searched[last - 1].isalnum():
            last -= 1
        if last <= first:
            continue
        taken = last
        topic = topics[topic_index]
        start, end = normal.span(first, last)
        hits.append(
            ProtectedHit(topic.topic, text[start:end], start, end, topic.alternative, topic.why, topic.law)
        )
    return tuple(hits)
