"""What every check works with: the posting, its words, the settings, and a way to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hirecli.lint.model import Finding, Posting, Segment, Severity
from hirecli.lint.rules import rules
from hirecli.screening.normalize import Normalized, normalize


@dataclass
class Context:
    posting: Posting
    today: date
    jurisdictions: tuple[str, ...] = ()
    employees: int | None = None
    allowed: list[tuple[Segment, int, int]] = field(default_factory=list)
    """Spans of allowed terms: findings inside them are dropped, coded words not counted."""
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, object] = field(default_factory=dict)
    claimed: list[tuple[Segment, int, int]] = field(default_factory=list)
    """Spans the protected-characteristic screen reported; word lists do not report them again."""
    _joined: tuple[str, list[int]] | None = None

    def joined(self) -> tuple[str, list[int]]:
        """The posting's text as one string (segments on lines of their own) and where each starts.

        Patterns that look for one thing anywhere (an EEO statement, a pay range) scan this
        once instead of every segment.
        """
        if self._joined is None:
            starts, offset = [], 0
            for segment in self.body:
                starts.append(offset)
                offset += len(segment.text) + 1
            self._joined = ("\n".join(s.text for s in self.body), starts)
        return self._joined

    def normal(self, segment: Segment) -> Normalized:
        """The segment's text as checks match it (:func:`~hirecli.screening.normalize.normalize`)."""
        return normalize(segment.text)

    @property
    def checked(self) -> list[Segment]:
        """Every text that word checks read: the posting, and the file's other text fields."""
        return [*self.posting.segments, *self.posting.fields]

    def claim(self, segment: Segment, start: int, end: int) -> None:
        self.claimed.append((segment, start, end))

    def is_claimed(self, segment: Segment, start: int, end: int) -> bool:
        return any(s is segment and a < end and start < b for s, a, b in self.claimed)

    def is_allowed(self, segment: Segment, start: int, end: int) -> bool:
        return any(s is segment and a <= start and end <= b for s, a, b in self.allowed)

    @property
    def body(self) -> list[Segment]:
        return self.posting.segments

    @property
    def anchor(self) -> Segment | None:
        """Where findings about the whole posting point: its title, else its first segment."""
        segments = self.posting.segments
        return next((s for s in segments if s.kind == "title"), segments[0] if segments else None)

    def report(
        self,
        rule_id: str,
        message: str,
        segment: Segment | None = None,
        start: int = 0,
        end: int = 0,
        *,
        suggestion: str | None = None,
        severity: Severity | None = None,
        why: str | None = None,
    ) -> None:
        """Add a finding of ``rule_id`` about ``segment.text[start:end]``, unless allowed there."""
        if segment is not None and end > start and self.is_allowed(segment, start, end):
            return
        rule = rules()[rule_id]
        target = segment or self.anchor
        if target is None:
            line, column, file, text, context, field_ = 1, 1, self.posting.file, "", "", None
        else:
            line, column = target.where.position(start)
            file, context, field_ = target.file, target.text, target.field
            text = target.text[start:end]
        self.findings.append(
            Finding(
                rule_id,
                rule.category,
                severity or rule.severity,
                message,
                text,
                file,
                line,
                column,
                why or rule.why,
                suggestion or rule.suggestion,
                field_,
                context,
                start,
            )
        )
