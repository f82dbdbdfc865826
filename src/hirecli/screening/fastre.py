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

from hirecli.screening.literals import required
from hirecli.screening.prefilter import Prefilter

_BOUNDARY = "\\b"


_PIECES = re.compile(r"\\.?|\[\]?(?:\\.?|[^\]\\])*\]?|[()|]|[^\\\[()|]+", re.DOTALL)
"""An escape, a character class (a ``]`` first is literal), a parenthesis or bar, other text."""
_GROUP_PIECES = re.compile(r"\\.?|\[(?:\\.?|[^\]\\])*\]?|[()]|[^\\\[()]+", re.DOTALL)
"""The same for :func:`_closing`, which reads a ``]`` right after ``[`` as the class's end."""


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|(b|c)`` gives ``a`` and ``(b|c)``)."""
    parts: list[str] = []
    depth = start = 0
    for piece in _PIECES.finditer(pattern):
        char = piece.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start : piece.start()])
            start = piece.end()
    parts.append(pattern[start:])
    return parts


def _closing(pattern: str, opening: int) -> int:
    """The index of the parenthesis that closes the one at ``opening``, or -1."""
    depth = 0
    for piece in _GROUP_PIECES.finditer(pattern, opening):
        char = piece.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return piece.start()
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
    return _ESCAPE_OR_TEXT.sub(_lower_piece, pattern)


_ESCAPE_OR_TEXT = re.compile(r"\\.?|[^\\]+", re.DOTALL)


def _lower_piece(piece: re.Match[str]) -> str:
    text = piece.group()
    if text[0] == "\\":
        return text
    return text.lower() if text.isascii() else "".join(c.lower() for c in text)


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


class Alternative:
    """One alternative of a data pattern, compiled when first searched (most never are: the
    word index of :class:`PatternSet` skips them)."""

    __slots__ = ("_pattern", "boundary", "needles", "source")

    def __init__(self, source: str, boundary: bool, found: tuple[tuple[str, bool], ...] | None) -> None:
        self.source = source
        self.boundary = boundary
        self.needles = found
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern

    def heads(self) -> list[tuple[str, bool]] | None:
        """The first word of each needle and whether it is a whole word, or None when unknown."""
        if self.needles is None:
            return None
        found: list[tuple[str, bool]] = []
        for needle, whole in self.needles:
            match = _HEAD.match(needle)
            if match is None:
                return None
            found.append((match.group(), whole))
        return found

    def spans(self, lowered: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match in ``lowered``, left to right, none overlapping."""
        size = len(lowered)
        search = self.pattern.search
        position = 0
        while position <= size:
            match = search(lowered, position)
            if match is None:
                break
            start, end = match.span()
            if self.boundary and start < size:
                before = start > 0 and _word(lowered[start - 1])
                if before == _word(lowered[start]):
                    position = start + 1
                    continue
            yield start, end
            position = end if end > start else start + 1


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
            alternatives.append(Alternative(compiled, boundary, found))
        self.alternatives = tuple(alternatives)

    def spans(self, lowered: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match of every alternative, each alternative left to right.

        ``lowered`` must be lower-cased (:func:`lower_text`). Matches of one alternative
        do not overlap; matches of different alternatives may.
        """
        for alternative in self.alternatives:
            yield from alternative.spans(lowered)

    def search(self, lowered: str) -> tuple[int, int] | None:  # pragma: no cover - convenience
        """The leftmost match of any alternative, or None."""
        best: tuple[int, int] | None = None
        for span in self.spans(lowered):
            if best is None or span[0] < best[0]:
                best = span
        return best


_TOKEN = re.compile(r"[a-z0-9]+")
Key = tuple[int, int]
"""(pattern number, alternative index) in a :class:`PatternSet`."""


class PatternSet:
    """Many :class:`FastPattern` s searched together, skipping those that cannot match.

    Every alternative's possible first words are indexed: an alternative whose first
    words are whole words runs only on texts that contain one of them; one that starts
    with part of a word ("disabilit") runs when the text contains that part; one
    whose start is unknown always runs. And it runs only when the text has the literal
    texts it needs (:mod:`hirecli.screening.prefilter`).
    """

    def __init__(self, patterns: list[FastPattern]) -> None:
        self.patterns = patterns
        self.gates: dict[Key, tuple[frozenset[str], frozenset[str]] | None] = {}
        """Each alternative's whole first words and parts of words, or None: it always runs."""
        self._prefilter: Prefilter[Key] | None = None
        for number, pattern in enumerate(patterns):
            for index, alternative in enumerate(pattern.alternatives):
                heads = alternative.heads()
                self.gates[(number, index)] = (
                    None
                    if heads is None
                    else (
                        frozenset(head for head, whole in heads if whole),
                        frozenset(head for head, whole in heads if not whole),
                    )
                )

    def candidate(self, key: Key, words: set[str], present: set[str]) -> bool:
        """Whether the first-word index lets ``key`` run on a text with these ``words``
        (:func:`words`) and ``present`` texts (:meth:`prefilter`), which hold its parts of words."""
        gate = self.gates[key]
        return gate is None or not gate[0].isdisjoint(words) or not gate[1].isdisjoint(present)

    def prefilter(self) -> Prefilter[Key]:
        """The literal texts each alternative needs, and the parts of words of the index."""
        if self._prefilter is None:
            needs = {
                (number, index): required(alternative.source)
                for number, pattern in enumerate(self.patterns)
                for index, alternative in enumerate(pattern.alternatives)
            }
            parts = {part for gate in self.gates.values() if gate is not None for part in gate[1]}
            self._prefilter = Prefilter(needs, parts)
        return self._prefilter

    def matches(self, lowered: str) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, by pattern number then position."""
        prefilter = self.prefilter()
        present = prefilter.present(lowered)
        found_words = words(lowered)
        found: list[tuple[int, int, int]] = []
        for number, index in prefilter.runnable(present):
            if self.candidate((number, index), found_words, present):
                alternative = self.patterns[number].alternatives[index]
                found += [(number, a, b) for a, b in alternative.spans(lowered)]
        return found


def words(lowered: str) -> set[str]:
    """The words of a lower-cased text, as the first-word index knows them."""
    return set(_TOKEN.findall(lowered))
