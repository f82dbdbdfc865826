"""Reading a role file as the posting hirecli would publish for it, plus its interview questions.

The posting comes from the posting builder (for the chosen channel and company
profile), so the linter sees exactly what candidates will read. Each piece of the
posting is traced back to the YAML value it came from, so findings point at the
line and column in the role file (or in ``company.yaml``) where the words are
written; text that hirecli adds (headings, the pay line) points at the field it
describes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hirecli.document import plain
from hirecli.errors import HirecliError
from hirecli.lint.align import align
from hirecli.lint.model import Anchor, Locator, Posting, Segment, SegmentKind
from hirecli.lint.yamlmap import SourceText
from hirecli.model.yamlsource import Path as YamlPath
from hirecli.model.yamlsource import SourceMap, decode, parse

if TYPE_CHECKING:
    from hirecli.builders.posting.build import PostingResult
    from hirecli.model.company import Company
    from hirecli.model.role import Role

_SPACE = re.compile(r"\s+")
_SECTION_KINDS = {"career_path": "career", "skills": "skills"}
_SECTION_FIELDS: dict[str, YamlPath] = {
    "summary": ("summary",),
    "responsibilities": ("responsibilities",),
    "requirements": ("qualifications",),
    "preferred": ("qualifications",),
    "skills": ("skills",),
    "career_path": ("career_path",),
    "pay": ("compensation",),
    "notes": ("notes",),
}
_COMPANY_SECTIONS: dict[str, YamlPath] = {
    "about": ("about",),
    "eeo": ("eeo_statement",),
    "apply": ("apply",),
}
_FACT_FIELDS: dict[str, YamlPath] = {
    "Pay": ("compensation",),
    "Location": ("location",),
    "Employment type": ("employment_type",),
    "Schedule": ("schedule",),
    "Department": ("department",),
    "Reports to": ("reports_to",),
    "Openings": ("openings",),
}
_MIN_PIECE = 12
"""Shorter values ("year", "Denver") are traced only when they make up a whole piece."""


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Source:
    """One YAML file: its name, lines and positions, and the raw values by path."""

    file: str
    lines: list[str]
    positions: SourceMap
    data: Any
    text: SourceText

    @classmethod
    def read(cls, text: str, file: str) -> Source:
        data, positions, _ = parse(text, file)
        return cls(file, text.splitlines(), positions, data, SourceText(text))

    def locator(self, path: YamlPath, text: str) -> Locator:
        exact = self.text.locator(path, text)
        if exact is not None:
            return exact
        pos = self.positions.locate(path)
        return align(text, self.lines, pos.line, pos.column)

    def field_locator(self, path: YamlPath) -> Locator:
        pos = self.positions.locate(path)
        return Locator.at(pos.line, pos.column, exact=False)

    def strings(self) -> Iterator[tuple[YamlPath, str]]:
        stack: list[tuple[YamlPath, Any]] = [((), self.data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                stack.extend(((*path, k), v) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend(((*path, i), v) for i, v in enumerate(value))


def dotted(path: YamlPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class _Origin:
    source: Source
    path: YamlPath
    text: str


class _Origins:
    """Every text value of the role and company files, to trace posting text back to."""

    def __init__(self, sources: list[Source]) -> None:
        self.exact: dict[str, _Origin] = {}
        self.all: list[_Origin] = []
        for source in sources:
            for path, value in source.strings():
                text = fold(value)
                if text and path:
                    origin = _Origin(source, path, text)
                    self.all.append(origin)
                    self.exact.setdefault(text, origin)
        self.by_length = sorted(
            (o for o in self.exact.values() if len(o.text) >= _MIN_PIECE), key=lambda o: -len(o.text)
        )
        self.used: set[tuple[str, YamlPath]] = set()

    def _use(self, origin: _Origin) -> None:
        self.used.add((origin.source.file, origin.path))

    def place(self, text: str, fallback: tuple[Source, YamlPath]) -> tuple[str, Locator, str | None, bool]:
        """The file, locator and dotted field of posting ``text``, and whether hirecli wrote it."""
        origin = self.exact.get(text)
        if origin is not None:
            self._use(origin)
            return origin.source.file, origin.source.locator(origin.path, text), dotted(origin.path), False
        inside = self._inside(text)
        if inside is not None:
            return inside
        pieces: list[tuple[int, _Origin]] = []
        taken: list[tuple[int, int]] = []
        for candidate in self.by_length:
            at = _word_find(text, candidate.text)
            if at < 0 or any(a < at + len(candidate.text) and at < b for a, b in taken):
                continue
            pieces.append((at, candidate))
            taken.append((at, at + len(candidate.text)))
        source, path = fallback
        if not pieces:
            return source.file, source.field_locator(path), dotted(path), True
        for _, origin in pieces:
            self._use(origin)
        pieces.sort(key=lambda item: item[0])
        first = pieces[0][1]
        same_file = [(at, o) for at, o in pieces if o.source is first.source]
        anchors: list[Anchor] = []
        for at, origin in same_file:
            located = origin.source.locator(origin.path, origin.text)
            anchors += [Anchor(a.offset + at, a.line, a.column) for a in located.anchors]
        if same_file[0][0] > 0:
            head = first.source.positions.locate(first.path)
            anchors.insert(0, Anchor(0, head.line, head.column))
        return first.source.file, Locator(tuple(anchors)), dotted(first.path), False

    def _inside(self, text: str) -> tuple[str, Locator, str | None, bool] | None:
        """``text`` as part of one longer value (a paragraph of a multi-paragraph block)."""
        if len(text) < _MIN_PIECE:
            return None
        for origin in self.by_length:
            if len(origin.text) <= len(text):
                break
            at = _word_find(origin.text, text)
            if at < 0:
                continue
            self._use(origin)
            whole = origin.source.locator(origin.path, origin.text)
            before = whole.position(at)  # once: linear time in the anchors of a long value
            anchors = [
                Anchor(max(a.offset - at, 0), *((a.line, a.column) if a.offset >= at else before))
                for a, end in zip(whole.anchors, _run_ends(whole), strict=True)
                if end > at
            ]
            first_line, first_column = whole.position(at)
            anchors = [Anchor(0, first_line, first_column), *[a for a in anchors if a.offset > 0]]
            limit = whole.limit - at if whole.limit < (1 << 30) else 1 << 30
            return origin.source.file, Locator(tuple(anchors), max(limit, 0)), dotted(origin.path), False
        return None

    def unused(self) -> list[_Origin]:
        """Values no posting text was traced to, in file order."""
        return [o for o in self.all if (o.source.file, o.path) not in self.used]


def _run_ends(locator: Locator) -> list[int]:
    """Where each anchor's run ends (``a.offset + _run(locator, a)``), in one pass."""
    import bisect

    offsets = sorted({a.offset for a in locator.anchors})
    ends = []
    for anchor in locator.anchors:
        index = bisect.bisect_right(offsets, anchor.offset)
        ends.append(offsets[index] if index < len(offsets) else anchor.offset + (1 << 30))
    return ends


def _run(locator: Locator, anchor: Anchor) -> int:
    """How many characters an anchor covers before the next one."""
    later = [a.offset for a in locator.anchors if a.offset > anchor.offset]
    return (min(later) if later else 1 << 30) - anchor.offset


def _shifted(locator: Locator, anchor: Anchor, at: int) -> tuple[int, int]:
    if anchor.offset >= at:
        return anchor.line, anchor.column
    return locator.position(at)


def _word_find(text: str, piece: str) -> int:
    start = 0
    while True:
        at = text.find(piece, start)
        if at < 0:
            return -1
        end = at + len(piece)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        start = at + 1


class _Segments:
    def __init__(self, origins: _Origins, role: Source, company: Source | None) -> None:
        self.origins = origins
        self.role = role
        self.company = company
        self.items: list[Segment] = []
        self.group = -1

    def add(
        self, kind: SegmentKind, text: str, section: str, heading: str, name: str | YamlPath, group: int = -1
    ) -> None:
        text = fold(text)
        if not text:
            return
        fallback = (self.role, name) if isinstance(name, tuple) else self._fallback(name)
        file, where, field, generated = self.origins.place(text, fallback)
        self.items.append(
            Segment(text, kind, where, file, section, heading, group, field, generated or kind == "heading")
        )

    def _fallback(self, name: str) -> tuple[Source, YamlPath]:
        if self.company is not None and name in _COMPANY_SECTIONS:
            return self.company, _COMPANY_SECTIONS[name]
        return self.role, _SECTION_FIELDS.get(name, ("title",))


def _posting_segments(result: PostingResult, segments: _Segments) -> None:
    segments.add("title", result.title, "", "", "title")
    for label, value in result.facts:
        segments.add(
            "fact", plain(value), "pay" if label == "Pay" else "", label, _FACT_FIELDS.get(label, ("title",))
        )
    for section in result.sections:
        kind = _SECTION_KINDS.get(section.name, section.name)
        segments.add("heading", section.heading, kind, section.heading, section.name)
        for paragraph in section.paragraphs:
            segments.add("paragraph", plain(paragraph), kind, section.heading, section.name)
        for part in section.lists:
            segments.group += 1
            part_kind = "benefits" if part.key == "benefits" else kind
            if part.label:
                segments.add("heading", part.label, part_kind, part.label, section.name)
            for item in part.items:
                segments.add(
                    "bullet",
                    plain(item),
                    part_kind,
                    part.label or section.heading,
                    section.name,
                    segments.group,
                )


def _requirement_counts(result: PostingResult) -> tuple[int, int]:
    counts = {"requirements": 0, "preferred": 0}
    for section in result.sections:
        if section.name in counts:
            counts[section.name] += section.bullets
    return counts["requirements"], counts["preferred"]


def _custom_questions(role: Source) -> Iterator[tuple[YamlPath, str]]:
    data = role.data if isinstance(role.data, dict) else {}
    competencies = data.get("competencies")
    for i, comp in enumerate(competencies if isinstance(competencies, list) else []):
        questions = comp.get("questions") if isinstance(comp, dict) else None
        for j, question in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(question, str):
                yield ("competencies", i, "questions", j), question
                continue
            if not isinstance(question, dict):
                continue
            if isinstance(question.get("text"), str):
                yield ("competencies", i, "questions", j, "text"), question["text"]
            probes = question.get("probes")
            for k, probe in enumerate(probes if isinstance(probes, list) else []):
                if isinstance(probe, str):
                    yield ("competencies", i, "questions", j, "probes", k), probe


def _questions(
    role: Role, company: Company | None, source: Source, notes: list[str], kit: bool, drafts: list[Segment]
) -> list[Segment]:
    """Custom questions where they are written, then (with ``kit``) the kit's other questions."""
    found: list[Segment] = []
    for path, text in _custom_questions(source):
        found.append(
            Segment(
                text, "question", source.locator(path, text), source.file, "interview", "", -1, dotted(path)
            )
        )
    if not kit:
        return found
    from hirecli.builders.kit.plan import plan_kit

    try:
        planned = plan_kit(role, company, positions=source.positions)
    except HirecliError as exc:
        notes.append(
            f"the interview kit could not be planned ({exc.message}); custom questions "
            "were checked on their own"
        )
        return found
    paths = {comp.name: comp.path for comp in planned.competencies}
    for comp in planned.drafts:
        drafts.append(
            Segment(
                comp.name,
                "paragraph",
                source.field_locator(comp.path),
                source.file,
                "skills",
                "",
                -1,
                dotted(comp.path),
            )
        )
    for question in planned.questions:
        if question.custom:
            continue
        path = paths.get(question.competency, ())
        for text in (question.text, *question.probes):
            found.append(
                Segment(
                    text,
                    "question",
                    source.field_locator(path),
                    source.file,
                    "interview",
                    question.competency,
                    -1,
                    f"kit: {question.competency}",
                )
            )
    return found


_SKIP_KEYS = frozenset(
    {
        "id",
        "lint",
        "occupation_code",
        "currency",
        "period",
        "workplace",
        "employment_type",
        "country",
        "region",
        "postal_code",
        "url",
        "email",
        "website",
        "apply",
        "$schema",
        "tags",
        "type",
        "kind",
        "id_prefix",
        "min",
        "max",
        "openings",
        "date",
        "valid_through",
        "posted",
        "language",
        "locale",
        "logo",
    }
)
_NOT_PROSE = re.compile(
    r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|[a-z][\w+.-]*://\S+|[\w./-]*\.(?:yaml|yml|json|png|jpg|svg)|"
    r"[\d\s.,:/$€£%-]+)$",
    re.IGNORECASE,
)


def _field_segments(origins: _Origins) -> list[Segment]:
    """Text fields the posting does not show (or that could not be traced), to lint on their own."""
    found: list[Segment] = []
    for origin in origins.unused():
        if any(isinstance(part, str) and part in _SKIP_KEYS for part in origin.path):
            continue
        if _NOT_PROSE.match(origin.text) or len(origin.text) < 3:
            continue
        found.append(
            Segment(
                origin.text,
                "paragraph",
                origin.source.locator(origin.path, origin.text),
                origin.source.file,
                "",
                "",
                -1,
                dotted(origin.path),
            )
        )
    return found


def read_role(text: str, file: str, company_file: Path | None, channel: str, *, kit: bool = True) -> Posting:
    """The posting and interview questions of the role in ``text``, traced to their lines."""
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.model.company import Company
    from hirecli.model.loader import load_role_text, load_text, read_bytes

    loaded = load_role_text(text, file)
    role = loaded.model
    role_source = Source(file, text.splitlines(), loaded.positions, parse(text, file)[0], SourceText(text))
    company: Company | None = None
    company_source: Source | None = None
    if company_file is not None:
        data, company_name = read_bytes(company_file)
        company_text = decode(data, company_name)
        company = load_text(company_text, company_name, Company).model
        company_source = Source.read(company_text, company_name)
    result = build_posting_with_report(role, company, channel=channel)
    origins = _Origins([s for s in (role_source, company_source) if s is not None])
    segments = _Segments(origins, role_source, company_source)
    _posting_segments(result, segments)
    notes: list[str] = []
    drafts: list[Segment] = []
    questions = _questions(role, company, role_source, notes, kit, drafts)
    for path, _ in _custom_questions(role_source):
        origins.used.add((role_source.file, path))
    return Posting(
        file,
        segments.items,
        questions,
        role,
        company,
        tuple(role.lint.allow),
        tuple(role.lint.disable),
        _requirement_counts(result),
        notes,
        _field_segments(origins),
        "role",
        drafts,
    )


_COMPANY_KINDS = {
    "about": "about",
    "eeo_statement": "eeo",
    "benefits": "benefits",
    "apply": "apply",
    "name": "title",
}


def read_company(text: str, file: str) -> Posting:
    """A company profile as a posting of its own: every text field, located, by section."""
    from hirecli.model.company import Company
    from hirecli.model.loader import load_text

    company = load_text(text, file, Company).model
    source = Source.read(text, file)
    segments: list[Segment] = []
    group = -1
    last_list: YamlPath | None = None
    for path, value in sorted(source.strings(), key=lambda item: _order(source, item[0])):
        if not path or any(isinstance(part, str) and part in _SKIP_KEYS for part in path):
            continue
        folded = fold(value)
        if len(folded) < 2 or _NOT_PROSE.match(folded):
            continue
        top = str(path[0])
        kind: SegmentKind = "title" if top == "name" else "paragraph"
        if isinstance(path[-1], int):
            kind = "bullet"
            if path[:-1] != last_list:
                group += 1
                last_list = path[:-1]
        segments.append(
            Segment(
                folded,
                kind,
                source.locator(path, folded),
                file,
                _COMPANY_KINDS.get(top, ""),
                top,
                group if kind == "bullet" else -1,
                dotted(path),
            )
        )
    return Posting(file, segments, company=company, kind="company")


def _order(source: Source, path: YamlPath) -> tuple[int, int]:
    pos = source.positions.locate(path)
    return pos.line, pos.column
