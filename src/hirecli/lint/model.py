"""What the linter reads (a posting cut into located segments) and what it reports."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from hirecli.model.company import Company
    from hirecli.model.role import Role


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self.value]


_RANKS = {"error": 3, "warning": 2, "info": 1, "none": 99}


def fails(severity: Severity, fail_on: str) -> bool:
    """True when a finding of ``severity`` makes the run fail at level ``fail_on``."""
    return severity.rank >= _RANKS[fail_on]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Text from ``offset`` on stands in the source at ``line``:``column`` (1-based)."""

    offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Locator:
    """Maps an offset in a segment's text back to a line and column of its source.

    Text from offset ``limit`` on could not be aligned with the source (an escaped YAML
    string, a sentence hirecli wrote around the role's words): it maps to the first
    anchor, the start of the field it came from.
    """

    anchors: tuple[Anchor, ...]
    limit: int = 1 << 30

    @classmethod
    def at(cls, line: int, column: int, *, exact: bool = True) -> Locator:
        return cls((Anchor(0, line, column),), 1 << 30 if exact else 0)

    def position(self, offset: int) -> tuple[int, int]:
        first = self.anchors[0]
        if offset >= self.limit or offset < 0:
            return (first.line, first.column)
        if len(self.anchors) == 1:
            return (first.line, first.column + offset)
        index = bisect.bisect_right([a.offset for a in self.anchors], offset) - 1
        anchor = self.anchors[max(index, 0)]
        return (anchor.line, anchor.column + max(offset - anchor.offset, 0))


SegmentKind = Literal["title", "heading", "paragraph", "bullet", "fact", "question"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of text of a posting (a title, heading, paragraph, bullet or question)."""

    text: str
    kind: SegmentKind
    where: Locator
    file: str
    section: str = ""
    """What the enclosing section is about, as a group of the readers' section vocabulary
    (duties, requirements, preferred, skills, benefits, pay, about, eeo, apply, career,
    summary, facts, other), "interview" for questions, or "" when unknown."""
    heading: str = ""
    group: int = -1
    """Bullets of one list share a group number."""
    field: str | None = None
    """For role files: the dotted YAML path the text came from."""
    generated: bool = False
    """Words hirecli wrote (headings, labels, the pay line): counted, but not word-checked."""


@dataclass
class Posting:
    """A posting to lint, whatever it was read from."""

    file: str
    segments: list[Segment]
    questions: list[Segment] = field(default_factory=list)
    role: Role | None = None
    company: Company | None = None
    allow: tuple[str, ...] = ()
    """Terms accepted in this file (a role's ``lint.allow``)."""
    disable: tuple[str, ...] = ()
    """Rules switched off for this file (a role's ``lint.disable``)."""
    requirement_counts: tuple[int, int] | None = None
    """(must-have, preferred) when the source knows them; else counted from sections."""
    notes: list[str] = field(default_factory=list)
    """What the reader could not do (e.g. kit questions unavailable), for the report."""
    fields: list[Segment] = field(default_factory=list)
    """Text fields of the file that the posting does not show (a role's internal notes, its
    interview plan, a company profile's name): word-checked and screened for protected
    characteristics, but not counted in the posting's length, structure or gender balance."""
    kind: str = "posting"
    """"posting", "role" or "company": what was read."""
    drafts: list[Segment] = field(default_factory=list)
    """Skills whose interview questions are only drafts, each at its place in the role file."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: where, what, why it matters and what to write instead."""

    rule: str
    category: str
    severity: Severity
    message: str
    text: str
    """The exact text the finding is about (empty for whole-posting findings)."""
    file: str
    line: int
    column: int
    why: str
    suggestion: str
    field: str | None = None
    context: str = ""
    """The segment the text stands in, for showing the excerpt."""
    start: int = 0
    """Where ``text`` starts inside ``context``."""

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "text": self.text,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "why": self.why,
            "suggestion": self.suggestion,
        }


@dataclass
class GenderBalance:
    """Counts of gender-coded words (Gaucher et al. 2011) and the verdict they give."""

    masculine: dict[str, int] = field(default_factory=dict)
    feminine: dict[str, int] = field(default_factory=dict)
    verdict: str = "neutral"

    @property
    def score(self) -> int:
        return sum(self.feminine.values()) - sum(self.masculine.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "feminine": dict(sorted(self.feminine.items())),
            "masculine": dict(sorted(self.masculine.items())),
        }


@dataclass
class FileReport:
    """Everything found in one file, with the figures the findings were based on."""

    file: str
    findings: list[Finding]
    stats: dict[str, object] = field(default_factory=dict)
    gender: GenderBalance = field(default_factory=GenderBalance)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
