"""The protected-characteristic screen for postings: stated preferences and limits the law forbids.

Where :mod:`hirecli.screening.protected` looks for the shape of a question ("are you
married?"), this module looks for the shape of a requirement or preference in a notice
("applicants must be between 21 and 30", "male candidates preferred", "US citizens
only"), in every text of a posting or role file. Each hit names the law it rests on and
a lawful rewrite; the patterns, their exceptions and the laws are data
(``data/lint/screen.yaml``).

A hit is dropped when an ``unless`` context around it shows a lawful use ("young
adults" as clients, "native apps", "male connectors"), or when a ``near`` context in
the posting shows a law requires it (citizenship for a security clearance). A
posting-wide ``exempt`` context (a religious organisation, a stated bona fide
occupational qualification) turns an error into a warning that says why.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hirecli.screening.fastre import FastPattern, PatternSet, lower_text
from hirecli.screening.lines import LineScanner
from hirecli.screening.tables import load_data

_WINDOW = 120
_PART = re.compile(r"%(\w+)%")


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    """One group of patterns of a topic, with its rewrite and the contexts where it is lawful."""

    topic_id: str
    topic: str
    law: str
    why: str
    rewrite: str
    pattern: FastPattern
    severity: str | None = None
    unless_source: str | None = None
    near_source: str | None = None
    exempt: str | None = None
    kind: str | None = None
    """For record wording: "arrests" or "convictions" (the law depends on the place)."""

    @property
    def unless(self) -> re.Pattern[str] | None:
        """The lawful contexts, compiled when first needed (most postings never need them)."""
        return _lazy(self.unless_source)

    @property
    def near(self) -> re.Pattern[str] | None:
        return _lazy(self.near_source)


@functools.cache
def _lazy(source: str | None) -> re.Pattern[str] | None:
    return None if source is None else re.compile(source, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ScreenHit:
    """One place in a text that states a preference or limit on a protected characteristic."""

    entry: ScreenEntry
    start: int
    end: int
    matched: str


def _expand(pattern: str, parts: dict[str, str]) -> str:
    for _ in range(3):  # parts may use parts
        expanded = _PART.sub(lambda m: parts[m.group(1)], pattern)
        if expanded == pattern:
            break
        pattern = expanded
    return pattern


def _join(patterns: list[str], parts: dict[str, str]) -> str:
    return "|".join(f"(?:{_expand(p, parts)})" for p in patterns)


def _compile(patterns: list[str], parts: dict[str, str]) -> re.Pattern[str]:
    return re.compile(_join(patterns, parts), re.IGNORECASE)


def _clean(text: object) -> str:
    return " ".join(str(text).split())


@functools.cache
def entries() -> tuple[ScreenEntry, ...]:
    """Every entry of the screen, compiled once per process."""
    data = load_data("screen.yaml")
    parts = {name: _clean(value) for name, value in data["parts"].items()}
    found: list[ScreenEntry] = []
    for topic in data["topics"]:
        for entry in topic["entries"]:
            unless = entry.get("unless")
            near = entry.get("near")
            found.append(
                ScreenEntry(
                    topic["id"],
                    topic["topic"],
                    _clean(entry.get("law") or topic.get("law", "")),
                    _clean(topic["why"]),
                    _clean(entry["rewrite"]),
                    FastPattern(_join(entry["patterns"], parts)),
                    entry.get("severity"),
                    _join(unless, parts) if unless else None,
                    _join(near, parts) if near else None,
                    topic.get("exempt"),
                    entry.get("kind"),
                )
            )
    return tuple(found)


@functools.cache
def _scanner() -> LineScanner:
    """The entries' patterns, searched line by line: most lines of a posting recur across a run."""
    return LineScanner(PatternSet([entry.pattern for entry in entries()]))


def patterns() -> list[str]:
    """Every pattern's source as compiled, for tests (linear time, no stray flags)."""
    return [entry.pattern.source for entry in entries()]


@functools.cache
def accommodation() -> re.Pattern[str]:
    """An accommodation clause ("with or without reasonable accommodation")."""
    data = load_data("screen.yaml")
    return _compile(data["accommodation"], {})


@functools.cache
def exemption(name: str) -> re.Pattern[str]:
    return re.compile(_clean(load_data("screen.yaml")["exemptions"][name]), re.IGNORECASE)


@functools.cache
def record_laws() -> dict[str, dict[str, str]]:
    """Laws on arrest and conviction records by region code, plus ``cities`` and ``federal``."""
    data = load_data("screen.yaml")["records"]
    return {
        "arrests": {k: _clean(v) for k, v in data["arrests"].items()},
        "convictions": {k: _clean(v) for k, v in data["convictions"].items()},
        "cities": {k.casefold(): _clean(v) for k, v in data["cities"].items()},
        "federal": {"": _clean(data["federal"])},
    }


def _excused(entry: ScreenEntry, text: str, start: int, end: int) -> bool:
    """True when a lawful context around the hit (within its own line) covers it."""
    unless = entry.unless
    if unless is None:
        return False
    left = max(start - _WINDOW, text.rfind("\n", 0, start) + 1)
    stop = text.find("\n", end)
    right = min(end + _WINDOW, len(text) if stop < 0 else stop)
    window = text[left:right]
    first, last = start - left, end - left
    position = 0
    while position <= first:  # overlapping matches: a short context must not hide a longer one
        match = unless.search(window, position)
        if match is None or match.start() > first:
            return False
        if match.end() >= last:
            return True
        position = match.start() + 1
    return False


def _word_end(text: str, end: int) -> int:
    while end < len(text) and (text[end].isalnum()):
        end += 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def screen(text: str, context: str | None = None) -> list[ScreenHit]:
    """Every preference or limit on a protected characteristic stated in ``text``.

    ``text`` should be normalised (:func:`hirecli.screening.normalize.normalize`); offsets are
    into it. ``context`` (default: ``text``) is where ``near`` exceptions are looked for,
    usually the whole posting. Exemptions and jurisdictions are the caller's business.
    """
    return list(_screen(text, context))


@functools.lru_cache(maxsize=256)
def _near(source: str, context: str) -> bool:
    """Whether a ``near`` exception is in ``context``; once per posting, not once per hit."""
    near = _lazy(source)
    return near is not None and near.search(context) is not None


def _screen(text: str, context: str | None) -> tuple[ScreenHit, ...]:
    table = entries()
    lowered = lower_text(text)
    found = sorted((start, number, end) for number, start, end in _scanner().matches(lowered))
    candidates: list[ScreenHit] = []
    for first, number, last in found:
        entry = table[number]
        start, end = _trim(text, first, _word_end(text, last))
        if end <= start or "\n" in text[start:end] or _excused(entry, text, start, end):
            continue
        if entry.near_source is not None and _near(
            entry.near_source, context if context is not None else text
        ):
            continue
        candidates.append(ScreenHit(entry, start, end, text[start:end]))
    # Where hits overlap, the one reaching furthest names what is wanted ("young team" over
    # "Work with a young"); then the longest.
    candidates.sort(key=lambda h: (-h.end, h.start))
    hits: list[ScreenHit] = []
    for hit in candidates:
        if not any(h.start < hit.end and hit.start < h.end for h in hits):
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return tuple(hits)
