"""Job titles: the title inside a page heading, without trailing workplace or employment
words, and in title case when an ad writes it in capitals."""

from __future__ import annotations

import re
from functools import cache

from hirecli.importers.fields import employment_type, workplace
from hirecli.importers.vocab import table

_TITLE_TAIL = re.compile(r"\s*(?:[-–—|,:]\s*|\(|\[)\s*(?P<word>[A-Za-z0-9% -]+?)\s*[)\]]?\s*$")


@cache
def _title_patterns() -> list[re.Pattern[str]]:
    return [re.compile(str(p), re.IGNORECASE) for p in table("headings")["title_patterns"]]


def title_in(text: str) -> str | None:
    """The job title inside a page heading such as "Key Responsibilities ... for a Nurse"."""
    for pattern in _title_patterns():
        found = pattern.match(text.strip())
        if found and found.group("title").strip(" .:-–—|"):
            return found.group("title").strip(" .:-–—|")
    return None


def clean_title(text: str) -> tuple[str, str | None, str | None]:
    """The title without trailing workplace or employment words, and those words' meaning."""
    title = text.strip().strip("*#").strip()
    place = kind = None
    while True:
        tail = _TITLE_TAIL.search(title)
        if not tail or tail.start() == 0:
            break
        word = tail.group("word")
        found_place = workplace(word, whole=True)
        found_kind = employment_type(word, whole=True)
        if not (found_place or found_kind):
            break
        place = place or found_place
        kind = kind or found_kind
        title = title[: tail.start()].rstrip(" -–—|,:")
    return title, place, kind


_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)


def uncap(text: str) -> str:
    """Title case for a title written in capitals; short words that are not small words
    stay as they are, since they are usually abbreviations (RN, ICU, IT)."""
    words = []
    for index, word in enumerate(text.split(" ")):
        lower = word.lower()
        if lower in _SMALL_WORDS:
            words.append(lower if index else lower.capitalize())
        elif all(len(part) <= 3 for part in word.strip("()[],./").split("-")):
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in lower.split("-")))
    return " ".join(words)


def looks_like_title(text: str) -> bool:
    """Short enough, and not a sentence."""
    plain = text.strip()
    return (
        0 < len(plain) <= 150
        and len(plain.split()) <= 14
        and not plain.endswith((".", ":", ";", ","))
        and any(ch.isalpha() for ch in plain)
    )
