"""Plain text that reads well in an e-mail, plus the text helpers every writer shares.

No line is ever wrapped: a mail client or editor wraps for its own width, and a
hard-wrapped posting pasted into a form breaks mid-sentence. Table columns are
aligned by display width, so CJK text (two columns a character) lines up too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Heading,
    Inline,
    Inlines,
    KeyFacts,
    Link,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Table,
)
from hirecli.writers import WriteOptions

_SPACE_RUN = re.compile(r"\s+")
_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")


def _one_space(match: re.Match[str]) -> str:
    """A run of white space with a line break in it becomes one space (each run is read once,
    so a long run of spaces costs linear time)."""
    run = match.group()
    return " " if _BREAKS.search(run) else run


RULE_WIDTH = 60


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
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


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


# ---- the plain-text writer ------------------------------------------------------------


def _inline_text(content: Inlines) -> str:
    """Marks dropped; a link's address follows its text in angle brackets, as in e-mail."""
    from hirecli.writers.urls import safe_url

    out: list[str] = []
    for node in trim_inlines(content):
        out.append(node.text)
        address = safe_url(node.url).removeprefix("mailto:") if isinstance(node, Link) else ""
        if address and address != node.text.strip():
            out.append(f" <{address}>")
    return "".join(out)


def _underlined(text: str, mark: str) -> str:
    return f"{text}\n{mark * max(display_width(text), 3)}"


def _heading(block: Heading) -> str:
    text = one_line(block.text).strip()
    return _underlined(text, "=" if block.level <= 1 else "-") if text else ""


def _list(items: tuple[Inlines, ...], start: int | None) -> str:
    lines = []
    for index, item in enumerate(items):
        marker = "•" if start is None else f"{start + index}."
        lines.append(f"{marker} {_inline_text(item)}".rstrip())
    return "\n".join(lines)


def _key_facts(block: KeyFacts) -> str:
    lines = []
    for label, value in block.facts:
        name = one_line(label).strip().removesuffix(":")
        text = _inline_text(value)
        lines.append(f"{name}: {text}".rstrip() if name else text)
    return "\n".join(line for line in lines if line)


def _pad(cell: str, width: int) -> str:
    return cell + " " * (width - display_width(cell))


def _table(block: Table) -> str:
    header, rows = table_grid(block)
    shown = [tuple("[ ]" if c == CHECKBOX else c for c in row) for row in (header, *rows) if row]
    if not shown:
        return ""
    widths = [max(display_width(row[i]) for row in shown) for i in range(len(shown[0]))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip()

    lines = [one_line(block.caption).strip()] if block.caption and block.caption.strip() else []
    if header:
        lines += [line(shown[0]), "  ".join("-" * w for w in widths)]
        shown = shown[1:]
    lines += [line(row) for row in shown]
    return "\n".join(lines)


def _callout(block: Callout) -> str:
    title = one_line(block.title).strip()
    lines = [title] if title else []
    lines += [text for text in (_inline_text(p) for p in block.content) if text]
    return "\n".join(f"| {line}" for line in lines)


def _notes(block: NotesSpace) -> str:
    label = one_line(block.label).strip().removesuffix(":") or "Notes"
    return "\n".join([f"{label}:", *("_" * RULE_WIDTH for _ in range(max(block.lines, 1)))])


def _block(block: Block) -> str:
    match block:
        case Heading():
            return _heading(block)
        case Paragraph(content=content):
            return _inline_text(content)
        case BulletList(items=items):
            return _list(items, None)
        case NumberedList(items=items, start=start):
            return _list(items, start)
        case KeyFacts():
            return _key_facts(block)
        case Table():
            return _table(block)
        case Callout():
            return _callout(block)
        case NotesSpace():
            return _notes(block)
        case PageBreak():
            return "=" * RULE_WIDTH
    raise TypeError(f"not a document block: {block!r}")


class TextWriter:
    """Plain text for e-mail and plain-text form fields."""

    name = "text"
    extension = "txt"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        title = "\n".join(p for p in [*map(_heading, title_blocks(doc)), subtitle(doc)] if p)
        parts = [title, *map(_block, doc.blocks)]
        return "\n\n".join(p for p in parts if p) + "\n"


WRITER = TextWriter()
