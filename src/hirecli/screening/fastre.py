"""Many hand-written patterns searched fast: lower-cased text, one pattern per alternative.

Python's ``re`` finds a pattern's first characters with a fast scan only when the
pattern starts with literal text or a set of literal characters, and only without
``IGNORECASE``; a leading ``\\b`` or an ``(?i)`` flag makes it try every alternative at
every position, which made the protected-topic screens cost milliseconds per
sentence. So each data pattern is split at its top-level ``|``, lower-cased
(escapes kept), stripped of a leading ``\\b`` (checked by hand after a match), and
searched on lower-cased text of the same length.

Linear time: the data patterns avoid nested unbounded quantifiers; a candidate that
fails the word-boundary check restarts the search one character later, so each
character starts at most one failed candidate per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BOUNDARY = "\\b"


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|(b|c)`` gives ``a`` and ``(b|c)``)."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _closing(pattern: str, opening: int) -> int:
    """The index of the parenthesis that closes the one at ``opening``, or -1."""
    depth, index, in_class = 0, opening, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _flatten(pattern: str) -> list[str]:
    """Top-level alternatives, with groups that wrap a whole alternative opened up."""
    parts: list[str] = []
    for part in split_alternatives(pattern):
        if part.startswith("(?:") and _closing(part, 0) == len(part) - 1:
            parts += _flatten(part[3:-1])
        else:
            parts.append(part)
    return parts


def lower_pattern(pattern: str) -> str:
    """``pattern`` with its letters lower-cased, except escapes (``\\W`` stays ``\\W``)."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        out.append(char.lower())
        index += 1
    return "".join(out)


def lower_text(text: str) -> str:
    """``text`` lower-cased character by character, so offsets stay the same."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


_HEAD = re.compile(r"[a-z0-9]+")
_SPECIAL = frozenset("()[]{}?*+|.\\^$")
_QUANTIFIERS = frozenset("?*{+")


def _literal_run(body: str) -> str:
    """The literal text ``body`` starts with (what every match must begin with)."""
    run: list[str] = []
    for index, char in enumerate(body):
        if char in _SPECIAL:
            break
        if body[index + 1 : index + 2] in _QUANTIFIERS and body[index + 1 : index + 2]:
            break
        run.append(char)
    return "".join(run)


def needles(body: str) -> tuple[tuple[str, bool], ...] | None:
    """Texts one of which every match of ``body`` starts with, or None when unknown.

    Each comes with whether its first word is whole (a space or other non-letter
    follows it in every match), so that a lookup in the text's words can stand in for
    a substring search.
    """
    run = _literal_run(body)
    if run:
        rest = body[len(run) : len(run) + 2]
        return ((run, _ends_word(run, rest)),)
    if not body.startswith("(?:"):
        return None
    depth, index = 0, 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        index += 1
    after = body[index + 1 : index + 3]
    if index >= len(body) or (after[:1] in _QUANTIFIERS and after[:1]):
        return None
    found: list[tuple[str, bool]] = []
    for option in split_alternatives(body[3:index]):
        head = _literal_run(option)
        if not head:
            return None
        found.append((head, _ends_word(head, option[len(head) : len(head) + 2] or after)))
    return tuple(found)


def _ends_word(run: str, following: str) -> bool:
    """True when the first word of ``run`` is whole: something other than a letter follows it."""
    match = _HEAD.match(run)
    if match is None:
        return False
    if match.end() < len(run):
        return True
    return following[:1] in (" ", "'", "-") or following in ("\\b", "\\s", "\\W")


@dataclass(frozen=True, slots=True)
class _Alternative:
    pattern: re.Pattern[str]
    boundary: bool
    needles: tuple[tuple[str, bool], ...] | None


class FastPattern:
    """A data pattern (alternatives joined by ``|``) searched on lower-cased text."""

    __slots__ = ("alternatives", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        alternatives = []
        for part in _flatten(source):
            boundary = part.startswith(_BOUNDARY)
            body = lower_pattern(part[2:] if boundary else part)
            found = needles(body)
            # Without a literal start there is no fast scan to gain, and the boundary keeps a
            # leading [a-z]+ from being tried inside every long word (linear time).
            compiled = _BOUNDARY + body if boundary and found is None else body
            alternatives.append(_Alternative(re.compile(compiled), boundary, found))
        self.alternatives = tuple(alternatives)

    def spans(self, lowered: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match of every alternative, each alternative left to right.

        ``lowered`` must be lower-cased (:func:`lower_text`). Matches of one alternative
        do not overlap; matches of different alternatives may.
        """
        for alternative in self.alternatives:
            yield from _spans(alternative, lowered)

    def search(self, lowered: str) -> tuple[int, int] | None:  # pragma: no cover - convenience
        """The leftmost match of any alternative, or None."""
        best: tuple[int, int] | None = None
        for span in self.spans(lowered):
            if best is None or span[0] < best[0]:
                best = span
        return best


_TOKEN = re.compile(r"[a-z0-9]+")


class PatternSet:
    """Many :class:`FastPattern` s searched together, skipping those that cannot match.

    Every alternative's possible first words are indexed: an alternative whose first
    words are whole words runs only on texts that contain one of them; one that starts
    with part of a word ("disabilit") runs when the text contains that part; one
    whose start is unknown always runs.
    """

    def __init__(self, patterns: list[FastPattern]) -> None:
        self.patterns = patterns
        self.by_word: dict[str, list[tuple[int, int]]] = {}
        self.by_part: dict[str, list[tuple[int, int]]] = {}
        self.always: list[tuple[int, int]] = []
        for number, pattern in enumerate(patterns):
            for index, alternative in enumerate(pattern.alternatives):
                key = (number, index)
                heads = _heads(alternative.needles)
                if heads is None:
                    self.always.append(key)
                    continue
                for head, whole in heads:
                    (self.by_word if whole else self.by_part).setdefault(head, []).append(key)

    def candidates(self, lowered: str) -> list[tuple[int, int]]:
        """(pattern, alternative) pairs worth running on ``lowered``, in data order."""
        chosen: set[tuple[int, int]] = set(self.always)
        for word in set(_TOKEN.findall(lowered)):
            found = self.by_word.get(word)
            if found:
                chosen.update(found)
        for part, keys in self.by_part.items():
            if part in lowered:
                chosen.update(keys)
        return sorted(chosen)

    def matches(self, lowered: str) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, by pattern number then position."""
        found: list[tuple[int, int, int]] = []
        for number, index in self.candidates(lowered):
            alternative = self.patterns[number].alternatives[index]
            found += [(number, a, b) for a, b in _spans(alternative, lowered)]
        return found


def _heads(found: tuple[tuple[str, bool], ...] | None) -> list[tuple[str, bool]] | None:
    """The first word of each needle, and whether it is a whole word."""
    if found is None:
        return None
    heads: list[tuple[str, bool]] = []
    for needle, whole in found:
        match = _HEAD.match(needle)
        if match is None:
            return None
        heads.append((match.group(), whole))
    return heads


def _spans(alternative: _Alternative, lowered: str) -> Iterator[tuple[int, int]]:
    size = len(lowered)
    search = alternative.pattern.search
    position = 0
    while position <= size:
        match = search(lowered, position)
        if match is None:
            break
        start, end = match.span()
        if alternative.boundary and start < size:
            before = start > 0 and _word(lowered[start - 1])
            if before == _word(lowered[start]):
                position = start + 1
                continue
        yield start, end
        position = end if end > start else start + 1
