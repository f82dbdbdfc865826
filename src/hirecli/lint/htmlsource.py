"""Reading postings written as HTML, keeping each word's line and column in the file.

Tags are dropped with the standard library's ``html.parser``; entity and character
references are decoded one by one (``convert_charrefs`` off) so that every piece of
text keeps its exact place in the source. Block tags start new segments: ``li`` is a
bullet, ``h1``-``h6`` a heading, and a paragraph that is all bold is a heading too.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hirecli.lint.layout import LayoutBuilder
from hirecli.lint.model import Anchor, Locator, Posting, SegmentKind

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "dt",
        "dd",
        "blockquote",
        "main",
        "aside",
        "table",
        "hr",
        "pre",
    }
)
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BOLD = frozenset({"strong", "b"})
_RUN = re.compile(r"\S+(?:[ \t]+\S+)*")


class _Reader(HTMLParser):
    def __init__(self, builder: LayoutBuilder) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.kind: SegmentKind = "paragraph"
        self.level: int | None = None
        self.parts: list[str] = []
        self.anchors: list[Anchor] = []
        self.length = 0
        self.bold_chars = 0
        self.bold_depth = 0
        self.skip_depth = 0
        self.new_list = False
        self.seen_title = False
        self.space = False

    def _append(self, text: str, line: int, column: int) -> None:
        if self.parts and self.space:
            self.parts.append(" ")
            self.length += 1
        self.space = False
        self.anchors.append(Anchor(self.length, line, column))
        self.parts.append(text)
        self.length += len(text)
        if self.bold_depth:
            self.bold_chars += len(text)

    def _flush(self) -> None:
        text = "".join(self.parts).strip()
        if text:
            kind = self.kind
            if kind == "paragraph" and self.bold_chars >= len(text.replace(" ", "")) > 0:
                kind = "heading"
            if kind == "heading" and self.level == 1 and not self.seen_title:
                kind = "title"
            self.builder.add(
                kind,
                text,
                Locator(tuple(self.anchors)),
                level=self.level,
                new_list=self.new_list and kind == "bullet",
            )
            self.new_list = False
            self.seen_title = True
        self.parts, self.anchors, self.length, self.bold_chars = [], [], 0, 0
        self.space = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BOLD:
            self.bold_depth += 1
        elif tag in _BLOCKS:
            self._flush()
            if tag in ("ul", "ol"):
                self.new_list = True
                self.builder.end_list()
            self.kind, self.level = self._kind_of(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(self.skip_depth - 1, 0)
        elif tag in _BOLD:
            self.bold_depth = max(self.bold_depth - 1, 0)
        elif tag in _BLOCKS:
            self._flush()
            if tag in ("ul", "ol"):
                self.builder.end_list()
            self.kind, self.level = "paragraph", None

    @staticmethod
    def _kind_of(tag: str) -> tuple[SegmentKind, int | None]:
        if tag == "li":
            return "bullet", None
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            return "heading", int(tag[1])
        return "paragraph", None

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        line, column = self.getpos()
        if data[0].isspace():
            self.space = True
        for offset, piece in enumerate(data.split("\n")):
            start_col = column if offset == 0 else 0
            for run in _RUN.finditer(piece):
                self._append(run.group(), line + offset, start_col + run.start() + 1)
                self.space = True
        self.space = data[-1].isspace()

    def _reference(self, raw: str) -> None:
        if self.skip_depth:
            return
        line, column = self.getpos()
        text = html.unescape(raw)
        if text.strip():
            self._append(text, line, column + 1)
        else:
            self.space = True

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def close(self) -> None:
        super().close()
        self._flush()


def read_html(text: str, file: str) -> Posting:
    """A posting from HTML; positions are lines and columns of the HTML file."""
    builder = LayoutBuilder(file)
    reader = _Reader(builder)
    reader.feed(text)
    reader.close()
    return Posting(file, builder.segments)
