"""HTML: block elements become lines; page furniture (scripts, menus, footers) is left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hirecli.importers.lines import Kind, RawLine, Read

_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "button", "select",
                   "iframe", "object", "canvas", "head"})
_PAGE_PARTS = frozenset({"header", "footer"})
"""Left out when they frame the page; kept inside an article or main element."""
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "aside", "blockquote", "pre",
                     "address", "figure", "figcaption", "form", "fieldset", "caption", "dl",
                     "dt", "dd", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr",
                     "td", "th", "hr", "center", "details", "summary", "legend",
                     "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer"})
_BOLD = frozenset({"b", "strong"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})
_SPACE = re.compile(r"\s+")


class _Collector(HTMLParser):
    """Turns the tag stream into raw lines, keeping each line's source line number."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[RawLine] = []
        self.stack: list[str] = []
        self.skip_at: int | None = None
        self.bold = 0
        self.pre = 0
        self.lists = 0
        self.parts: list[tuple[str, bool]] = []
        self.start = 0
        self.kind: Kind | None = None
        self.level = 0
        self.title: list[str] | None = None
        self.title_text = ""
        self.cells: list[list[str]] | None = None
        self.cell: list[str] | None = None

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
            self.lists += 1
        elif tag == "li":
            self.kind, self.level = "bullet", max(self.lists, 1)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.kind, self.level = "heading", int(tag[1])
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []

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
            self.lists = max(0, self.lists - 1)
        elif tag in ("td", "th") and self.cells is not None and self.cell is not None:
            self.cells.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self._row(self.cells)
            self.cells = None

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
        if not self.parts or not "".join(p for p, _ in self.parts).strip():
            self.start = self.getpos()[0]
        self.parts.append((text, self.bold > 0))

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(p for p, _ in self.parts)).strip()
        bold = bool(text) and all(b for p, b in self.parts if p.strip())
        self.parts = []
        if text:
            if self.cell is not None:
                self.cell.append(text)
            else:
                self.lines.append(RawLine(text, self.start or self.getpos()[0], self.kind,
                                          self.level, bold, joinable=False))
            self.kind, self.level = None, 0

    def _row(self, cells: list[list[str]]) -> None:
        line = self.getpos()[0]
        filled = [c for c in cells if c]
        if len(filled) == 2 and len(filled[0]) == 1:
            label = filled[0][0].rstrip(":")
            self.lines.append(RawLine(f"{label}: {' '.join(filled[1])}", line, joinable=False))
            return
        for cell in filled:
            self.lines.extend(RawLine(text, line, joinable=False) for text in cell)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self._flush()


def read_html(text: str) -> Read:
    """Raw lines of an HTML page or fragment; the page's <title> is a hint for the job title."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return Read(collector.lines, title_hint=collector.title_text or None)
