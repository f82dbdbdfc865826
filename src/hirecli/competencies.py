"""The packaged competency library, and matching a role's skill names to it.

Skill names in job descriptions are free text ("Problem-Solving & Critical Thinking",
"Clinical Diagnosis (DSM-5 / ICD-10)"). We match them to library entries by exact
name or alias first, then by a fuzzy token score with a confidence threshold. A
compound name may match two competencies; a name that matches nothing is left for
the kit builder to write questions for from the role's own duties.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any, Literal

from hirecli.errors import InvalidInputError
from hirecli.families import families
from hirecli.skillnames import (
    candidates,
    content_words,
    core_parts,
    key,
    name_parts,
    piece_forms,
    same_word,
    score,
)
from hirecli.yamlimport import yaml

if TYPE_CHECKING:
    from hirecli.matchindex import WordIndex

QuestionType = Literal["behavioral", "situational", "technical", "work_sample"]
Kind = Literal["hard", "soft"]
How = Literal["alias", "fuzzy", "pinned"]

QUESTION_TYPES: tuple[QuestionType, ...] = ("behavioral", "situational", "technical", "work_sample")
THRESHOLD = 72.0
"""Lowest fuzzy confidence (0-100) accepted as a match."""
PART_THRESHOLD = 80.0
"""A part of a compound name ("X & Y") must be this sure to add a second competency."""
MATCHES_KEPT = 1024
"""Skill matches a library keeps: a role's few dozen, many times over, but not every skill
of a batch of thousands of roles (the cache starts again when full)."""

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class LibraryQuestion:
    id: str
    type: QuestionType
    text: str
    probes: tuple[str, ...]
    strong: tuple[str, ...]
    red_flags: tuple[str, ...]
    minutes: int
    scoring_key: tuple[str, ...] = ()
    """What a correct answer contains (technical questions and work samples)."""


@dataclass(frozen=True, slots=True)
class LibraryCompetency:
    id: str
    name: str
    kind: Kind
    family: str
    definition: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    anchors: tuple[str, str, str, str]
    """Descriptions of a 1, 2, 3 and 4 answer."""
    questions: tuple[LibraryQuestion, ...]
    origin: str = "packaged"
    """``packaged``, or the company file it came from."""


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(_one_line(v) for v in value or ())


def _parse(data: Any, source: str, origin: str = "packaged") -> LibraryCompetency:
    """One library file as a :class:`LibraryCompetency`; a broken file is reported by name."""
    try:
        anchors = data["anchors"]
        questions = tuple(
            LibraryQuestion(
                id=str(q["id"]),
                type=q["type"],
                text=_one_line(q["text"]),
                probes=_strings(q.get("probes")),
                strong=_strings(q.get("strong")),
                red_flags=_strings(q.get("red_flags")),
                minutes=int(q["minutes"]),
                scoring_key=_strings(q.get("scoring_key")),
            )
            for q in data["questions"]
        )
        entry = LibraryCompetency(
            id=str(data["id"]),
            name=_one_line(data["name"]),
            kind=data["kind"],
            family=str(data.get("family", "")),
            definition=_one_line(data["definition"]),
            aliases=_strings(data.get("aliases")),
            keywords=_strings(data.get("keywords")),
            anchors=(
                _one_line(anchors[1]),
                _one_line(anchors[2]),
                _one_line(anchors[3]),
                _one_line(anchors[4]),
            ),
            questions=questions,
            origin=origin,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidInputError(f"competency library file {source} is malformed: {exc!r}") from None
    if entry.kind not in ("hard", "soft") or any(q.type not in QUESTION_TYPES for q in questions):
        raise InvalidInputError(f"competency library file {source}: unknown kind or question type")
    if not entry.questions:
        raise InvalidInputError(f"competency library file {source}: no questions")
    return entry


def _read_folder(folder: Traversable, origin: str | None) -> list[LibraryCompetency]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith((".yaml", ".yml")) or not item.is_file():
            continue
        where = item.name if origin is None else f"{origin}/{item.name}"
        try:
            data = yaml.load(item.read_text(encoding="utf-8"), Loader=_Loader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InvalidInputError(
                f"competency library file {where} is not valid YAML: {_one_line(exc)}"
            ) from None
        found.append(_parse(data, where, "packaged" if origin is None else where))
    return found


@functools.cache
def library() -> Mapping[str, LibraryCompetency]:
    """Every packaged competency by id, read once per process."""
    folder = files("hirecli") / "data" / "competencies"
    return {entry.id: entry for entry in _read_folder(folder, None)}


@functools.cache
def load_library(folders: tuple[str, ...] = ()) -> Library:
    """The packaged library, extended or overridden by a company's own folders, in order."""
    from pathlib import Path

    entries = dict(library())
    for folder in folders:
        path = Path(folder)
        if not path.is_dir():
            raise InvalidInputError(f"{folder}: competency folder not found")
        for entry in _read_folder(path, folder):
            entries[entry.id] = entry
    return Library(entries)


# ---- matching -----------------------------------------------------------------------

PART_CONFIDENCE = 90.0
"""Confidence of a name that equals one part of a compound library name ("Mentoring")."""
NO_FIELDS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class MatchPart:
    competency: str
    """A library id."""
    how: How
    confidence: float
    matched: str
    """The library name or alias the skill matched."""


@dataclass(frozen=True, slots=True)
class Match:
    """What a skill name matched in the library (nothing, one or two competencies)."""

    skill: str
    parts: tuple[MatchPart, ...]
    best_miss: MatchPart | None = None
    """The closest entry under the threshold, for ``--explain``."""
    unmatched: tuple[str, ...] = ()
    """Parts of a compound name that matched nothing ("Clear Radio" in "Clear Radio &
    Written Communication"), so that the kit also writes questions for them."""
    refused: MatchPart | None = None
    """The best entry of a family that does not fit the role's field: not used."""

    @property
    def matched(self) -> bool:
        return bool(self.parts)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.competency for p in self.parts)


@dataclass(frozen=True, slots=True)
class _Name:
    competency: str
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class _Index:
    exact: Mapping[str, tuple[tuple[str, str], ...]]
    """Keyed name -> every (id, name text) with that name or alias."""
    parts: Mapping[str, tuple[tuple[str, str], ...]]
    """Parts of compound library names, the same way."""
    names: tuple[_Name, ...]


def _build_index(entries: Mapping[str, LibraryCompetency]) -> _Index:
    exact: dict[str, list[tuple[str, str]]] = {}
    parts: dict[str, list[tuple[str, str]]] = {}
    names: list[_Name] = []
    for entry in entries.values():
        for text in (entry.name, entry.id.replace("-", " "), *entry.aliases):
            k = key(text)
            if k:
                if all(cid != entry.id for cid, _ in exact.get(k, ())):
                    exact.setdefault(k, []).append((entry.id, text))
                names.append(_Name(entry.id, text, k))
    # parts of library names before parts of aliases: "Mentoring" is Teaching & Mentoring
    for pass_aliases in (False, True):
        for entry in entries.values():
            for text in entry.aliases if pass_aliases else (entry.name,):
                pieces = name_parts(text)
                for piece in pieces if len(pieces) > 1 else ():
                    known = parts.setdefault(key(piece), [])
                    if all(cid != entry.id for cid, _ in known):
                        known.append((entry.id, text))
    return _Index(
        {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in parts.items()}, tuple(names)
    )


@dataclass(frozen=True)
class Library:
    """A set of competencies (packaged, perhaps with a company's own) and matching on it."""

    entries: Mapping[str, LibraryCompetency]
    _cache: dict[tuple[str, frozenset[str], frozenset[str]], Match] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __getitem__(self, cid: str) -> LibraryCompetency:
        return self.entries[cid]

    def __contains__(self, cid: object) -> bool:
        return cid in self.entries

    @functools.cached_property
    def index(self) -> _Index:
        return _build_index(self.entries)

    @functools.cached_property
    def words(self) -> WordIndex:
        """The library's names by word (:mod:`hirecli.matchindex`): linear time in skills."""
        from hirecli.matchindex import WordIndex

        return WordIndex(self.index.names, same_word)

    def _fits(self, cid: str, fields: frozenset[str], *, exact: bool) -> bool:
        family = self.entries[cid].family
        fams = families()
        return fams.fits(family, fields) or (exact and fams.portable(family))

    def _best(
        self, text: str, fields: frozenset[str], exclude: frozenset[str]
    ) -> tuple[MatchPart | None, MatchPart | None]:
        """The best entry for one name (exact before fuzzy), and the best refused one."""
        index = self.index
        k = key(text)
        if not k:
            return None, None
        refused: MatchPart | None = None
        for table, confidence in ((index.exact, 100.0), (index.parts, PART_CONFIDENCE)):
            for cid, matched in table.get(k, ()):
                if cid in exclude:
                    continue
                part = MatchPart(cid, "alias", confidence, matched)
                if self._fits(cid, fields, exact=True):
                    return part, None
                refused = refused or part
        best: MatchPart | None = None
        for name in self.words.candidates(k):  # the names sharing a word: others score 0
            if name.competency in exclude:
                continue
            value = score(k, name.key)
            if value <= 0:
                continue
            part = MatchPart(name.competency, "fuzzy", value, name.text)
            if not self._fits(name.competency, fields, exact=False):
                if value >= THRESHOLD and (refused is None or value > refused.confidence):
                    refused = part
                continue
            if best is None or value > best.confidence:
                best = part
        return best, refused

    def match(
        self, name: str, fields: frozenset[str] = NO_FIELDS, exclude: frozenset[str] = frozenset()
    ) -> Match:
        """Match one skill name: the whole name first, then each part of a compound name.

        Only competencies whose family fits ``fields`` (the role's field) are used, and
        none of ``exclude`` (taken by another skill of the role). A compound whose parts
        match two different competencies keeps both (the better first); parts of a single
        word must match exactly, so "Hand & Power Tool Use" cannot match through "hand".
        """
        cache_key = (name, fields, exclude)
        found = self._cache.get(cache_key)
        if found is None:
            if len(self._cache) >= MATCHES_KEPT:
                self._cache.clear()
            found = self._cache[cache_key] = self._match(name, fields, exclude)
        return found

    def _match(self, name: str, fields: frozenset[str], exclude: frozenset[str]) -> Match:
        whole: MatchPart | None = None
        refused: MatchPart | None = None
        for candidate in candidates(name):
            found, no = self._best(candidate, fields, exclude)
            if found and (whole is None or found.confidence > whole.confidence):
                whole = found
            if no and (refused is None or no.confidence > refused.confidence):
                refused = no
        parts: list[MatchPart] = []
        if whole and whole.confidence >= THRESHOLD:
            parts.append(whole)
        unmatched: list[str] = []
        pieces = core_parts(name)
        if len(pieces) > 1:
            for options in piece_forms(pieces):
                known = False
                for piece in options:
                    found, _ = self._best(piece, fields, exclude)
                    if found is None:
                        continue
                    single = len(content_words(piece)) == 1
                    if found.confidence == 100 if single else found.confidence >= PART_THRESHOLD:
                        known = True
                        if all(p.competency != found.competency for p in parts):
                            parts.append(found)
                        break
                if not known:
                    unmatched.append(options[-1])
        parts.sort(key=lambda p: -p.confidence)
        if refused is not None and parts and refused.confidence <= parts[0].confidence:
            refused = None
        if parts:
            return Match(name, tuple(parts[:2]), unmatched=tuple(unmatched), refused=refused)
        return Match(name, (), whole, refused=refused)

    def search(
        self, text: str, fields: frozenset[str] = NO_FIELDS, limit: int = 10
    ) -> list[tuple[LibraryCompetency, float, str]]:
        """The entries closest to ``text``, best first: (entry, confidence, name matched)."""
        k = key(text)
        if not k:
            return []
        best: dict[str, tuple[float, str]] = {}
        for cid, matched in (*self.index.exact.get(k, ()), *self.index.parts.get(k, ())):
            best[cid] = (100.0, matched)
        for name in self.index.names:
            value = score(k, name.key)
            if value > best.get(name.competency, (0.0, ""))[0]:
                best[name.competency] = (value, name.text)
        ranked = sorted(
            (
                (self.entries[cid], conf, matched)
                for cid, (conf, matched) in best.items()
                if conf >= 50 and families().fits(self.entries[cid].family, fields)
            ),
            key=lambda item: (-item[1], item[0].id),
        )
        return ranked[:limit]


def match_skill(name: str, fields: frozenset[str] = NO_FIELDS) -> Match:
    """Match one skill name against the packaged library."""
    return load_library().match(name, fields)
