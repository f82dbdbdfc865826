"""Which library names a skill could match at all, found without scoring every name.

A fuzzy score between a skill and a library name is 0 unless the two share a word (the
same word, a plural or spelling variant, or one stem: ``competencies._same_word``).
Scoring each skill against all of the library's few thousand names made a role with
thousands of skills take minutes. :class:`WordIndex` keeps, for every word of the
library's names, the names it is in, and finds the words related to a skill's words
through three necessary conditions that a lookup or rapidfuzz's C loop checks quickly
(equal; the same first five letters; a rapidfuzz ratio of at least 86). Each candidate
is then confirmed with the same ``same_word`` test, so the names returned are exactly
those that can score above 0, in the library's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

RATIO = 86
"""rapidfuzz ratio from which two words of five letters or more may be the same word."""
HEAD = 5


class WordIndex:
    """The library names by word, for finding the names a skill can match."""

    def __init__(self, names: Sequence[Any], same_word: Callable[[str, str], bool]) -> None:
        self.names = tuple(names)
        self.same_word = same_word
        self.by_word: dict[str, list[int]] = {}
        for number, name in enumerate(self.names):
            for word in dict.fromkeys(str(name.key).split()):
                self.by_word.setdefault(word, []).append(number)
        self.vocabulary = [w for w in self.by_word if len(w) >= HEAD]
        self.by_head: dict[str, list[str]] = {}
        for word in self.vocabulary:
            self.by_head.setdefault(word[:HEAD], []).append(word)
        self._related: dict[str, tuple[str, ...]] = {}

    def related(self, word: str) -> tuple[str, ...]:
        """The library's words that are the same word as ``word``."""
        found = self._related.get(word)
        if found is not None:
            return found
        candidates: dict[str, None] = {}
        if word in self.by_word:
            candidates[word] = None
        if len(word) >= HEAD:
            candidates.update(dict.fromkeys(self.by_head.get(word[:HEAD], ())))
            from rapidfuzz import fuzz, process

            for match, _, _ in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=RATIO, limit=None
            ):
                candidates[match] = None
        found = tuple(w for w in candidates if self.same_word(w, word))
        if len(self._related) < 100_000:
            self._related[word] = found
        return found

    def candidates(self, skill_key: str) -> list[Any]:
        """The names sharing a word with ``skill_key``, in the library's order."""
        numbers: set[int] = set()
        for word in dict.fromkeys(skill_key.split()):
            for other in self.related(word):
                numbers.update(self.by_word[other])
        return [self.names[n] for n in sorted(numbers)]
