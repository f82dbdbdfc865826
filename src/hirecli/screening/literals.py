"""Texts one of which every match of a data pattern contains, so that hopeless searches are skipped.

The word index of :class:`~hirecli.screening.fastre.PatternSet` looks only at how an
alternative starts; many start with an optional word (``(?:the |our )?(?:ideal|...)``)
or a character class, so they ran on every text, trying a match at every position.
Nearly all of them still need some literal text somewhere ("candidate", "native
speaker"), often in several places ("candidate" and "under 30"): when the text lacks
one of them, the pattern cannot match there, and substring tests are far cheaper than the
search.

:func:`required` reads the pattern source in one pass and knows only the plain syntax
the data patterns use; anything else (an escape by code, a flag group, a conditional)
makes it answer None, which means "search anyway".
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[^\\\[\]().^$|?*+{}]+")
"""A run of characters that match themselves."""
_CLASS_ESCAPES = frozenset("bBwWdDsSAZ")
"""Escapes that stand for no literal character (classes and anchors)."""
_SHORTEST = 2
"""A literal shorter than this rules out too little to be worth a test."""
Texts = frozenset[str]


class _Unknown(Exception):
    """Syntax this reader does not follow."""


def required(source: str) -> tuple[Texts, ...]:
    """Sets of texts such that every match of the regex ``source`` contains one text of each
    set, most selective first; empty when nothing is known."""
    reader = _Reader(source)
    try:
        last, found, end = reader.alternatives(0)
    except (_Unknown, IndexError, ValueError):
        return ()
    if end != len(source):
        return ()
    factors = last.factors if last is not None else [found] if found is not None else []
    # a text with a line break would stop lines from being tested one at a time
    kept = [f for f in factors if min(map(len, f)) >= _SHORTEST and not any("\n" in t for t in f)]
    return tuple(sorted(kept, key=_selective, reverse=True))


def _selective(texts: Texts) -> tuple[int, int]:
    """How much a set of texts rules out, roughly: its shortest text is long, it has few texts."""
    return min(map(len, texts)), -len(texts)


class _Sequence:
    """What one alternative needs so far: finished factors and the literal run being read."""

    def __init__(self) -> None:
        self.factors: list[Texts] = []
        self.run: list[str] = []

    def flush(self) -> None:
        text = "".join(self.run)
        if text:
            self.factors.append(frozenset((text,)))
        self.run.clear()

    def best(self) -> Texts | None:
        """The most selective factor, or None when there is none."""
        self.flush()
        factors = self.factors
        if len(factors) < 2:
            return factors[0] if factors else None
        return max(factors, key=_selective)


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def alternatives(self, index: int) -> tuple[_Sequence | None, Texts | None, int]:
        """What alternatives from ``index`` up to an unmatched ``)`` (or the end) need, and where
        they stop; when there is only one, its sequence too (each of its factors is needed)."""
        pattern = self.pattern
        options: list[Texts | None] = []
        sequence = _Sequence()
        single = True
        while index < len(pattern):
            char = pattern[index]
            if char == ")":
                break
            if char == "|":
                options.append(sequence.best())
                sequence.factors = []
                single = False
                index += 1
            elif char == "(":
                sequence.flush()
                index = self._group(index, sequence)
            elif char in "[\\.^$":
                index = self._single(index, sequence)
            else:
                plain = _PLAIN.match(pattern, index)
                if plain is None:  # a quantifier with nothing before it
                    raise _Unknown(pattern)
                text = plain.group()
                index = plain.end()
                least, length = self._quantifier(index)
                if length:  # the last character alone is repeated or optional
                    sequence.run.append(text[:-1])
                    if least >= 1:
                        sequence.run.append(text[-1])
                    sequence.flush()
                    index += length
                else:
                    sequence.run.append(text)
        options.append(sequence.best())
        union: set[str] = set()
        for option in options:
            if option is None:
                return None, None, index
            union |= option
        return sequence if single else None, frozenset(union), index

    def _single(self, index: int, sequence: _Sequence) -> int:
        """Read one class, escape, ``.`` or anchor (and its quantifier); an escaped character is
        literal text."""
        pattern = self.pattern
        char = pattern[index]
        literal = ""
        if char == "[":
            index = self._class_end(index) + 1
        elif char == "\\":
            escaped = pattern[index + 1]
            if escaped.isalnum() and escaped not in _CLASS_ESCAPES:
                raise _Unknown(pattern)
            literal = "" if escaped.isalnum() else escaped
            index += 2
        else:
            index += 1
        least, length = self._quantifier(index)
        if literal and least >= 1:
            sequence.run.append(literal)
        if length or not literal:
            sequence.flush()
        return index + length

    def _group(self, index: int, sequence: _Sequence) -> int:
        pattern = self.pattern
        head = pattern[index + 1 : index + 4]
        needed = True
        if head.startswith("?:"):
            start = index + 3
        elif head.startswith(("?=", "?!")):
            start, needed = index + 3, False
        elif head in ("?<=", "?<!"):
            start, needed = index + 4, False
        elif head.startswith("?P<"):
            start = pattern.index(">", index) + 1
        elif head.startswith("?"):
            raise _Unknown(pattern)
        else:
            start = index + 1
        _, found, close = self.alternatives(start)
        if pattern[close] != ")":
            raise _Unknown(pattern)
        least, length = self._quantifier(close + 1)
        if needed and least >= 1 and found is not None:
            sequence.factors.append(found)
        return close + 1 + length

    def _class_end(self, index: int) -> int:
        """The index of the ``]`` that closes the class opening at ``index``."""
        pattern = self.pattern
        index += 1
        if pattern[index] == "^":
            index += 1
        if pattern[index] == "]":
            index += 1
        while pattern[index] != "]":
            index += 2 if pattern[index] == "\\" else 1
        return index

    def _quantifier(self, index: int) -> tuple[int, int]:
        """(least repeats, length) of a quantifier at ``index``; (1, 0) when there is none."""
        pattern = self.pattern
        char = pattern[index : index + 1]
        if char in ("?", "*", "+"):
            least, length = (1 if char == "+" else 0), 1
        elif char == "{":
            close = pattern.index("}", index)
            bounds = pattern[index + 1 : close].split(",")
            if len(bounds) > 2 or not all(b.isdigit() for b in bounds if b) or not any(bounds):
                raise _Unknown(pattern)
            least, length = int(bounds[0] or 0), close - index + 1
        else:
            return 1, 0
        if pattern[index + length : index + length + 1] in ("?", "+"):  # lazy or possessive
            length += 1
        return least, length
