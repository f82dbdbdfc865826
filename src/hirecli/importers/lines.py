"""What every reader produces: lines with the hints their format gave, and blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from hirecli.readers.model import Block as Block_
    from hirecli.readers.model import SourceDoc

Kind = Literal["heading", "bullet", "paragraph", "noise"]


@dataclass(slots=True)
class RawLine:
    """One line of source text, with what its markup said about it (if anything).

    ``kind`` is set when the format said so (an ``<h2>``, a ``List Bullet`` style);
    otherwise the classifier decides from the text. ``joinable`` lines may continue
    the line before them (hard-wrapped text); lines of HTML and DOCX never do.
    """

    text: str
    pos: int
    kind: Kind | None = None
    level: int = 0
    bold: bool = False
    joinable: bool = True


@dataclass(slots=True)
class Block:
    """A heading, bullet or paragraph after classification, with where it came from."""

    kind: Kind
    text: str
    pos: int
    end: int = 0
    level: int = 0
    cue: str = ""
    """Why a heading is one: markup, bold, caps, colon, emoji, known, lead, label."""
    inline: bool = False
    """A "Label: value" heading; its value is the next block, on the same line."""

    def __post_init__(self) -> None:
        self.end = self.end or self.pos


@dataclass(slots=True)
class Read:
    """A reader's result: the lines, a title hint from metadata, the unit of ``pos``."""

    lines: list[RawLine]
    unit: str = "line"
    title_hint: str | None = None


def from_doc(doc: SourceDoc) -> Read:
    """The importer's raw lines from a reader's blocks.

    Text keeps its lines as written (the classifier reads their markers and indents);
    a paragraph of Markdown is cut back into its source lines, which may be separate
    facts; a definition list or a two-cell table row becomes a "Label: value" line.
    """
    lines: list[RawLine] = []
    last = 0
    line_based = doc.unit == "line"
    term: Block_ | None = None
    for block in doc.blocks:
        if line_based and last and block.line > last + 1:
            lines.append(RawLine("", last + 1))
        if not line_based and block.kind == "rule":
            lines.append(RawLine("", block.line, joinable=False))
        last = max(last, block.line + (len(block.pieces) - 1 if block.pieces else 0))
        if term is not None and block.kind != "definition":
            lines.append(RawLine(term.text, term.line, joinable=False))
            term = None
        kind = block.kind
        if doc.fmt == "text":
            lines.append(RawLine(block.source or block.text, block.line))
        elif kind == "heading":
            lines.append(
                RawLine(
                    block.text, block.line, "heading" if block.text else None, block.level, joinable=False
                )
            )
        elif kind == "bullet":
            lines.append(
                RawLine(block.text, block.line, "bullet", block.level or 1, block.bold, joinable=False)
            )
        elif kind == "term":
            term = block
        elif kind == "definition":
            label = (term.text if term is not None else block.label).strip().rstrip(":")
            text = f"{label}: {block.text}" if label else block.text
            lines.append(RawLine(text, block.line, joinable=False))
            term = None
        elif kind == "row":
            lines.append(RawLine(_row_text(block), block.line, joinable=False))
        elif kind == "code":
            lines.append(RawLine(block.text, block.line, "paragraph", joinable=False))
        elif kind == "rule":
            continue
        elif doc.fmt == "markdown":
            lines.extend(_bold_lines(block))
        else:
            for text, number, _ in block.lines():
                lines.append(RawLine(text, number, bold=block.bold, joinable=False))
    if term is not None:
        lines.append(RawLine(term.text, term.line, joinable=False))
    return Read(lines, doc.unit, doc.title_hint)


def _row_text(block: Block_) -> str:
    filled = [cell for cell in block.cells if cell.strip()]
    if len(filled) == 2 and len(filled[0]) <= 40:
        return f"{filled[0].strip().rstrip(':')}: {filled[1].strip()}"
    return " | ".join(filled)


def _bold_lines(block: Block_) -> list[RawLine]:
    """A Markdown paragraph's lines; a line that is all bold is marked so."""
    if not block.pieces:
        return [RawLine(block.text, block.line, bold=block.bold)]
    return [
        RawLine(text, number, bold=piece.bold)
        for (text, number, _), piece in zip(block.lines(), block.pieces, strict=True)
    ]
