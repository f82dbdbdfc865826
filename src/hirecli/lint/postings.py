"""Job ads written elsewhere (text, Markdown, HTML, Word) as postings to lint.

The shared readers (:mod:`hirecli.readers`) say what the markup says: headings, list
items, paragraphs, table rows, each with where its words stand in the file. This
module lays those blocks out as lint segments. Plain text (and a Markdown paragraph)
says less, so a line's role is judged here as it always was for lint: a short line
that stands alone or introduces a list is a heading, a line in bold is a heading, a
"Label: value" line is a fact of its own, and a marker glued to a word ("-aintain")
is a bullet damaged in copying, kept as one so that the damage check can point at it.
Which section a heading opens comes from the readers' section vocabulary
(:mod:`hirecli.lint.layout`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from hirecli.lint.layout import LayoutBuilder
from hirecli.lint.model import Anchor, Locator, Posting, SegmentKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hirecli.readers.model import Block, SourceDoc
    from hirecli.readers.source import Format

FORMATS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
"""The posting formats lint reads, by file extension."""

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)[\s#]*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1:?$")
_GLUED = re.compile(r"(?=[-–—•][^\W\d_])")
_MAX_HEADING_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?,;]\s*$")
_MONEY = re.compile(r"[$€£¥]|\d{3}")
_FACT = re.compile(r"^(?:\*\*|__)?[A-Z][\w ]{1,24}:(?:\*\*|__)?\s+\S")
"""A "Label: value" line (Location, Pay, Schedule): a fact of its own, never joined to the next."""


def read_posting(data: bytes, name: str, suffix: str) -> Posting:
    """A posting from the bytes of a text, Markdown, HTML or Word file (``suffix`` says which;
    without one the content does); a file no reader can take is a one-line input error."""
    from hirecli.readers import read_source
    from hirecli.readers.source import detect

    return layout(read_source(detect(data, name, FORMATS.get(suffix))))


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of a text file or of a Markdown paragraph, whose role lint decides."""

    text: str
    where: Locator
    alone_before: bool
    """Nothing stands on the line before it (or it opens the file)."""
    alone_after: bool
    """The line after it is blank, or a list item."""


class _Place(Protocol):
    """Text from ``offset`` on stands at ``line``:``column``: a reader's piece, a lint anchor."""

    @property
    def offset(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


def _locators(places: Sequence[_Place], cuts: list[tuple[int, int]]) -> list[Locator]:
    """A locator for each ``text[start:end]`` of a block whose text ``places`` place; the cuts
    come in order and do not overlap, so one walk along the places serves them all."""
    found: list[Locator] = []
    index = 0
    for start, end in cuts:
        while index + 1 < len(places) and places[index + 1].offset <= start:
            index += 1
        first = places[index]
        anchors = [Anchor(0, first.line, first.column + max(start - first.offset, 0))]
        after = index + 1
        while after < len(places) and places[after].offset < end:
            anchors.append(Anchor(places[after].offset - start, places[after].line, places[after].column))
            after += 1
        found.append(Locator(tuple(anchors)))
    return found


def _plain_heading(line: _Line) -> bool:
    text = line.text
    if not text or _SENTENCE_END.search(text) or _MONEY.search(text):
        return False
    if len(text.split()) > _MAX_HEADING_WORDS or text[0].islower():
        return False
    return text.endswith(":") or (line.alone_before and line.alone_after)


class _Layout:
    """Feeds a document's blocks to a :class:`LayoutBuilder`, joining lines into paragraphs."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.builder = LayoutBuilder(doc.name)
        self.paragraph: list[_Line] = []
        self.seen = False
        """Whether anything stands before: the first heading of a posting is its title."""
        self.last_list: int | None = None

    def add(self, kind: SegmentKind, text: str, where: Locator, level: int | None = None) -> None:
        self.builder.add(kind, text, where, level=level)
        self.seen = self.seen or bool(text.strip())

    def heading(self, text: str, where: Locator, level: int | None, *, plain: bool = False) -> None:
        title = not self.seen and (level == 1 or plain)
        self.add("title" if title else "heading", text, where, level)
        self.last_list = None

    def bullet(self, text: str, where: Locator, list_id: int | None) -> None:
        new = list_id is not None and list_id != self.last_list and self.doc.fmt != "text"
        self.builder.add("bullet", text, where, new_list=new)
        self.seen = True
        self.last_list = list_id

    def flush(self) -> None:
        if not self.paragraph:
            return
        anchors: list[Anchor] = []
        offset = 0
        for line in self.paragraph:
            anchors += [Anchor(offset + a.offset, a.line, a.column) for a in line.where.anchors]
            offset += len(line.text) + 1
        self.add("paragraph", " ".join(line.text for line in self.paragraph), Locator(tuple(anchors)))
        self.paragraph = []

    def line(self, line: _Line) -> None:
        """One line of plain text or of a Markdown paragraph: its role judged from its words."""
        if line.alone_before:
            self.flush()
        text = line.text
        marked = _MD_HEADING.match(text) if self.doc.fmt == "text" else None
        bold = _BOLD_LINE.match(text)
        if marked:
            self.flush()
            self.heading(marked.group(2), _shift(line.where, marked.start(2)), len(marked.group(1)))
        elif _GLUED.match(text):
            self.flush()
            self.bullet(text, line.where, None)
        elif bold:
            self.flush()
            self.add("heading", bold.group("text"), _shift(line.where, bold.start("text")))
        elif not self.paragraph and _plain_heading(line):
            self.heading(text, line.where, None, plain=True)
        elif _FACT.match(text):
            self.flush()
            self.add("paragraph", text, line.where)
        else:
            self.paragraph.append(line)
            self.seen = True

    def block(self, block: Block, lines: list[_Line]) -> None:
        if lines:
            for line in lines:
                self.line(line)
            if block.kind == "paragraph":  # a Markdown paragraph ends where the parser says
                self.flush()
            return
        self.flush()
        kind = block.kind
        [where] = _locators(block.places(), [(0, len(block.text))])
        if kind == "heading":
            self.heading(block.text, where, block.level or None)
        elif kind == "bullet":
            items = list(_items(block))
            for (start, end), located in zip(items, _locators(block.places(), items), strict=True):
                self.bullet(block.text[start:end], located, block.list)
        elif kind == "row":
            cells = list(_cells(block))
            for (start, end), located in zip(cells, _locators(block.places(), cells), strict=True):
                self.add("paragraph", block.text[start:end], located)
        elif kind == "rule":
            self.builder.end_list()
            self.last_list = None
        elif kind == "paragraph" and block.bold:
            self.add("heading", block.text, where)
        else:
            self.add("paragraph", block.text, where)


def _shift(where: Locator, start: int) -> Locator:
    """The locator of the text from ``start`` on."""
    return _locators(where.anchors, [(start, 1 << 30)])[0]


def _items(block: Block) -> Iterator[tuple[int, int]]:
    """Where a list item's text starts and ends, and where each damaged bullet inside it does:
    Markdown reads "-nswer the phone" under an item as more of that item's text."""
    start = 0
    for piece in block.pieces[1:]:
        if _GLUED.match(block.text, piece.offset):
            yield start, piece.offset - 1
            start = piece.offset
    yield start, len(block.text)


def _cells(block: Block) -> Iterator[tuple[int, int]]:
    """Where each filled cell of a table row starts and ends in the row's text."""
    start = 0
    for cell in block.cells:
        if cell:
            yield start, start + len(cell)
            start += len(cell) + 3


def _lines(doc: SourceDoc) -> Iterator[tuple[Block, list[_Line]]]:
    """Each block with the lines lint judges itself: a line of plain text, and the source
    lines of a Markdown paragraph or code block; none for blocks the markup says enough of."""
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        lines: list[_Line] = []
        if block.kind in ("line", "code") or (block.kind == "paragraph" and doc.fmt == "markdown"):
            before = blocks[index - 1] if index else None
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            cut = block.lines()
            starts = [p.offset for p in block.pieces] if len(cut) > 1 else [0]
            spans = [(start, start + len(text)) for (text, _, _), start in zip(cut, starts, strict=True)]
            located = _locators(block.places(), spans)
            for number, ((text, line, _), where) in enumerate(zip(cut, located, strict=True)):
                first = number == 0 and (before is None or _last_line(before) < line - 1)
                last = number == len(cut) - 1 and (
                    after is None or after.line > line + 1 or after.kind == "bullet"
                )
                lines.append(_Line(text, where, first, last))
        yield block, lines


def _last_line(block: Block) -> int:
    return max(p.line for p in block.places()) if block.kind != "rule" else block.line


def layout(doc: SourceDoc) -> Posting:
    """The posting a reader's document holds, as located segments with their sections."""
    walker = _Layout(doc)
    for block, lines in _lines(doc):
        walker.block(block, lines)
    walker.flush()
    return Posting(doc.name, walker.builder.segments)
