"""HTML: block elements become blocks; page furniture (scripts, menus, footers) is left out.

The standard library's parser is lenient, but a few malformed declarations make it
raise (``<![0``); such markup is neutralised and the page read again, so that no
page, however broken, stops a command with an internal error. Every word keeps its
line and column in the page as written (``Block.anchors``), entities and all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from hirecli.readers.align import Lines, align, one_line_breaks
from hirecli.readers.model import Block, BlockKind, Piece, SourceDoc

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head"})
_SKIP |= frozenset({"nav", "button", "select", "form"})
_PAGE_PARTS = frozenset({"header", "footer"})
"""Left out when they frame the page; kept inside an article or main element."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = _HEADINGS | _PAGE_PARTS | frozenset({"ul", "ol", "li", "dl", "dt", "dd", "hr", "pre"})
_BLOCKS |= frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
_BLOCKS |= frozenset({"p", "div", "section", "article", "main", "aside", "blockquote", "address", "center"})
_BLOCKS |= frozenset({"figure", "figcaption", "fieldset", "legend", "details", "summary"})
_BOLD = frozenset({"b", "strong"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source"})
_VOID |= frozenset({"track", "wbr", "param"})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_BAD_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[|doctype)", re.IGNORECASE)


Runs = list[tuple[int, int]]
"""(offset in a text, index in the page) wherever the two stop running side by side."""


@dataclass(slots=True)
class _Part:
    text: str
    bold: bool
    runs: Runs


class _Page:
    """The page as parsed, to turn the parser's positions into lines and columns of the page
    as written (before a broken declaration was neutralised)."""

    def __init__(self, text: str, moved: list[int]) -> None:
        self.text = text
        self.lines = Lines(text)
        self.moved = moved
        """Where "<!" became "&lt;!" (three characters longer), in the parsed text."""

    def place(self, index: int) -> tuple[int, int]:
        line, column = self.lines.position(index)
        start = self.lines.starts[line - 1]
        moved = bisect.bisect_right(self.moved, index - 4) - bisect.bisect_left(self.moved, start)
        return line, column - 3 * max(moved, 0)


def _pieces(page: _Page, anchors: Runs) -> list[Piece]:
    """Anchors as pieces, leaving out those that only continue the one before."""
    found: list[Piece] = []
    for offset, index in anchors:
        line, column = page.place(index)
        last = found[-1] if found else None
        if last is None or (line, column) != (last.line, last.column + offset - last.offset):
            found.append(Piece(offset, line, column))
    return found


def _join(texts: list[tuple[str, Runs]], glue: str) -> tuple[str, Runs]:
    out, anchors = "", []
    for text, runs in texts:
        if not text:
            continue
        if out:
            out += glue
        anchors += [(len(out) + offset, index) for offset, index in runs]
        out += text
    return out, anchors


class _Collector(HTMLParser):
    """Turns the tag stream into blocks, keeping where each block's words stand."""

    def __init__(self, page: _Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.skip_at: int | None = None
        self.bold = 0
        self.pre = 0
        self.lists: list[tuple[int, bool]] = []
        self.list_count = 0
        self.parts: list[_Part] = []
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.title: list[str] | None = None
        self.title_text = ""
        self.cells: list[tuple[str, Runs]] | None = None
        self.cell: list[tuple[str, Runs]] | None = None
        self.row_start = (0, 0)
        self.header_row = False
        self.term = ""

    # ---- tags ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self.title = []
        if tag not in _VOID:
            self.stack.append(tag)
        if self.skip_at is not None:
            return
        if tag in _SKIP or (tag in _PAGE_PARTS and not {"article", "main"} & set(self.stack[:-1])):
            if tag not in _VOID:
                self.skip_at = len(self.stack)
            return
        if tag == "br":
            self._flush()
        elif tag in _BOLD:
            self.bold += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            self.list_count += 1
            self.lists.append((self.list_count, tag == "ol"))
        elif tag == "li":
            self.kind, self.level = "bullet", max(len(self.lists), 1)
        elif tag in _HEADINGS:
            self.kind, self.level = "heading", int(tag[1])
        elif tag == "dt":
            self.kind = "term"
        elif tag == "dd":
            self.kind = "definition"
        elif tag == "tr":
            self.cells = []
            self.row_start = self.getpos()
            self.header_row = False
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []
            self.header_row = self.header_row or tag == "th"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None and not self.title_text:
            self.title_text = _SPACE.sub(" ", "".join(self.title)).strip()
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            self._close(top)
            if top == tag:
                break

    def _close(self, tag: str) -> None:
        if self.skip_at is not None:
            if len(self.stack) < self.skip_at:
                self.skip_at = None
            return
        if tag in _BOLD:
            self.bold = max(0, self.bold - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
        elif tag in ("td", "th") and self.cells is not None and self.cell is not None:
            self.cells.append(_join(self.cell, " "))
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self._row(self.cells)
            self.cells = None
        elif tag == "dl":
            self.term = ""

    # ---- text ----------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.title is not None and not self.title_text and "title" in self.stack:
            self.title.append(data)
        if self.skip_at is not None or not data:
            return
        runs = align(data, self.page.text, self.page.lines.index(*self.getpos()))
        if not self.pre:
            self._add(data, runs)
            return
        offset = 0
        for number, piece in enumerate(data.split("\n")):
            if number:
                self._flush()
            self._add(piece, _within(runs, offset, offset + len(piece)))
            offset += len(piece) + 1

    def _add(self, text: str, runs: Runs) -> None:
        if text:
            self.parts.append(_Part(text, self.bold > 0, runs))

    def _words(self) -> tuple[str, Runs]:
        """The parts' text with white space folded, and where each word stands in the page."""
        joined, runs = _join([(part.text, part.runs) for part in self.parts], "")
        words: list[str] = []
        anchors: Runs = []
        at = index = 0
        for word in _WORD.finditer(joined):
            start, end = word.span()
            while index + 1 < len(runs) and runs[index + 1][0] <= start:
                index += 1
            offset, place = runs[index] if runs else (0, 0)
            anchors.append((at, place + start - offset))
            while index + 1 < len(runs) and runs[index + 1][0] < end:
                index += 1
                anchors.append((at + runs[index][0] - start, runs[index][1]))
            words.append(word.group())
            at += end - start + 1
        return " ".join(words), anchors

    def _flush(self) -> None:
        text, anchors = self._words()
        bold = bool(text) and all(p.bold for p in self.parts if p.text.strip())
        lead = ""
        if not bold and self.parts:
            for part in self.parts:
                if not part.text.strip():
                    continue
                lead = part.text.strip() if part.bold else ""
                break
        self.parts = []
        if text:
            if self.cell is not None:
                self.cell.append((text, anchors))
            else:
                kind = self.kind
                pieces = _pieces(self.page, anchors)
                block = Block(
                    kind, text, pieces[0].line, pieces[0].column, level=self.level, bold=bold, label=lead
                )
                block.anchors = tuple(pieces) if len(pieces) > 1 else ()
                if kind == "bullet" and self.lists:
                    block.list, block.ordered = self.lists[-1]
                elif kind == "term":
                    self.term = text
                elif kind == "definition":
                    block.label = self.term
                self.blocks.append(block)
            self.kind, self.level = "paragraph", 0

    def _row(self, cells: list[tuple[str, Runs]]) -> None:
        if not any(text for text, _ in cells):
            return
        line, column = self.row_start
        text, anchors = _join(cells, " | ")
        block = Block("row", text, line, column + 1, cells=tuple(t for t, _ in cells), bold=self.header_row)
        block.anchors = tuple(_pieces(self.page, anchors))
        self.blocks.append(block)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self._flush()


def _within(runs: Runs, start: int, end: int) -> Runs:
    """The runs of ``text[start:end]``, counted from its start."""
    if not runs:
        return []
    first = max(bisect.bisect_right(runs, (start, 1 << 62)) - 1, 0)
    last = bisect.bisect_left(runs, (end, -1))
    offset, place = runs[first]
    return [(0, place + start - offset)] + [(o - start, i) for o, i in runs[first + 1 : last]]


def _collect(page: _Page) -> _Collector:
    collector = _Collector(page)
    collector.feed(page.text)
    collector.close()
    return collector


_FAILURES = (AssertionError, ValueError, IndexError, TypeError, KeyError, RecursionError)


def read_html(text: str, name: str = "<html>") -> SourceDoc:
    """The blocks of an HTML page or fragment; the page's <title> is a hint for the job title.

    Markup the standard parser cannot take (a broken ``<!`` declaration) is escaped
    and the page read again; what still fails is read with its tags stripped.
    """
    text = one_line_breaks(text)  # the parser counts LF only; a lone CR is a line break too
    try:
        collector = _collect(_Page(text, []))
    except _FAILURES:
        moved = [m.start() + 3 * n for n, m in enumerate(_BAD_DECLARATION.finditer(text))]
        try:
            collector = _collect(_Page(_BAD_DECLARATION.sub("&lt;!", text), moved))
        except _FAILURES:
            return _stripped(text, name)
    return SourceDoc(name, "html", collector.blocks, title_hint=collector.title_text or None)


def _stripped(text: str, name: str) -> SourceDoc:
    """The last resort for markup nothing can parse: each line's text without tags."""
    import html as entities

    doc = SourceDoc(name, "html")
    for number, line in enumerate(text.splitlines(), 1):
        plain = _SPACE.sub(" ", entities.unescape(re.sub(r"<[^>]*>?", " ", line))).strip()
        if plain:
            runs = align(plain, line)
            block = Block("paragraph", plain, number, runs[0][1] + 1)
            block.anchors = tuple(Piece(offset, number, index + 1) for offset, index in runs)
            doc.blocks.append(block)
    return doc
