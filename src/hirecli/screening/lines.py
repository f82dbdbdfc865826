"""A :class:`~hirecli.screening.fastre.PatternSet` searched line by line, each line's matches kept.

The law screen reads a whole posting at once, and most of its lines (the EEO statement,
the company's benefits, generated interview questions) recur in every role file of a
run; searching each distinct line once made the screen several times cheaper. The
result is that of :meth:`PatternSet.matches` on the whole text, match for match:

- An alternative that can neither match nor look at a line break, and has no ``^`` or
  ``$`` (:func:`line_local`, read from its source, erring towards no), finds in a line
  alone what it finds there in the whole text: a line break stops it as the end of the
  text does, ``\\b`` included. Any other alternative runs on the whole text.
- Which alternatives are candidates is still decided on the whole text, as
  :meth:`PatternSet.candidates` does. A line's candidates are the same as the whole
  text's for all but one kind: an alternative without a leading ``\\b`` whose first
  word is indexed as a whole word ("no" of ``(?:no|not) ...``) can match inside a longer
  word ("casi*no* women"), so it runs on each line that contains the word anywhere, and its
  matches count only when the whole text has the word on its own.
"""

from __future__ import annotations

import functools
import re

from hirecli.screening.fastre import Key, PatternSet, words

LineMatches = tuple[frozenset[Key], tuple[tuple[int, int, int, int], ...], frozenset[str]]
"""A line's candidates among gated alternatives, its matches, the texts of :meth:`whole_texts`
it holds."""

_RISKY = re.compile(r"\\.|[\^$]|\(\?[^:=!<P>]|[\x00-\x1f]", re.DOTALL)
"""An escape, an anchor or ``[^``, a flag group, or a control character (a raw line break)."""
_SAFE_ESCAPES = frozenset("bBwdS")
_NONE: frozenset[Key] = frozenset()


def line_local(source: str) -> bool:
    """True when the regex ``source`` (compiled without flags) can match no line break, look at
    none, and has no anchor but ``\\b``, so that lines can be searched one at a time.

    Conservative: a negated class, ``\\s``, ``\\W``, ``\\D``, an escape by code, a flag
    group or any anchor makes it False.
    """
    for match in _RISKY.finditer(source):
        token = match.group()
        if token[0] != "\\":
            return False
        char = token[1]
        if char in _SAFE_ESCAPES:
            continue
        if char.isalnum() or (char.isspace() and char != " ") or not char.isprintable():
            return False
    return True


class LineScanner:
    """Searches a text's lines one by one and keeps the matches of the last ``size`` distinct lines."""

    def __init__(self, patterns: PatternSet, size: int = 16384) -> None:
        self.patterns = patterns
        self.local: set[Key] = set()
        self.loose: dict[Key, tuple[str, ...]] = {}
        """Whole first words of alternatives without a leading ``\\b``, which may match mid-word."""
        for number, pattern in enumerate(patterns.patterns):
            for index, alternative in enumerate(pattern.alternatives):
                key = (number, index)
                if line_local(alternative.source):
                    self.local.add(key)
                if not alternative.boundary:
                    found = tuple(head for head, whole in alternative.heads() or () if whole)
                    if found:
                        self.loose[key] = found
        self.gated = frozenset(set(self.loose) | (set(patterns.gates) - self.local))
        """Alternatives whose candidacy each text decides as a whole."""
        self._whole_texts: frozenset[str] | None = None
        self._line = functools.lru_cache(maxsize=size)(self._scan)

    def whole_texts(self) -> frozenset[str]:
        """The literal texts that the alternatives searched on the whole text need."""
        if self._whole_texts is None:
            self._whole_texts = self.patterns.prefilter().texts(self.gated - self.local)
        return self._whole_texts

    def _scan(self, line: str) -> LineMatches:
        """The line's candidates among the gated alternatives, (pattern, alternative, start, end)
        of every match of a line-local alternative that may match in it, and the texts of
        :meth:`whole_texts` in it."""
        patterns = self.patterns
        present = patterns.prefilter().present(line)
        found_words = words(line)
        gate = frozenset(key for key in self.gated if patterns.candidate(key, found_words, present))
        found: list[tuple[int, int, int, int]] = []
        for key in patterns.prefilter().runnable(present):
            if key in self.local and (
                patterns.candidate(key, found_words, present)
                or any(head in line for head in self.loose.get(key, ()))
            ):
                number, index = key
                found += [
                    (number, index, a, b)
                    for a, b in patterns.patterns[number].alternatives[index].spans(line)
                ]
        return gate or _NONE, tuple(found), frozenset(present & self.whole_texts())

    def matches(self, lowered: str) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match in ``lowered``, as :meth:`PatternSet.matches`
        finds them, in no particular order."""
        gate: set[Key] = set()
        present: set[str] = set()  # texts never hold a line break: the whole has what its lines have
        lines: list[tuple[int, LineMatches]] = []
        offset = 0
        for line in lowered.split("\n"):
            found = self._line(line)
            gate |= found[0]
            present |= found[2]
            lines.append((offset, found))
            offset += len(line) + 1
        result: list[tuple[int, int, int]] = []
        for offset, (_, spans, _) in lines:
            for number, index, a, b in spans:
                if (number, index) in gate or (number, index) not in self.gated:
                    result.append((number, offset + a, offset + b))
        for number, index in self.patterns.prefilter().runnable(present):
            if (number, index) in gate and (number, index) not in self.local:
                alternative = self.patterns.patterns[number].alternatives[index]
                result += [(number, a, b) for a, b in alternative.spans(lowered)]
        return result
