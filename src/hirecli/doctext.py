"""How a document's text goes into any output: one line per block, trimmed inline runs,
tables padded to one width, and links that may be clicked only when their address is safe.

Every writer shows text through these, and so does the posting builder when it measures
a channel's description, so a posting is trimmed by the very text that goes out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from hirecli.document import Document, Heading, Inline, Inlines, Link, Table

CHECKBOX_MARK = "☐"
"""A tick box where a format has no tick boxes of its own."""
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB = re.compile(r"https?://[^/]", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")
_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
"""Exactly Unicode's control characters (category Cc), in one pass instead of one call a character."""


def safe_url(url: str) -> str:
    """``url`` when it is an absolute http, https or mailto address; otherwise "".

    Anything else (``javascript:``, ``data:``, relative or protocol-relative
    addresses, addresses with spaces or control characters) is shown as text only.
    """
    url = url.strip()
    if not url or any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        return ""
    match = _SCHEME.match(url)
    if match is None or match.group(1).lower() not in SAFE_SCHEMES:
        return ""
    if match.group(1).lower() != "mailto" and not _WEB.match(url):
        return ""
    return url


def shown_address(link: Link) -> str:
    """The address to print after a link's text where it cannot be clicked: "" when the
    address is unsafe or the text already says it."""
    address = safe_url(link.url).removeprefix("mailto:")
    return address if address != link.text.strip() else ""


def _one_space(match: re.Match[str]) -> str:
    """A run of white space with a line break in it becomes one space (each run is read once,
    so a long run of spaces costs linear time)."""
    run = match.group()
    return " " if _BREAKS.search(run) else run


def one_line(text: str) -> str:
    """``text`` on one line: line breaks become a space, tabs a space, control characters go.

    Every writer puts a block on one line, so a stray newline in a role file can
    neither start a new Markdown block nor split a table row.
    """
    text = (
        _SPACE_RUN.sub(_one_space, text).replace("\t", " ")
        if _BREAKS.search(text)
        else text.replace("\t", " ")
    )
    return _CONTROL.sub("", text)


def trim_inlines(content: Inlines) -> Inlines:
    """Inline content cleaned for output: one line, no outer whitespace, no empty parts.

    A link without text shows its address.
    """
    cleaned: list[Inline] = []
    for node in content:
        text = one_line(node.text)
        if isinstance(node, Link) and not text.strip():
            text = one_line(node.url)
        if text:
            cleaned.append(replace(node, text=text))
    while cleaned and not cleaned[0].text.strip():
        cleaned.pop(0)
    while cleaned and not cleaned[-1].text.strip():
        cleaned.pop()
    if cleaned:
        cleaned[0] = replace(cleaned[0], text=cleaned[0].text.lstrip())
        cleaned[-1] = replace(cleaned[-1], text=cleaned[-1].text.rstrip())
    return tuple(cleaned)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: wide East Asian characters take two."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def opens_with_title(doc: Document) -> bool:
    """Whether the builder put the title in as a level-1 heading (so writers don't repeat it)."""
    return bool(doc.blocks) and isinstance(doc.blocks[0], Heading) and doc.blocks[0].level == 1


def title_blocks(doc: Document) -> tuple[Heading, ...]:
    """The document's title as a heading, unless its first block already is one."""
    title = one_line(doc.meta.title).strip()
    if opens_with_title(doc) or not title:
        return ()
    return (Heading(1, title),)


def subtitle(doc: Document) -> str:
    """The subtitle shown under a title that writers print from the metadata."""
    if opens_with_title(doc) or not doc.meta.subtitle:
        return ""
    return one_line(doc.meta.subtitle).strip()


def cell_text(cell: str) -> str:
    return one_line(cell).strip()


def table_grid(table: Table) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Header and rows padded to one column count, each cell on one line."""
    columns = max([len(table.header), *(len(row) for row in table.rows)])

    def pad(row: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(cell_text(c) for c in row) + ("",) * (columns - len(row))

    header = pad(table.header) if any(cell_text(c) for c in table.header) else ()
    return header, tuple(pad(row) for row in table.rows)
