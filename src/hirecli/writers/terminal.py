"""A rich preview of a document for a terminal.

Every piece of role text goes into a rich ``Text`` object, never into markup, so
"[bold]" in a responsibility prints as those seven characters. ``render`` records
the same preview at a fixed width with fixed colours, so that it can be saved and
tested; ``print_document`` draws it on the user's console at its own width, through a
pager when it is longer than the screen (as git does: ``PAGER``, else ``less`` with
``LESS=FRX``; ``hirecli --no-pager`` or an empty ``PAGER`` turns it off). Below
``NARROW`` columns a table becomes "label: value" lines, so no word is cut short.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

from hirecli.doctext import (
    CHECKBOX_MARK,
    cell_text,
    one_line,
    opens_with_title,
    safe_url,
    shown_address,
    table_grid,
    trim_inlines,
)
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
NARROW = 80
"""Below this many columns, tables are shown as stacked "label: value" lines."""
PAGING = True
"""Whether a long preview on a terminal goes through a pager (``hirecli --no-pager`` sets it off)."""


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
            if address := shown_address(node):
                out.append(f" <{address}>", "dim")
        else:
            out.append(node.text)
    return out


class _Preview:
    """Turns blocks into rich renderables."""

    def __init__(self, *, hyperlinks: bool, width: int = RECORD_WIDTH) -> None:
        self.hyperlinks = hyperlinks
        self.narrow = width < NARROW

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

    def stacked(self, block: Table) -> RenderableType:
        """A table for a narrow terminal: each row under its first cell in bold, short cells
        (tick boxes, numbers) side by side, long ones as "label: value" lines."""
        from rich.console import Group
        from rich.text import Text

        header, rows = table_grid(block)
        parts: list[RenderableType] = []
        if block.caption:
            parts.append(_text(block.caption, "bold"))
        for number, row in enumerate(rows):
            if number:
                parts.append(Text(""))
            shown = [CHECKBOX_MARK if cell == CHECKBOX else cell for cell in row]
            labels = [header[i] if header and i < len(header) else "" for i in range(len(row))]
            first = 1 if shown and shown[0] and shown[0] != CHECKBOX_MARK else 0
            if first:
                parts.append(Text(shown[0], "bold"))
            short = Text()
            for label, cell in zip(labels[first:], shown[first:], strict=True):
                if not cell and not label:
                    continue
                if len(cell) <= 12 and len(label) <= 12:
                    short.append(f"{label} " if label else "", "bold")
                    short.append(cell + "   ")
                    continue
                line = Text()
                if label:
                    line.append(f"{label}: ", "bold")
                line.append(cell)
                parts.append(line)
            if short.plain.strip():
                short.rstrip()
                parts.append(short)
        return Group(*parts)

    def table(self, block: Table) -> RenderableType:
        from rich import box
        from rich.table import Table as RichTable

        if self.narrow:
            return self.stacked(block)
        header, rows = table_grid(block)
        caption = _text(block.caption or "", "bold")
        table = RichTable(
            title=caption if caption.plain else None,
            title_justify="left",
            box=box.ROUNDED if header else None,
            show_header=bool(header),
            padding=(0, 1) if header else (0, 2, 0, 0),
            pad_edge=bool(header),
            header_style="bold",
            border_style="dim",
            show_lines=block.kind == "rating",
        )
        columns = len(header or rows[0]) if header or rows else 0
        for index in range(columns):
            ticks = bool(rows) and all(row[index] in (CHECKBOX, "", "✓") for row in rows)
            table.add_column(
                _text(header[index]) if header else "",
                justify="center" if ticks else "left",
                style="bold" if index == 0 and block.kind != "grid" else "",
            )
        for row in rows:
            table.add_row(*(_text(CHECKBOX_MARK) if c == CHECKBOX else _text(c) for c in row))
        return table

    def callout(self, block: Callout) -> RenderableType:
        from rich.console import Group
        from rich.panel import Panel

        title = _text(block.title, "bold")
        colour = CALLOUT_COLOURS.get(block.kind, ACCENT)
        paras = [self.inline(p) for p in block.content]
        return Panel(
            Group(*paras),
            title=title if title.plain else None,
            title_align="left",
            border_style=colour,
            padding=(0, 1),
        )

    def notes(self, block: NotesSpace) -> RenderableType:
        from rich.panel import Panel
        from rich.text import Text

        label = cell_text(block.label).removesuffix(":") or "Notes"
        space = Text("\n" * (max(block.lines, 1) - 1))
        if self.narrow and len(label) > 40:
            from rich.console import Group

            return Group(_text(label, "italic"), Panel(space, border_style="dim"))
        return Panel(space, title=_text(label, "italic"), title_align="left", border_style="dim")

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


def pager_command(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """The pager to use, as git chooses it: ``PAGER``, else ``less`` when installed; None
    when paging is off (``PAGER`` empty or ``cat``)."""
    environ = os.environ if environ is None else environ
    command = environ.get("PAGER")
    if command is None:
        return "less" if shutil.which("less") else None
    return None if command.strip() in ("", "cat") else command


def page(text: str, command: str) -> bool:
    """Show ``text`` through ``command``; False when the pager could not be started."""
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8", errors="replace"))
        process.stdin.close()
    except (BrokenPipeError, OSError):
        pass
    try:
        process.wait()
    except KeyboardInterrupt:
        process.wait()
    return True


def _real_terminal(console: Console) -> bool:
    """The console writes to a terminal a person reads and types at (not a recording, a pipe,
    a script with its input redirected, or a test): only then can a pager be answered."""
    import sys

    isatty = getattr(console.file, "isatty", None)
    try:
        return bool(
            console.is_terminal
            and not console.record
            and isatty is not None
            and isatty()
            and sys.stdin is not None
            and sys.stdin.isatty()
        )
    except (OSError, ValueError, AttributeError):
        return False


def print_document(doc: Document, console: Console) -> None:
    """Draw ``doc`` on ``console`` (links clickable where the terminal supports it); a
    preview longer than the terminal goes through the pager when there is one."""
    preview = _Preview(hyperlinks=True, width=console.width).document(doc)
    command = pager_command() if PAGING and _real_terminal(console) else None
    if command is None:
        console.print(preview)
        return
    with console.capture() as captured:
        console.print(preview)
    text = captured.get()
    if text.count("\n") <= console.height or not page(text, command):
        console.file.write(text)
        console.file.flush()


class TerminalWriter:
    """The rich preview, recorded with its colours at a fixed width of 100 columns."""

    name = "terminal"
    extension = "txt"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        from rich.console import Console

        console = Console(
            record=True,
            width=RECORD_WIDTH,
            height=RECORD_HEIGHT,
            force_terminal=True,
            color_system="truecolor",
            file=io.StringIO(),
            no_color=False,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )
        console.print(_Preview(hyperlinks=False).document(doc))
        return console.export_text(styles=True)


WRITER = TerminalWriter()
