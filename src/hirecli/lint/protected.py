"""Interview questions that touch protected topics, each with a job-related alternative.

The patterns (``data/lint/protected.yaml``) look for the shape of a question
("are you married", "what year did you graduate") rather than for bare words, so
job duties such as "support a client's family" or "patients of all ages" are not
hits. The interview-kit builder calls :func:`find_protected_topics` on custom
questions, so its signature and :class:`ProtectedHit` stay stable.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hirecli.lint.data import apostrophes, load_data


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


@dataclass(frozen=True, slots=True)
class _Topic:
    topic: str
    why: str
    alternative: str


@functools.cache
def _table() -> tuple[re.Pattern[str], tuple[_Topic, ...]]:
    """One combined pattern with a named group per topic, compiled once per process."""
    data = load_data("protected.yaml")
    topics: list[_Topic] = []
    groups: list[str] = []
    for index, entry in enumerate(data["topics"]):
        topics.append(_Topic(entry["topic"], " ".join(entry["why"].split()),
                             " ".join(entry["alternative"].split())))
        body = "|".join(f"(?:{apostrophes(p)})" for p in entry["patterns"])
        groups.append(f"(?P<t{index}>{body})")
    return re.compile("|".join(groups), re.IGNORECASE), tuple(topics)


def protected_topics() -> list[str]:
    """The names of every topic checked, in the data file's order."""
    return [topic.topic for topic in _table()[1]]


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
    pattern, topics = _table()
    hits: list[ProtectedHit] = []
    for match in pattern.finditer(text):
        assert match.lastgroup is not None
        topic = topics[int(match.lastgroup[1:])]
        end = _word_end(text, match.end())
        hits.append(ProtectedHit(topic.topic, text[match.start():end], match.start(), end,
                                 topic.alternative, topic.why))
    return tuple(hits)
