"""Plain text that reads well in an e-mail.

No line is ever wrapped: a mail client or editor wraps for its own width, and a
hard-wrapped posting pasted into a form breaks mid-sentence. Table columns are
aligned by display width, so CJK text (two columns a character) lines up too.
"""

from __future__ import annotations

from hirecli.doctext import (
    display_width,
    one_line,
    shown_address,
    subtitle,
    table_grid,
    title_blocks,
    trim_inlines,
)
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Heading,
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

RULE_WIDTH = 60


def _inline_text(content: Inlines) -> str:
    """Marks dropped; a link's address follows its text in angle brackets, as in e-mail."""
    out: list[str] = []
    for node in trim_inlines(content):
        out.append(node.text)
        address = shown_address(node) if isinstance(node, Link) else ""
        if address:
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
