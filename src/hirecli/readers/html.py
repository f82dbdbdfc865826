"""HTML: block elements become blocks; page furniture (scripts, menus, footers) is left out.

The standard library's parser is lenient, but a few malformed declarations make it
raise (``<![0``); such markup is neutralised and the page read again, so that no
page, however broken, stops a command with an internal error.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hirecli.readers.model import Block, BlockKind, SourceDoc

_SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "noscript",
        "template",
        "svg",
        "button",
        "select",
        "iframe",
        "object",
        "canvas",
        "head",
        "form",
    }
)
_PAGE_PARTS = frozenset({"header", "footer"})
"""Left out when they frame the page; kept inside an article or main element."""
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "fieldset",
        "caption",
        "dl",
        "dt",
        "dd",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "hr",
        "center",
        "details",
        "summary",
        "legend",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
    }
)
_BOLD = frozenset({"b", "strong"})
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)
_SPACE = re.compile(r"\s+")
_BAD_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[|doctype)", re.IGNORECASE)


class _Collector(HTMLParser):
    """Turns the tag stream into blocks, keeping where each block's text starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.skip_at: int | None = None
        self.bold = 0
        self.pre = 0
        self.lists: list[tuple[int, bool]] = []
        self.list_count = 0
        self.parts: list[tuple[str, bool]] = []
        self.start = (0, 0)
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.title: list[str] | None = None
        self.title_text = ""
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None
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
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
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
            self.cells.append(" ".join(self.cell))
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
        if self.skip_at is not None:
            return
        if self.pre:
            for offset, piece in enumerate(data.split("\n")):
                if offset:
                    self._flush()
                self._add(piece)
            return
        self._add(_SPACE.sub(" ", data))

    def _add(self, text: str) -> None:
        if not text:
            return
        if text.strip() and not any(p.strip() for p, _ in self.parts):
            self.start = self.getpos()
        self.parts.append((text, self.bold > 0))

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(p for p, _ in self.parts)).strip()
        bold = bool(text) and all(b for p, b in self.parts if p.strip())
        lead = ""
        if not bold and self.parts:
            for piece, strong in self.parts:
                if not piece.strip():
                    continue
                lead = piece.strip() if strong else ""
                break
        self.parts = []
        if text:
            if self.cell is not None:
                self.cell.append(text)
            else:
                kind = self.kind
                line, column = self.start if self.start[0] else self.getpos()
                block = Block(kind, text, line, column + 1, level=self.level, bold=bold, label=lead)
                if kind == "bullet" and self.lists:
                    block.list, block.ordered = self.lists[-1]
                elif kind == "term":
                    self.term = text
                elif kind == "definition":
                    block.label = self.term
                self.blocks.append(block)
            self.kind, self.level = "paragraph", 0

    def _row(self, cells: list[str]) -> None:
        if not any(cells):
            return
        line, column = self.row_start
        text = " | ".join(c for c in cells if c)
        self.blocks.append(Block("row", text, line, column + 1, cells=tuple(cells), bold=self.header_row))

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self._flush()


def _collect(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector


def read_html(text: str, name: str = "<html>") -> SourceDoc:
    """The blocks of an HTML page or fragment; the page's <title> is a hint for the job title.

    Markup the standard parser cannot take (a broken ``<!`` declaration) is escaped
    and the page read again; what still fails is read with its tags stripped.
    """
    try:
        collector = _collect(text)
    except (AssertionError, ValueError, IndexError, TypeError, KeyError, RecursionError):
        try:
            collector = _collect(_BAD_DECLARATION.sub("&lt;!", text))
        except (AssertionError, ValueError, IndexError, TypeError, KeyError, RecursionError):
            return _stripped(text, name)
    return SourceDoc(name, "html", collector.blocks, title_hint=collector.title_text or None)


def _stripped(text: str, name: str) -> SourceDoc:
    """The last resort for markup nothing can parse: each line's text without tags."""
    import html as entities

    doc = SourceDoc(name, "html")
    for number, line in enumerate(text.splitlines(), 1):
        plain = _SPACE.sub(" ", entities.unescape(re.sub(r"<[^>]*>?", " ", line))).strip()
        if plain:
            doc.blocks.append(Block("paragraph", plain, number, 1))
    return doc
