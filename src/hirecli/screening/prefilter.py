"""Which patterns of a set may match a text, told from the literal texts each one needs.

A pattern's search is only worth running when the text contains some text of each of its
factors (:func:`~hirecli.screening.literals.required`). Testing a couple of thousand texts
one by one, in Python, cost more than the searches it saved; a single regex scan over a
trie of all of them finds every text the string contains, in C.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Generic, TypeVar

from hirecli.screening.literals import Texts

K = TypeVar("K", int, tuple[int, int])
_Trie = dict[str, "_Trie"]


def _trie(texts: set[str]) -> str:
    """A regex that matches, at any place, the longest of ``texts`` that starts there."""
    root: _Trie = {}
    for text in texts:
        node = root
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        kids = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer text first

    return emit(root)


class LiteralIndex:
    """Which of many texts occur in a string, found in one scan."""

    def __init__(self, texts: Iterable[str]) -> None:
        known = {text for text in texts if text}
        self._prefixes = {
            text: tuple(text[:end] for end in range(1, len(text) + 1) if text[:end] in known)
            for text in known
        }
        """For the longest text found at a place, every text found there (its prefixes)."""
        self._scan = re.compile(f"(?=({_trie(known)}))") if known else None

    def present(self, text: str) -> set[str]:
        """The indexed texts that occur in ``text``."""
        found: set[str] = set()
        if self._scan is not None:
            for match in self._scan.finditer(text):
                found.update(self._prefixes[match.group(1)])
        return found


class Prefilter(Generic[K]):
    """The factors of many regexes (by key), to tell which of them may match a text.

    One factor of every regex is looked up from the texts present, so that only the regexes
    that pass it have their other factors tested.
    """

    def __init__(self, needs: dict[K, tuple[Texts, ...]], words: Iterable[str] = ()) -> None:
        """``words``: other texts whose presence the caller wants to know (:meth:`present`)."""
        self.needs: dict[K, tuple[Texts, ...]] = needs
        self.free: frozenset[K] = frozenset(key for key, factors in needs.items() if not factors)
        self.first: dict[str, list[K]] = {}
        self.rest: dict[K, tuple[Texts, ...]] = {}
        texts: set[str] = set(words)
        # A text many patterns need (" you ", "what ") is common in the texts they look at
        # too: the factor to look up first is the one whose texts fewest patterns share.
        shared = Counter(text for factors in needs.values() for text in set().union(*factors))
        for key, found in needs.items():
            factors = sorted(found, key=lambda factor: sum(shared[text] for text in factor))
            for factor in factors:
                texts |= factor
            if factors:
                for text in factors[0]:
                    self.first.setdefault(text, []).append(key)
                if len(factors) > 1:
                    self.rest[key] = tuple(factors[1:])
        self.index = LiteralIndex(texts)

    def present(self, text: str) -> set[str]:
        """The texts of every factor, and the ``words``, that occur in ``text``."""
        return self.index.present(text)

    def texts(self, keys: Iterable[K]) -> frozenset[str]:
        """Every text of the factors of ``keys``."""
        return frozenset(text for key in keys for factor in self.needs[key] for text in factor)

    def runnable(self, present: set[str]) -> list[K]:
        """The keys whose every factor has a text in ``present``, in order."""
        passed = set(self.free)
        for found in present:
            passed.update(self.first.get(found, ()))
        return sorted(
            key
            for key in passed
            if key not in self.rest or all(not factor.isdisjoint(present) for factor in self.rest[key])
        )
