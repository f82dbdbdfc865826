"""A rich preview of a document for a terminal.

Every piece of role text goes into a rich ``Text`` object, never into markup, so
"[bold]" in a responsibility prints as those seven characters. ``render`` records
the same preview at a fixed width with fixed colours, so that it can be saved and
tested; ``print_document`` draws it on the user's console at its own width.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Emph,
    Heading,
    Inlines,
    KeyFacts,
    Link,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Strong,
    Table,
)
from hirecli.writers import WriteOptions
from hirecli.writers.html import CHECKBOX_MARK, safe_url
from hirecli.writers.text import cell_text, one_line, opens_with_title, table_grid, trim_inlines

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

MAX_WIDTH = 100
"""Wider lines are hard to read; a wide terminal gets a 100-column preview."""
RECORD_WIDTH = 100
RECORD_HEIGHT = 50
"""Given with the width so that no environment variable (``TERM=dumb``, ``COLUMNS``) changes it."""
ACCENT = "cyan"
CALLOUT_COLOURS = {"tip": "green", "warning": "yellow", "note": "blue"}


def _text(content: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(one_line(content).strip(), style=style)


def _inline(content: Inlines, *, hyperlinks: bool) -> Text:
    """Inline content as styled text; a link shows its address after its text."""
    from rich.style import Style
    from rich.text import Text

    out = Text()
    for node in trim_inlines(content):
        if isinstance(node, Strong):
            out.append(node.text, "bold")
        elif isinstance(node, Emph):
            out.append(node.text, "italic")
        elif isinstance(node, Link) and (url := safe_url(node.url)):
            out.append(node.text, Style(underline=True, link=url if hyperlinks else None))
            address = url.removeprefix("mailto:")
            if address != node.text.strip():
                out.append(f" <{address}>", "dim")
        else:
            out.append(node.text)
    return out


class _Preview:
    """Turns blocks into rich renderables."""

    def __init__(self, *, hyperlinks: bool) -> None:
        self.hyperlinks = hyperlinks

    def inline(self, content: Inlines) -> Text:
        return _inline(content, hyperlinks=self.hyperlinks)

    def header(self, doc: Document) -> RenderableType:
        from rich.console import Group
        from rich.panel import Panel

        first = doc.blocks[0] if opens_with_title(doc) else None
        title = first.text if isinstance(first, Heading) else doc.meta.title
        lines = [_text(title, "bold")]
        if doc.meta.subtitle and doc.meta.subtitle.strip():
            lines.append(_text(doc.meta.subtitle, "dim"))
        return Panel(Group(*lines), border_style=ACCENT, padding=(0, 1))

    def heading(self, block: Heading) -> RenderableType:
        from rich.rule import Rule

        if block.level <= 2:
            title = _text(block.text, "bold")
            return Rule(title, align="left", style=ACCENT) if title.plain else Rule(style=ACCENT)
        return _text(block.text, "bold" if block.level == 3 else "bold italic")

    def items(self, items: list[Text], start: int | None) -> RenderableType:
        """Markers in their own column, so that a wrapped item hangs under its text."""
        from rich.table import Table as RichTable

        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(justify="right", style=ACCENT, no_wrap=True)
        grid.add_column()
        for index, item in enumerate(items):
            grid.add_row("•" if start is None else f"{start + index}.", item)
        return grid

    def key_facts(self, block: KeyFacts) -> RenderableType:
        from rich.table import Table as RichTable

        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for label, value in block.facts:
            grid.add_row(_text(label.strip().removesuffix(":")), self.inline(value))
        return grid

    def table(self, block: Table) -> RenderableType:
        from rich import box
        from rich.table import Table as RichTable

        header, rows = table_grid(block)
        caption = _text(block.caption or "", "bold")
        table = RichTable(title=caption if caption.plain else None, title_justify="left",
                          box=box.ROUNDED if header else None, show_header=bool(header),
                          padding=(0, 1) if header else (0, 2, 0, 0), pad_edge=bool(header),
                          header_style="bold", border_style="dim", show_lines=block.kind == "rating")
        columns = len(header or rows[0]) if header or rows else 0
        for index in range(columns):
            ticks = bool(rows) and all(row[index] in (CHECKBOX, "", "✓") for row in rows)
            table.add_column(_text(header[index]) if header else "", justify="center" if ticks else "left",
                             style="bold" if index == 0 and block.kind != "grid" else "")
        for row in rows:
            table.add_row(*(_text(CHECKBOX_MARK) if c == CHECKBOX else _text(c) for c in row))
        return table

    def callout(self, block: Callout) -> RenderableType:
        from rich.console import Group
        from rich.panel import Panel

        title = _text(block.title, "bold")
        colour = CALLOUT_COLOURS.get(block.kind, ACCENT)
        paras = [self.inline(p) for p in block.content]
        return Panel(Group(*paras), title=title if title.plain else None, title_align="left",
                     border_style=colour, padding=(0, 1))

    def notes(self, block: NotesSpace) -> RenderableType:
        from rich.panel import Panel
        from rich.text import Text

        label = cell_text(block.label).removesuffix(":") or "Notes"
        return Panel(Text("\n" * (max(block.lines, 1) - 1)), title=_text(label, "italic"),
                     title_align="left", border_style="dim")

    def block(self, block: Block) -> RenderableType:
        from rich.rule import Rule

        match block:
            case Heading():
                return self.heading(block)
            case Paragraph(content=content):
                return self.inline(content)
            case BulletList(items=items):
                return self.items([self.inline(i) for i in items], None)
            case NumberedList(items=items, start=start):
                return self.items([self.inline(i) for i in items], start)
            case KeyFacts():
                return self.key_facts(block)
            case Table():
                return self.table(block)
            case Callout():
                return self.callout(block)
            case NotesSpace():
                return self.notes(block)
            case PageBreak():
                return Rule(characters="═", style="dim")
        raise TypeError(f"not a document block: {block!r}")

    def document(self, doc: Document) -> RenderableType:
        """The whole preview: a blank line after each block, none between a heading and its text."""
        from rich.console import Group
        from rich.constrain import Constrain
        from rich.padding import Padding

        parts: list[RenderableType] = [Padding(self.header(doc), (0, 0, 1, 0))]
        blocks = doc.blocks[1:] if opens_with_title(doc) else doc.blocks
        for block in blocks:
            below = 0 if isinstance(block, Heading) else 1
            parts.append(Padding(self.block(block), (0, 0, below, 0)))
        return Constrain(Group(*parts), width=MAX_WIDTH)


def print_document(doc: Document, console: Console) -> None:
    """Draw ``doc`` on ``console`` (links clickable where the terminal supports it)."""
    console.print(_Preview(hyperlinks=True).document(doc))


class TerminalWriter:
    """The rich preview, recorded with its colours at a fixed width of 100 columns."""

    name = "terminal"
    extension = "txt"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        from rich.console import Console

        console = Console(record=True, width=RECORD_WIDTH, height=RECORD_HEIGHT, force_terminal=True,
                          color_system="truecolor",
                          file=io.StringIO(), no_color=False, highlight=False, emoji=False,
                          legacy_windows=False)
        console.print(_Preview(hyperlinks=False).document(doc))
        return console.export_text(styles=True)


WRITER = TerminalWriter()
