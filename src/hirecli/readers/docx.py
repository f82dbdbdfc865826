"""Word documents: paragraph styles and list numbering say what each paragraph is.

Positions are paragraph numbers (counted over the body's paragraphs, table cells
included) and the column is the character's place in its paragraph, from 1: a Word
file has no lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from hirecli.readers.model import Block, BlockKind, Piece, SourceDoc

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        return ""
    return str(getattr(style, "name", "") or "")


def _numbering(paragraph: Paragraph) -> tuple[int, str] | None:
    """(level, list id) when the paragraph carries Word's numbering properties."""
    ppr = paragraph._p.pPr
    numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if numpr is None:
        return None
    ilvl = numpr.find(f"{_W}ilvl")
    value = ilvl.get(f"{_W}val") if ilvl is not None else None
    num = numpr.find(f"{_W}numId")
    list_id = str(num.get(f"{_W}val") if num is not None else "")
    return (int(value) + 1 if value is not None and value.isdigit() else 1), list_id


def _outline_level(paragraph: Paragraph) -> int | None:
    ppr = paragraph._p.pPr
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    value = outline.get(f"{_W}val") if outline is not None else None
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _is_bold(paragraph: Paragraph) -> tuple[bool, str]:
    """Whether all the paragraph's text is bold, and its bold lead-in when only that is."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False, ""
    try:
        style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    except (KeyError, ValueError, AttributeError):
        style_bold = False
    bold = [run.bold is True or (run.bold is None and style_bold) for run in runs]
    if all(bold):
        return True, ""
    lead = ""
    for run, strong in zip(runs, bold, strict=True):
        if not strong:
            break
        lead += run.text
    return False, lead.strip()


def _kind(paragraph: Paragraph) -> tuple[BlockKind, int, str]:
    style = _style_name(paragraph)
    lowered = style.lower()
    if lowered == "title":
        return "heading", 1, ""
    heading = _HEADING_STYLE.match(lowered)
    if heading:
        return "heading", int(heading.group(1)), ""
    outline = _outline_level(paragraph)
    if outline is not None:
        return "heading", outline, ""
    numbered = _numbering(paragraph)
    if lowered.startswith("list") or numbered is not None:
        depth = numbered[0] if numbered else 1
        match = re.search(r"(\d)$", lowered)
        if numbered is None and match:
            depth = int(match.group(1))
        return "bullet", depth, (numbered[1] if numbered else lowered)
    return "paragraph", 0, ""


class _Reader:
    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.count = 0
        self.lists = 0
        self.previous_list: str | None = None

    def paragraph(self, paragraph: Paragraph, *, in_table: bool = False) -> Block | None:
        self.count += 1
        text = paragraph.text.replace("\t", " ")
        kind, level, list_key = _kind(paragraph)
        bold, lead = _is_bold(paragraph)
        lines: list[str] = []
        anchors: list[Piece] = []
        pieces: list[Piece] = []
        offset = start = 0
        for piece in text.split("\n"):
            stripped = piece.strip()
            if stripped:
                column = start + len(piece) - len(piece.lstrip()) + 1
                pieces.append(Piece(offset, self.count, 1))
                anchors.append(Piece(offset, self.count, column))
                lines.append(stripped)
                offset += len(stripped) + 1
            start += len(piece) + 1
        if not lines:
            self.previous_list = None
            return None
        block = Block(
            kind,
            " ".join(lines),
            self.count,
            anchors[0].column,
            level=level,
            bold=bold,
            label=lead,
            pieces=tuple(pieces) if len(pieces) > 1 else (),
            anchors=tuple(anchors) if len(anchors) > 1 else (),
        )
        if len(lines) > 1:
            block.source = "\n".join(lines)
        if kind == "bullet":
            if list_key != self.previous_list:
                self.lists += 1
            block.list = self.lists
            block.ordered = "number" in _style_name(paragraph).lower()
        self.previous_list = list_key if kind == "bullet" else None
        if not in_table:
            self.doc.blocks.append(block)
        return block

    def table(self, table: Table) -> None:
        for row in table.rows:
            seen: set[int] = set()
            cells: list[str] = []
            first: int | None = None
            text = ""
            anchors: list[Piece] = []
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                texts: list[str] = []
                for paragraph in cell.paragraphs:
                    block = self.paragraph(paragraph, in_table=True)
                    if block is not None:
                        first = first or block.line
                        text += " | " if text and not texts else " " if texts else ""
                        anchors += [Piece(len(text) + a.offset, a.line, a.column) for a in block.places()]
                        text += block.text
                        texts.append(block.text)
                cells.append(" ".join(texts))
            if any(cells):
                self.doc.blocks.append(
                    Block("row", text, first or self.count, 1, cells=tuple(cells), anchors=tuple(anchors))
                )
        self.doc.blocks.append(Block("rule", "", self.count))


def _elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, including those inside content controls."""
    for element in parent.iterchildren():
        if element.tag in (f"{_W}p", f"{_W}tbl"):
            yield element
        elif element.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _elements(element)


def read_docx(data: bytes, name: str = "<docx>") -> SourceDoc:
    """The blocks of a .docx body in document order, tables included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from hirecli.docxtables import fast_table
    from hirecli.ziplimits import open_docx

    document = open_docx(data, name)  # zip and XML limits before any part is read
    doc = SourceDoc(name, "docx", unit="paragraph")
    reader = _Reader(doc)
    for element in _elements(document.element.body):
        if element.tag == f"{_W}p":
            reader.paragraph(Paragraph(element, document))
        else:
            reader.table(fast_table(Table(element, document)))  # linear time on merged cells
    title = (document.core_properties.title or "").strip() or None
    doc.title_hint = title
    return doc
