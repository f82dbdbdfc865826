"""Text as the checks match it, with every position still pointing at the original.

Postings arrive with full-width letters, ligatures ("ﬁ"), non-breaking spaces,
zero-width characters, soft hyphens, typographic apostrophes and dashes, and now and
then Cyrillic or Greek letters that look like Latin ones ("уоung"), by accident or
to slip past a filter. :func:`normalize` turns all of them into the plain characters
the word lists and patterns are written in:

- Unicode NFKC, one base character with its combining marks at a time, so "ﬁ"
  becomes "fi" and "e" + U+0301 becomes "é";
- format characters (Unicode category Cf: zero-width space and joiners, soft hyphen,
  word joiner, byte-order mark, bidi controls) are dropped;
- Cyrillic and Greek letters that look like Latin letters are folded to them inside a
  word that also has Latin letters, or that is made only of such look-alikes;
- typographic apostrophes become ``'`` and the hyphen and dash characters ``-``.

:class:`Normalized` keeps, for every character of the normalised text, the span of
the original it came from, so a match found in the normalised text maps back to the
exact characters the user wrote. Every check of the linter matches on this text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Letters that look like Latin letters, by the Latin letter they pass for.
_LOOKALIKES = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "l",
    "А": "A",
    "В": "B",
    "Е": "E",
    "Ё": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ї": "I",
    "Ј": "J",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Һ": "H",
    "Ӏ": "I",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}
# More letters that pass for Latin ones: small capitals, dotless i and Latin alpha, and the
# Armenian and Cherokee letters that confusable-character lists name first.
_LOOKALIKES.update(
    {
        "ᴀ": "a",
        "ʙ": "b",
        "ᴄ": "c",
        "ᴅ": "d",
        "ᴇ": "e",
        "ꜰ": "f",
        "ɢ": "g",
        "ʜ": "h",
        "ɪ": "i",
        "ᴊ": "j",
        "ᴋ": "k",
        "ʟ": "l",
        "ᴍ": "m",
        "ɴ": "n",
        "ᴏ": "o",
        "ᴘ": "p",
        "ʀ": "r",
        "ꜱ": "s",
        "ᴛ": "t",
        "ᴜ": "u",
        "ᴠ": "v",
        "ᴡ": "w",
        "ʏ": "y",
        "ᴢ": "z",
        "ı": "i",
        "ȷ": "j",
        "ɑ": "a",
        "ɡ": "g",
        "ɩ": "i",
        "ϲ": "c",
        "ϳ": "j",
        "Ϲ": "C",
        "օ": "o",
        "ս": "u",
        "հ": "h",
        "ց": "g",
        "ո": "n",
        "զ": "q",
        "Ꭺ": "A",
        "Ᏼ": "B",
        "Ꮯ": "C",
        "Ꭰ": "D",
        "Ꭼ": "E",
        "Ꮐ": "G",
        "Ꮋ": "H",
        "Ꭵ": "i",
        "Ꮶ": "K",
        "Ꮮ": "L",
        "Ꮇ": "M",
        "Ꮲ": "P",
        "Ꭱ": "R",
        "Ꮪ": "S",
        "Ꭲ": "T",
        "Ꮩ": "V",
        "Ꮃ": "W",
        "Ꮓ": "Z",
    }
)
# Characters that show nothing, besides format characters: the combining grapheme joiner,
# variation selectors, Hangul fillers and Khmer inherent vowels (Unicode's default-ignorables).
_IGNORABLE = frozenset(
    ["\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u3164", "\uffa0"]
    + [chr(c) for c in range(0x180B, 0x1810)]
    + [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0xE0100, 0xE01F0)]
)

_PUNCTUATION = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "′": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "﹘": "-",
    "“": '"',
    "”": '"',
    "„": '"',
}


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text, and for each of its characters the original span it stands for."""

    text: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def unchanged(self) -> bool:
        return self.text is self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised ``text[start:end]``."""
        if self.unchanged:
            return start, end
        size = len(self.text)
        if size == 0:
            return 0, 0
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        if start == size:
            return len(self.original), len(self.original)
        if end == start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]

    def position(self, offset: int) -> int:
        """The original offset of the normalised ``offset``."""
        return self.span(offset, offset)[0]


def _fold_word(chars: list[str]) -> list[str]:
    """Fold look-alike letters of one word when the word is (partly) Latin or all look-alikes."""
    letters = [c for c in chars if c.isalpha()]
    if not any(c in _LOOKALIKES for c in letters):
        return chars
    latin = any(c.isascii() for c in letters)
    if latin or all(c in _LOOKALIKES for c in letters):
        return [_LOOKALIKES.get(c, c) for c in chars]
    return chars


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> Normalized:
    """``text`` normalised for matching; see the module's description. Cached per text."""
    if text.isascii():
        return Normalized(text, text, (), ())
    pieces: list[tuple[str, int, int]] = []
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        end = index + 1
        while end < size and unicodedata.combining(text[end]):
            end += 1
        if unicodedata.category(char) == "Cf" or char in _IGNORABLE:
            index = end
            continue
        cluster = text[index:end]
        if cluster.isascii():
            out = cluster
        else:
            out = _PUNCTUATION.get(cluster) or unicodedata.normalize("NFKC", cluster)
            out = "".join(_PUNCTUATION.get(c, c) for c in out)
        for piece in out:
            pieces.append((piece, index, end))
        index = end
    chars = [p[0] for p in pieces]
    # Fold look-alikes word by word (a word: a run of letters, digits and apostrophes).
    start = 0
    while start < len(chars):
        if not chars[start].isalnum():
            start += 1
            continue
        stop = start
        while stop < len(chars) and (chars[stop].isalnum() or chars[stop] == "'"):
            stop += 1
        chars[start:stop] = _fold_word(chars[start:stop])
        start = stop
    folded = "".join(chars)
    if folded == text:
        return Normalized(text, text, (), ())
    return Normalized(folded, text, tuple(p[1] for p in pieces), tuple(p[2] for p in pieces))


_ODD_SPACE = re.compile(r"[^\S ]| {2}")
"""White space a plain sentence does not have: a tab, a line break, two spaces."""


def _plain_letter(char: str) -> str:
    """A Latin letter without its accents ("é" -> "e"); any other character as it is."""
    if char.isascii():
        return char
    base = unicodedata.normalize("NFD", char)
    if base[:1].isascii() and base[:1].isalpha():
        return "".join(c for c in base if not unicodedata.combining(c))
    return char


@functools.lru_cache(maxsize=8192)
def normalize_loose(text: str) -> Normalized:
    """:func:`normalize`, then as a person reads it: accents and stray combining marks dropped
    and every run of white space (line breaks, tabs, wide spaces) one space.

    For screens that look for a phrase ("are you married"), which a second space, a line
    break or an accent ("márried") must not hide. Positions still point at the original.
    """
    base = normalize(text)
    if base.unchanged and text.isascii() and _ODD_SPACE.search(text) is None:
        return base
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    changed = False
    for index, char in enumerate(base.text):
        first, last = base.span(index, index + 1)
        if char.isspace() or char == "\u2800":  # a Braille blank shows as a space
            if chars and chars[-1] == " " and ends:
                ends[-1] = last
                changed = True
                continue
            changed = changed or char != " "
            char = " "
        elif unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
            changed = True
            if ends:
                ends[-1] = last
            continue
        else:
            plain = _plain_letter(char)
            changed = changed or plain != char
            char = plain
        for piece in char:
            chars.append(piece)
            starts.append(first)
            ends.append(last)
    if not changed:
        return base
    return Normalized("".join(chars), text, tuple(starts), tuple(ends))
