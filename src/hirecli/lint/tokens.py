"""Cutting text into words and punctuation once, so every word list is a dictionary lookup.

Scanning a posting with one regular expression per word list costs a pass over the
text per list; looking each word up in dictionaries built from all lists costs one
pass in all. Hyphens separate words like spaces do, so "fast-paced" and "fast paced"
are the same phrase; apostrophes inside a word keep it whole ("don't").
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s-]")


class Token(NamedTuple):
    text: str
    key: str
    """Lower case, with typographic apostrophes made straight: the dictionary key."""
    start: int
    end: int


def key_of(text: str) -> str:
    return text.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    folded = key_of(text)
    if len(folded) != len(text):  # a few letters change length when lowered ("İ")
        return [Token(m.group(), key_of(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    make = Token._make
    return [make((text[a:b], folded[a:b], a, b)) for a, b in (m.span() for m in _TOKEN.finditer(text))]


def words(text: str) -> list[str]:
    """Only the words of ``text`` (no punctuation), as written."""
    return [t.text for t in tokenize(text) if t.text[0].isalnum()]
