"""Markdown, read from markdown-it-py's tokens (CommonMark, with tables).

Headings, list items (with their nesting and list), paragraphs, tables, code and
rules come from the parser; inline marks are removed, link text is kept, and a line
or block that is all bold is marked so. A paragraph keeps where each of its source
lines starts (soft line breaks are often separate facts: "**Location:** Leeds"), and
every block where its words stand in the source once the marks are gone (``anchors``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from hirecli.readers.align import Lines, align, one_line_breaks
from hirecli.readers.model import Block, Piece, SourceDoc

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_TAG = re.compile(r"<[^>]*>")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MARKER = re.compile(r"^\s*(?:>\s?)*\s*(?:[-*+]|\d{1,9}[.)])\s+")
_SPACE = re.compile(r"[ \t]+")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@dataclass(slots=True)
class _Line:
    text: str = ""
    bold: int = 0
    plain: int = 0


@dataclass(slots=True)
class _Inline:
    """An inline token's text, cut at its line breaks, with how much of each line is bold."""

    lines: list[_Line] = field(default_factory=lambda: [_Line()])

    def add(self, text: str, strong: bool) -> None:
        self.lines[-1].text += text
        count = sum(1 for char in text if char.isalnum())
        if strong:
            self.lines[-1].bold += count
        else:
            self.lines[-1].plain += count


def _inline(token: Token) -> _Inline:
    out = _Inline()
    strong = 0
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            out.lines.append(_Line())
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind in ("text", "code_inline"):
            out.add(child.content, strong > 0)
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            out.lines.append(_Line())
    return out


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _column(source: list[str], index: int, text: str) -> int:
    """The column where ``text`` starts on line ``index`` (0-based) of the source."""
    if not 0 <= index < len(source):
        return 1
    line = source[index]
    for probe in (text[:12], text.split()[0] if text.split() else ""):
        found = line.find(probe) if probe else -1
        if found >= 0:
            return found + 1
    marker = _MARKER.match(line)
    if marker:
        return marker.end() + 1
    return len(line) - len(line.lstrip()) + 1


_OPENING = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:#{1,6}[ \t]+)?")
"""What opens a line before its text: indentation, quote marks, list markers, a heading's #."""


def _anchors(source: list[str], index: int, text: str) -> list[Piece]:
    """Where the words of ``text`` (line ``index`` of the source, 0-based, marks removed) stand."""
    if not 0 <= index < len(source):
        return [Piece(0, index + 1, 1)]
    return [Piece(offset, index + 1, at + 1) for offset, at in align(text, source[index])]


def _spread(lines: list[str], first: int, text: str, line: int) -> list[Piece]:
    """Where the words of a block's ``text`` stand in its source ``lines`` (the first is line
    ``first``, 0-based), its text starting on ``line``: aligned over all its lines at once,
    since a code span or a link may run across a line break."""
    if not lines:
        return []
    raw = "\n".join(lines)
    places = Lines(raw)
    index = places.index(line - first, 0)
    opening = _OPENING.match(raw, index)
    found = []
    for offset, at in align(text, raw, opening.end() if opening else index):
        number, column = places.position(at)
        found.append(Piece(offset, first + number, column))
    return found


def _cut(anchors: tuple[Piece, ...], start: int) -> tuple[Piece, ...]:
    """The anchors of ``text[start:]``, counted from its start."""
    kept = [a for a in anchors if a.offset <= start]
    first = kept[-1] if kept else None
    head = (Piece(0, first.line, first.column + start - first.offset),) if first else ()
    return head + tuple(Piece(a.offset - start, a.line, a.column) for a in anchors if a.offset > start)


class _Walker:
    def __init__(self, source: list[str], doc: SourceDoc) -> None:
        self.source = source
        self.doc = doc
        self.lists: list[tuple[int, bool]] = []
        self.list_count = 0
        self.item: Block | None = None
        self.item_depth = 0
        self.row: list[str] | None = None
        self.row_line = 0
        self.row_header = False

    def block(self, token: Token, parsed: _Inline, kind: str, **extra: Any) -> Block | None:
        start = token.map[0] if token.map else 0
        pieces: list[Piece] = []
        anchors: list[Piece] = []
        parts: list[str] = []
        offset = 0
        bold_all = True
        for index, line in enumerate(parsed.lines):
            text = _clean(line.text)
            if not text:
                continue
            if parts:
                offset += 1
            bold = line.bold > 0 and line.plain == 0
            column = _column(self.source, start + index, text)
            pieces.append(Piece(offset, start + index + 1, column, bold))
            parts.append(text)
            offset += len(text)
            bold_all = bold_all and bold
        if not parts:
            return None
        text = " ".join(parts)
        end = token.map[1] if token.map else start + 1
        anchors = _spread(self.source[start:end], start, text, pieces[0].line) or [pieces[0]]
        block = Block(
            kind,  # type: ignore[arg-type]
            text,
            anchors[0].line,
            anchors[0].column,
            bold=bold_all,
            pieces=tuple(pieces) if len(pieces) > 1 else (),
            anchors=tuple(anchors) if len(anchors) > 1 else (),
            **extra,
        )
        if len(parsed.lines) > 1:
            block.source = "\n".join(_clean(line.text) for line in parsed.lines)
        return block

    def walk(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_count += 1
                self.lists.append((self.list_count, kind == "ordered_list_open"))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self.lists:
                    self.lists.pop()
            elif kind == "list_item_open":
                self.item = None
                self.item_depth = len(self.lists)
                self._marker = token.markup if token.markup in "-*+" else f"{token.info}{token.markup}"
            elif kind == "list_item_close":
                self.item = None
            elif kind == "heading_open" and index + 1 < len(tokens):
                parsed = _inline(tokens[index + 1])
                block = self.block(tokens[index + 1], parsed, "heading", level=int(token.tag[1:]))
                if block is not None:
                    text = block.text.strip("# ").strip() or block.text
                    cut = block.text.find(text)
                    if cut > 0:
                        block.anchors = _cut(block.places(), cut)
                        block.line, block.column = block.anchors[0].line, block.anchors[0].column
                    block.text = text
                    self.doc.blocks.append(block)
                index += 3
                continue
            elif kind == "paragraph_open" and index + 1 < len(tokens):
                self._paragraph(tokens[index + 1])
                index += 3
                continue
            elif kind == "tr_open":
                self.row = []
                self.row_line = (token.map[0] + 1) if token.map else 0
                self.row_header = False
            elif kind in ("th_open", "td_open") and index + 1 < len(tokens) and self.row is not None:
                self.row.append(_clean(" ".join(line.text for line in _inline(tokens[index + 1]).lines)))
                self.row_header = self.row_header or kind == "th_open"
                index += 3
                continue
            elif kind == "tr_close" and self.row is not None:
                if any(self.row):
                    line = self.row_line or (self.doc.blocks[-1].line if self.doc.blocks else 1)
                    text = " | ".join(c for c in self.row if c)
                    column = _column(self.source, line - 1, self.row[0] or "|")
                    self.doc.blocks.append(
                        Block(
                            "row",
                            text,
                            line,
                            column,
                            cells=tuple(self.row),
                            bold=self.row_header,
                            anchors=tuple(_anchors(self.source, line - 1, text)),
                        )
                    )
                self.row = None
            elif kind in ("fence", "code_block"):
                start = token.map[0] + (1 if kind == "fence" else 0) if token.map else 0
                for offset, text in enumerate(token.content.splitlines()):
                    if text.strip():
                        line = start + offset + 1
                        anchors = _anchors(self.source, line - 1, text.strip())
                        self.doc.blocks.append(
                            Block(
                                "code",
                                text.strip(),
                                line,
                                anchors[0].column,
                                anchors=tuple(anchors) if len(anchors) > 1 else (),
                            )
                        )
            elif kind == "html_block":
                self._html(token)
            elif kind == "hr":
                self.doc.blocks.append(Block("rule", "", (token.map[0] + 1) if token.map else 1))
            index += 1

    def _paragraph(self, inline: Token) -> None:
        parsed = _inline(inline)
        if self.lists and self.item_depth == len(self.lists):
            if self.item is not None:
                more = self.block(inline, parsed, "paragraph")
                if more is not None:
                    joined = len(self.item.text) + 1
                    self.item.pieces = (
                        *(self.item.pieces or (Piece(0, self.item.line, self.item.column),)),
                        *(
                            Piece(joined + p.offset, p.line, p.column)
                            for p in (more.pieces or (Piece(0, more.line, more.column),))
                        ),
                    )
                    self.item.anchors = (
                        *self.item.places(),
                        *(Piece(joined + p.offset, p.line, p.column) for p in more.places()),
                    )
                    self.item.text = f"{self.item.text} {more.text}"
                    self.item.bold = self.item.bold and more.bold
                return
            list_id, ordered = self.lists[-1]
            block = self.block(
                inline,
                parsed,
                "bullet",
                level=len(self.lists),
                list=list_id,
                ordered=ordered,
                marker=self._marker,
            )
            if block is not None:
                self.doc.blocks.append(block)
                self.item = block
            return
        block = self.block(inline, parsed, "paragraph")
        if block is not None:
            self.doc.blocks.append(block)

    def _html(self, token: Token) -> None:
        start = token.map[0] if token.map else 0
        for offset, raw in enumerate(token.content.splitlines()):
            text = _clean(html.unescape(_TAG.sub(" ", raw)))
            if text:
                line = start + offset + 1
                anchors = _anchors(self.source, line - 1, text)
                self.doc.blocks.append(
                    Block(
                        "paragraph",
                        text,
                        line,
                        anchors[0].column,
                        anchors=tuple(anchors) if len(anchors) > 1 else (),
                    )
                )

    _marker = ""


def read_markdown(text: str, name: str = "<markdown>") -> SourceDoc:
    """The blocks of a Markdown document, each at the line and column it starts."""
    doc = SourceDoc(name, "markdown")
    text = one_line_breaks(text)  # the parser's lines are str.splitlines' lines
    source = text.splitlines()
    tokens = _parser().parse(text)
    _Walker(source, doc).walk(tokens)
    return doc
