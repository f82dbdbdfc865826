"""Job families, and which field a role belongs to.

The competency library is written per job family. A skill may only match a competency
whose family fits the role's field, so that "Troubleshooting" in a support role never
becomes a software-debugging question, nor "Written Communication" for a wind
technician a question about e-mails to executives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files

from hirecli.yamlimport import yaml

GENERAL = "general"
"""Work styles and cross-cutting skills: fit every role."""
EVERYWHERE = frozenset({GENERAL, "management-leadership"})

GENERIC_TITLE_WORDS = frozenset(
    {
        "technician",
        "engineer",
        "analyst",
        "assistant",
        "coordinator",
        "operator",
        "representative",
        "specialist",
        "clerk",
        "associate",
        "manager",
        "officer",
        "agent",
        "worker",
        "lead",
    }
)
"""Title words that say little on their own: they count only when nothing more specific does."""

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    name: str
    portable: bool
    title: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Families:
    by_id: Mapping[str, Family]
    related: Mapping[str, frozenset[str]]
    """Each family with every family it shares a group with (itself included)."""

    def fits(self, family: str, fields: frozenset[str]) -> bool:
        """Whether a competency of ``family`` may be used for a role of ``fields``.

        A role whose field is unknown takes every family: there is nothing to refuse on.
        """
        if not fields or family in EVERYWHERE or family not in self.by_id:
            return True
        return bool(self.related.get(family, frozenset({family})) & fields)

    def portable(self, family: str) -> bool:
        known = self.by_id.get(family)
        return bool(known and known.portable)


@functools.cache
def families() -> Families:
    raw = yaml.load((files("hirecli") / "data" / "kit" / "families.yaml").read_text("utf-8"), Loader=_Loader)
    by_id = {
        fid: Family(
            fid,
            str(body["name"]),
            bool(body.get("portable", False)),
            tuple(str(t).lower() for t in body.get("title", ())),
            tuple(str(w).lower() for w in body.get("words", ())),
        )
        for fid, body in raw["families"].items()
    }
    related: dict[str, set[str]] = {fid: {fid} for fid in by_id}
    for members in raw["groups"].values():
        for member in members:
            related[member].update(members)
    return Families(by_id, {fid: frozenset(r) for fid, r in related.items()})


_NOT_WORD = re.compile(r"[^a-z0-9&+#]+")


def _words(text: str) -> str:
    """Lower-case text with single spaces and a space at each end, for whole-word search."""
    return " " + " ".join(_NOT_WORD.sub(" ", text.lower()).split()) + " "


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> str:
    """:func:`_words` of a family's phrase: the same few hundred are searched for in every role."""
    return _words(phrase)


def _has(text: str, phrase: str) -> bool:
    return _phrase_words(phrase) in text


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    fields: frozenset[str]
    why: str
    """What decided it, for ``--explain``."""


def role_fields(title: str, tags: Iterable[str] = (), texts: Iterable[str] = ()) -> FieldEvidence:
    """The families a role belongs to, from its title first, then tags, then duties.

    Specific title phrases ("pharmacy", "line cook") decide; generic title words
    ("technician", "analyst") count only when nothing specific is found; tags and the
    text of duties decide only when the title says nothing.
    """
    fams = families()
    title_text = _words(title)
    specific: dict[str, int] = {}
    generic: dict[str, int] = {}
    for family in fams.by_id.values():
        for phrase in family.title:
            if _has(title_text, phrase):
                bucket = generic if phrase in GENERIC_TITLE_WORDS else specific
                bucket[family.id] = max(bucket.get(family.id, 0), len(phrase.split()))
    if specific:
        top = max(specific.values())
        # a longer phrase is stronger evidence ("medical laboratory" over "laboratory")
        chosen = frozenset(f for f, n in specific.items() if n >= min(top, 2) or n == top)
        return FieldEvidence(chosen, "title")
    tag_text = _words(" ; ".join(tags))
    body = _words(" ; ".join(texts))
    scores: dict[str, float] = {}
    for family in fams.by_id.values():
        tag_hits = sum(1 for p in (*family.title, *family.words) if _has(tag_text, p))
        word_hits = sum(1 for p in family.words if _has(body, p))
        score = 2 * tag_hits + word_hits + 2 * generic.get(family.id, 0)
        if score:
            scores[family.id] = score
    if not scores:
        return FieldEvidence(frozenset(), "unknown")
    best = max(scores.values())
    if best < 2:
        return FieldEvidence(frozenset(), "unknown")
    return FieldEvidence(
        frozenset(f for f, s in scores.items() if s >= max(2.0, 0.6 * best)), "tags and duties"
    )
