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
from hirecli.model.yamlsource import Path as YamlPath
from hirecli.model.yamlsource import SourceMap, decode, parse

if TYPE_CHECKING:
    from hirecli.builders.posting.build import PostingResult
    from hirecli.model.company import Company
    from hirecli.model.role import Role

_SPACE = re.compile(r"\s+")
_SECTION_KINDS = {"career_path": "career", "skills": "skills"}
_SECTION_FIELDS: dict[str, YamlPath] = {
    "summary": ("summary",), "responsibilities": ("responsibilities",),
    "requirements": ("qualifications",), "preferred": ("qualifications",), "skills": ("skills",),
    "career_path": ("career_path",), "pay": ("compensation",), "notes": ("notes",),
}
_COMPANY_SECTIONS: dict[str, YamlPath] = {
    "about": ("about",), "eeo": ("eeo_statement",), "apply": ("apply",),
}
_FACT_FIELDS: dict[str, YamlPath] = {
    "Pay": ("compensation",), "Location": ("location",), "Employment type": ("employment_type",),
    "Schedule": ("schedule",), "Department": ("department",), "Reports to": ("reports_to",),
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

    @classmethod
    def read(cls, text: str, file: str) -> Source:
        data, positions, _ = parse(text, file)
        return cls(file, text.splitlines(), positions, data)

    def locator(self, path: YamlPath, text: str) -> Locator:
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
        for source in sources:
            for path, value in source.strings():
                text = fold(value)
                if text and path:
                    self.exact.setdefault(text, _Origin(source, path, text))
        self.by_length = sorted((o for o in self.exact.values() if len(o.text) >= _MIN_PIECE),
                                key=lambda o: -len(o.text))

    def place(self, text: str, fallback: tuple[Source, YamlPath]) -> tuple[str, Locator, str | None, bool]:
        """The file, locator and dotted field of posting ``text``, and whether hirecli wrote it."""
        origin = self.exact.get(text)
        if origin is not None:
            return origin.source.file, origin.source.locator(origin.path, text), dotted(origin.path), False
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

    def add(self, kind: SegmentKind, text: str, section: str, heading: str, name: str | YamlPath,
            group: int = -1) -> None:
        text = fold(text)
        if not text:
            return
        fallback = (self.role, name) if isinstance(name, tuple) else self._fallback(name)
        file, where, field, generated = self.origins.place(text, fallback)
        self.items.append(Segment(text, kind, where, file, section, heading, group, field,
                                  generated or kind == "heading"))

    def _fallback(self, name: str) -> tuple[Source, YamlPath]:
        if self.company is not None and name in _COMPANY_SECTIONS:
            return self.company, _COMPANY_SECTIONS[name]
        return self.role, _SECTION_FIELDS.get(name, ("title",))


def _posting_segments(result: PostingResult, segments: _Segments) -> None:
    segments.add("title", result.title, "", "", "title")
    for label, value in result.facts:
        segments.add("fact", plain(value), "pay" if label == "Pay" else "", label,
                     _FACT_FIELDS.get(label, ("title",)))
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
                segments.add("bullet", plain(item), part_kind, part.label or section.heading, section.name,
                              segments.group)


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


def _questions(role: Role, company: Company | None, source: Source, notes: list[str],
               kit: bool) -> list[Segment]:
    """Custom questions where they are written, then (with ``kit``) the kit's other questions."""
    found: list[Segment] = []
    for path, text in _custom_questions(source):
        found.append(Segment(text, "question", source.locator(path, text), source.file, "interview", "",
                             -1, dotted(path)))
    if not kit:
        return found
    from hirecli.builders.kit.plan import plan_kit

    try:
        planned = plan_kit(role, company, positions=source.positions)
    except HirecliError as exc:
        notes.append(f"the interview kit could not be planned ({exc.message}); custom questions "
                     "were checked on their own")
        return found
    paths = {comp.name: comp.path for comp in planned.competencies}
    for question in planned.questions:
        if question.custom:
            continue
        path = paths.get(question.competency, ())
        for text in (question.text, *question.probes):
            found.append(Segment(text, "question", source.field_locator(path), source.file, "interview",
                                 question.competency, -1, f"kit: {question.competency}"))
    return found


def read_role(text: str, file: str, company_file: Path | None, channel: str,
              *, kit: bool = True) -> Posting:
    """The posting and interview questions of the role in ``text``, traced to their lines."""
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.model.company import Company
    from hirecli.model.loader import load_role_text, load_text, read_bytes

    loaded = load_role_text(text, file)
    role = loaded.model
    role_source = Source(file, text.splitlines(), loaded.positions, parse(text, file)[0])
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
    questions = _questions(role, company, role_source, notes, kit)
    return Posting(file, segments.items, questions, role, company, tuple(role.lint.allow),
                   tuple(role.lint.disable), _requirement_counts(result), notes)
