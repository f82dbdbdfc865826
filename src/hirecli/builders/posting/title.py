"""Titles as job boards want them: plain and searchable, and no longer than allowed.

A plain title names the job and nothing else. Pay, places, shifts, workplace words and
urgency ("Hiring immediately!") belong in the body, so they are taken out of the title,
and every word taken out is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hirecli.builders.posting.facts import country_name
from hirecli.channels import phrase_pattern, title_rules

if TYPE_CHECKING:
    from hirecli.model.role import Location

_SEP = r"[-–—|/:,;•·]"
_GAP = "\x00"
"""Stands where words were taken out, so that tidying touches only those places."""
_EMPTY_BRACKETS = re.compile(
    rf"\(\s*(?:(?:{_SEP}|{_GAP})\s*)*{_GAP}(?:\s*(?:{_SEP}|{_GAP}))*\s*\)"
    rf"|\[\s*(?:(?:{_SEP}|{_GAP})\s*)*{_GAP}(?:\s*(?:{_SEP}|{_GAP}))*\s*\]"
)
_GAP_RUN = re.compile(
    rf"(?<![\s\-–—|/:,;•·{_GAP}])"
    rf"(?:\s*(?:{_SEP}|{_GAP}))*\s*{_GAP}(?:\s*(?:{_SEP}|{_GAP}))*\s*"
)
"""A run of gaps, separators and spaces, tried only where such a run starts (linear time)."""
_MARKS = re.compile(r"[!*]+")
_SPACES = re.compile(r"\s{2,}")
_TAIL = re.compile(rf"(?:\s|{_SEP})+$")


@dataclass(frozen=True)
class CleanTitle:
    text: str
    removed: tuple[str, ...]


def _place_patterns(location: Location | None) -> list[re.Pattern[str]]:
    """Patterns for the role's own place names, with a lead word such as "in" or "based in"."""
    if location is None:
        return []
    lead = "|".join(re.escape(w) for w in title_rules().place_lead)
    names = [
        location.city,
        *(
            country_name(c)
            for c in ([location.country] if location.country else []) + location.remote_regions
        ),
    ]
    codes = [location.region, location.country, *location.remote_regions]
    found: list[re.Pattern[str]] = []
    for name in filter(None, names):
        body = phrase_pattern(name).pattern
        found.append(re.compile(rf"(?:\b(?:{lead})\s+)?{body}", re.IGNORECASE))
    for code in filter(None, codes):
        found.append(re.compile(rf"(?:\b(?i:{lead})\s+)?\b{re.escape(code)}\b"))
    return found


def _close_gap(match: re.Match[str]) -> str:
    """What a run of gaps and separators becomes: nothing at an edge, else its first separator."""
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text) or text[start - 1] in "([" or text[end : end + 1] in ")]":
        return ""
    found = re.search(rf"\s*{_SEP}\s*", match.group().replace(_GAP, ""))
    return found.group() if found else " "


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS.sub(_GAP, text)
    text = _GAP_RUN.sub(_close_gap, text)
    return _SPACES.sub(" ", text).strip()


def _spans(title: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Where the patterns match, earlier patterns first, without overlaps, in title order.

    Taken characters are marked in one array, so checking a match costs its length, not
    the number of matches before it (linear time on a title of thousands of amounts).
    """
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(title))
    for pattern in patterns:
        for match in pattern.finditer(title):
            start, end = match.span()
            if end > start and taken.find(1, start, end) < 0:
                spans.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
    return sorted(spans)


def plain_title(title: str, location: Location | None = None) -> CleanTitle:
    """``title`` without pay, place, shift, workplace or urgency words, and what was taken out."""
    patterns = [p for kind, p in title_rules().patterns if kind == "pay"]
    patterns += _place_patterns(location)
    patterns += [p for kind, p in title_rules().patterns if kind != "pay"]
    spans = _spans(title, [*patterns, _MARKS])
    if not spans:
        return CleanTitle(title, ())
    text, last = "", 0
    for start, end in spans:
        text += title[last:start] + _GAP
        last = end
    cleaned = _tidy(text + title[last:])
    if not re.search(r"\w", cleaned):
        return CleanTitle(title, ())
    return CleanTitle(cleaned, tuple(title[s:e].strip() for s, e in spans))


def shorten_title(title: str, max_chars: int) -> CleanTitle:
    """``title`` cut at a word boundary to at most ``max_chars`` characters."""
    if len(title) <= max_chars:
        return CleanTitle(title, ())
    cut = title[: max_chars + 1].rsplit(" ", 1)[0] if " " in title[:max_chars] else title[:max_chars]
    cut = _TAIL.sub("", cut[:max_chars]) or title[:max_chars]
    return CleanTitle(cut, (title[len(cut) :].strip(),))
