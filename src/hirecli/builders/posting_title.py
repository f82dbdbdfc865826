"""Titles as job boards want them: plain and searchable, and no longer than allowed.

A plain title names the job and nothing else. Pay, places, shifts, workplace words and
urgency ("Hiring immediately!") belong in the body, so they are taken out of the title,
and every word taken out is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hirecli.builders.posting_facts import country_name
from hirecli.channels import phrase_pattern, title_rules

if TYPE_CHECKING:
    from hirecli.model.role import Location

_SEP = r"[-–—|/:,;•·]"
_EMPTY_BRACKETS = re.compile(rf"\(\s*(?:{_SEP}\s*)*\)|\[\s*(?:{_SEP}\s*)*\]")
_OPEN_SEP = re.compile(rf"([(\[])\s*(?:{_SEP}\s*)+")
_SEP_CLOSE = re.compile(rf"(?:\s*{_SEP})+\s*([)\]])")
_SEP_RUN = re.compile(rf"(\s*{_SEP})(?:\s*{_SEP})+")
_EDGES = re.compile(rf"^(?:\s|{_SEP})+|(?:\s|{_SEP})+$")
_MARKS = re.compile(r"[!*]+")
_SPACES = re.compile(r"\s{2,}")
_SPACE_BEFORE = re.compile(r"\s+([,;:)\]])")


@dataclass(frozen=True)
class CleanTitle:
    text: str
    removed: tuple[str, ...]


def _place_patterns(location: Location | None) -> list[re.Pattern[str]]:
    """Patterns for the role's own place names, with a lead word such as "in" or "based in"."""
    if location is None:
        return []
    lead = "|".join(re.escape(w) for w in title_rules().place_lead)
    names = [location.city, *(country_name(c) for c in
                              ([location.country] if location.country else []) + location.remote_regions)]
    codes = [location.region, location.country, *location.remote_regions]
    found: list[re.Pattern[str]] = []
    for name in filter(None, names):
        body = phrase_pattern(name).pattern
        found.append(re.compile(rf"(?:\b(?:{lead})\s+)?{body}", re.IGNORECASE))
    for code in filter(None, codes):
        found.append(re.compile(rf"(?:\b(?i:{lead})\s+)?\b{re.escape(code)}\b"))
    return found


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _OPEN_SEP.sub(r"\1", text)
    text = _SEP_CLOSE.sub(r"\1", text)
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SEP_RUN.sub(r"\1", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    return _EDGES.sub("", text).strip()


def plain_title(title: str, location: Location | None = None) -> CleanTitle:
    """``title`` without pay, place, shift, workplace or urgency words, and what was taken out."""
    text = title
    removed: list[str] = []

    def take(match: re.Match[str]) -> str:
        removed.append(match.group().strip())
        return " "

    patterns = [p for kind, p in title_rules().patterns if kind == "pay"]
    patterns += _place_patterns(location)
    patterns += [p for kind, p in title_rules().patterns if kind != "pay"]
    for pattern in patterns:
        text = pattern.sub(take, text)
    text = _MARKS.sub(take, text)
    if not removed:
        return CleanTitle(title, ())
    cleaned = _tidy(text)
    if not re.search(r"\w", cleaned):
        return CleanTitle(title, ())
    return CleanTitle(cleaned, tuple(r for r in removed if r))


def shorten_title(title: str, max_chars: int) -> CleanTitle:
    """``title`` cut at a word boundary to at most ``max_chars`` characters."""
    if len(title) <= max_chars:
        return CleanTitle(title, ())
    cut = title[: max_chars + 1].rsplit(" ", 1)[0] if " " in title[:max_chars] else title[:max_chars]
    cut = _EDGES.sub("", cut[:max_chars]) or title[:max_chars]
    return CleanTitle(cut, (title[len(cut):].strip(),))
