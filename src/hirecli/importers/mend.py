"""Repairs for the damage that copying a web page does to text, each one reported."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from hirecli.importers.vocab import words

_INVISIBLE = re.compile("[\u200b\u200c\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
_CP1252_TAIL = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf" + re.escape(_CP1252_TAIL) + "]{1,3}")


@dataclass(frozen=True, slots=True)
class Mend:
    """One repair: where, what it was, what it became, why, and whether we are sure."""

    pos: int
    before: str
    after: str
    reason: str
    sure: bool = True


def _to_bytes(text: str) -> bytes | None:
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))
    return bytes(out)


def _unmojibake(match: re.Match[str]) -> str:
    raw = _to_bytes(match.group())
    if raw is None:
        return match.group()
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()
    return fixed if len(fixed) < len(match.group()) else match.group()


def clean_line(text: str, pos: int, *, entities: bool) -> tuple[str, list[Mend]]:
    """``text`` with invisible characters, mis-decoded UTF-8 and (optionally) HTML entities
    repaired; the repairs that changed words are returned for the report."""
    mends = []
    cleaned = _ODD_SPACE.sub(" ", _INVISIBLE.sub("", text))
    if _CONTROL.search(cleaned):
        mends.append(Mend(pos, text.strip(), _CONTROL.sub("", cleaned).strip(), "removed control characters"))
        cleaned = _CONTROL.sub("", cleaned)
    fixed = _MOJIBAKE.sub(_unmojibake, cleaned)
    if fixed != cleaned:
        mends.append(
            Mend(pos, cleaned.strip(), fixed.strip(), "repaired characters garbled by a wrong text encoding")
        )
        cleaned = fixed
    if entities and _ENTITY.search(cleaned):
        unescaped = _ODD_SPACE.sub(" ", html.unescape(cleaned))
        if unescaped != cleaned:
            mends.append(Mend(pos, cleaned.strip(), unescaped.strip(), "replaced HTML entities"))
            cleaned = unescaped
    return cleaned, mends


@cache
def _verbs() -> tuple[str, ...]:
    return tuple(word.lower() for word in words("verbs", "verbs"))


@cache
def verb_set() -> frozenset[str]:
    """The verbs that open job bullets, for telling list items from headings."""
    return frozenset(_verbs())


def lost_first_letter(fragment: str) -> tuple[list[str], str]:
    """Verbs that ``fragment``'s first word could be with its lost first letter put back,
    most common first, and that word."""
    first = re.match(r"[A-Za-z]+", fragment)
    if not first:
        return [], ""
    word = first.group().lower()
    return [verb for verb in _verbs() if verb[1:] == word], first.group()


def mend_dash_bullet(text: str, pos: int) -> tuple[str, Mend]:
    """A bullet like "-aintain a caseload": the dash took the place of the first letter.

    One matching verb: mended. Several: the most common, flagged as a guess. None:
    the text is kept as it was, flagged for a person to check.
    """
    fragment = text[1:]
    candidates, word = lost_first_letter(fragment)
    if not candidates:
        return text, Mend(
            pos,
            text,
            text,
            "a bullet seems to have lost its first letter to a dash, "
            "but no known verb fits; kept as written - check it",
            sure=False,
        )
    verb = candidates[0]
    mended = verb.capitalize() + fragment[len(word) :]
    reason = "a bullet's first letter had become a dash"
    if len(candidates) > 1:
        reason += f" (guessed {verb!r} among {', '.join(candidates)})"
    return mended, Mend(pos, text, mended, reason, sure=len(candidates) == 1)
