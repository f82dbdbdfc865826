"""Reading postings written as plain text or Markdown, line by line.

Bullets are lines that start with a marker ("-", "*", "•", "1."); a marker glued to
a letter ("-aintain") is a bullet damaged in copying and kept as one, so that the
damaged-bullet check can point at it. Headings are Markdown headings, lines in bold,
or short lines without a full stop that stand alone or introduce a list.
"""

from __future__ import annotations

import re

from hirecli.lint.layout import LayoutBuilder
from hirecli.lint.model import Anchor, Locator, Posting, SegmentKind

_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦‣●·○■□➢➤►✓✔]|\d{1,3}[.)])\s+(?=\S)")
_GLUED = re.compile(r"^(\s*)(?=[-–—•][^\W\d_])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)\1:?\s*$")
_MAX_HEADING_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?,;]\s*$")
_MONEY = re.compile(r"[$€£¥]|\d{3}")
_FACT = re.compile(r"^\s*(?:\*\*|__)?[A-Z][\w ]{1,24}:(?:\*\*|__)?\s+\S")
"""A "Label: value" line (Location, Pay, Schedule): a fact of its own, never joined to the next."""


def _plain_heading(line: str, before: str, after: str) -> bool:
    text = line.strip()
    if not text or _SENTENCE_END.search(text) or _MONEY.search(text):
        return False
    if len(text.split()) > _MAX_HEADING_WORDS or text[0].islower():
        return False
    if text.endswith(":"):
        return True
    return not before.strip() and (not after.strip() or bool(_BULLET.match(after)))


def read_text(text: str, file: str) -> Posting:
    """A posting from plain text or Markdown; positions are the file's lines and columns."""
    builder = LayoutBuilder(file)
    lines = text.splitlines()
    paragraph: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not paragraph:
            return
        anchors, parts, offset = [], [], 0
        for number, column, piece in paragraph:
            anchors.append(Anchor(offset, number, column))
            parts.append(piece)
            offset += len(piece) + 1
        builder.add("paragraph", " ".join(parts), Locator(tuple(anchors)))
        paragraph.clear()

    seen_title = False
    for index, line in enumerate(lines):
        number = index + 1
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = _MD_HEADING.match(line)
        bold = _BOLD_LINE.match(line)
        bullet = _BULLET.match(line)
        glued = None if bullet else _GLUED.match(line)
        column = len(line) - len(line.lstrip()) + 1
        before = lines[index - 1] if index else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if heading:
            flush()
            level = len(heading.group(1))
            kind: SegmentKind = "title" if level == 1 and not seen_title else "heading"
            builder.add(kind, heading.group(2), Locator.at(number, heading.start(2) + 1), level=level)
            seen_title = True
        elif bullet or glued:
            flush()
            start = bullet.end() if bullet else len(glued.group(1))  # type: ignore[union-attr]
            builder.add("bullet", line[start:].rstrip(), Locator.at(number, start + 1))
        elif bold:
            flush()
            builder.add("heading", bold.group("text"), Locator.at(number, bold.start("text") + 1))
        elif not paragraph and _plain_heading(line, before, after):
            kind = "heading" if seen_title else "title"
            builder.add(kind, stripped, Locator.at(number, column))
            seen_title = True
        elif _FACT.match(line):
            flush()
            builder.add("paragraph", stripped, Locator.at(number, column))
            seen_title = True
        else:
            paragraph.append((number, column, stripped))
            seen_title = True
    flush()
    return Posting(file, builder.segments)
