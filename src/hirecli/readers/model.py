"""What every reader produces: one source model, whatever the format.

A :class:`SourceDoc` is the document as a list of :class:`Block` in reading order.
Each block has a kind, its text (inline markup removed), a level, the list it
belongs to and where it starts in the source (line and column, 1-based; for Word
files the line is the paragraph number). Readers say only what the format says:
a Markdown ``##`` is a heading, an HTML ``<li>`` a bullet, a Word "List Bullet"
paragraph a bullet. Plain text says little, so its lines are ``line`` blocks (and
``bullet`` when a marker leads them) and the consumer decides the rest.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "bullet", "line", "row", "term", "definition", "code", "rule"]
"""heading, paragraph and bullet as the markup says; ``line``: a line of plain text whose
role the format does not say; ``row``: a table row (``cells`` holds its cells);
``term``/``definition``: an HTML definition list; ``code``: preformatted text;
``rule``: a thematic break or an empty table row (it only separates)."""

Unit = Literal["line", "paragraph"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a block's text and where it starts: ``text[offset:]`` begins at line:column."""

    offset: int
    line: int
    column: int
    bold: bool = False
    """All of this line's text is bold."""


@dataclass(slots=True)
class Block:
    """One block of a document, located in its source."""

    kind: BlockKind
    text: str
    line: int
    column: int = 1
    level: int = 0
    """A heading's level (1-6); a bullet's nesting depth (1 = top level); 0 otherwise."""
    list: int | None = None
    """Bullets of one list share this number (counted from 1 in reading order)."""
    ordered: bool = False
    """A bullet of a numbered list."""
    bold: bool = False
    """All the block's text is bold (a heading in disguise, or a label)."""
    marker: str = ""
    """A bullet's marker as written ("-", "•", "1."), when the source writes one."""
    indent: int = 0
    """Columns of indentation before the block in a text source."""
    cells: tuple[str, ...] = ()
    """A table row's cells, in order (empty cells kept as "")."""
    pieces: tuple[Piece, ...] = ()
    """Where each source line of a block that spans several lines starts in its text."""
    source: str = ""
    """The source line as written, for line-based formats (text and Markdown)."""
    anchors: tuple[Piece, ...] = ()
    """Where runs of the text stand in the source, finer than ``pieces``: ``text[offset:]``
    starts at line:column up to the next anchor. Readers that strip markup (HTML, Markdown)
    or cut a Word paragraph fill it, so that a word's place is exact; empty when the text
    runs unbroken from ``line``:``column``."""
    label: str = ""
    """For a ``definition``: the term it defines; for a bold-led line, its bold lead-in."""

    @property
    def position(self) -> str:
        return f"{self.line}:{self.column}"

    def places(self) -> tuple[Piece, ...]:
        """The finest map this block has from offsets in its text to places in its source."""
        return self.anchors or self.pieces or (Piece(0, self.line, self.column),)

    def lines(self) -> builtins.list[tuple[str, int, int]]:
        """The block's text cut at its source lines: (text, line, column) each."""
        if len(self.pieces) < 2:
            return [(self.text, self.line, self.column)]
        out = []
        for index, piece in enumerate(self.pieces):
            end = self.pieces[index + 1].offset if index + 1 < len(self.pieces) else len(self.text)
            out.append((self.text[piece.offset : end].strip(), piece.line, piece.column))
        return out


@dataclass(slots=True)
class SourceDoc:
    """A document read from one file: its blocks, and what its metadata said."""

    name: str
    fmt: str
    blocks: list[Block] = field(default_factory=list)
    unit: Unit = "line"
    """What ``Block.line`` counts: lines of the file, or paragraphs of a Word document."""
    title_hint: str | None = None
    """The title the file's metadata gives (an HTML ``<title>``, a Word document's title)."""
