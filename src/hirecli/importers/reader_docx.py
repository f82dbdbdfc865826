"""Word documents: paragraph styles and list numbering say what each paragraph is."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from hirecli.importers.lines import Kind, RawLine, Read

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


def _numbering_level(paragraph: Paragraph) -> int | None:
    """The list level (1-based) when the paragraph carries Word's numbering properties."""
    ppr = paragraph._p.pPr
    numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if numpr is None:
        return None
    ilvl = numpr.find(f"{_W}ilvl")
    value = ilvl.get(f"{_W}val") if ilvl is not None else None
    return int(value) + 1 if value is not None and value.isdigit() else 1


def _outline_level(paragraph: Paragraph) -> int | None:
    ppr = paragraph._p.pPr
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    value = outline.get(f"{_W}val") if outline is not None else None
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _is_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = False
    try:
        style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    except (KeyError, ValueError, AttributeError):
        style_bold = False
    return all(run.bold is True or (run.bold is None and style_bold) for run in runs)


def _kind(paragraph: Paragraph) -> tuple[Kind | None, int]:
    style = _style_name(paragraph)
    lowered = style.lower()
    if lowered == "title":
        return "heading", 1
    heading = _HEADING_STYLE.match(lowered)
    if heading:
        return "heading", int(heading.group(1))
    outline = _outline_level(paragraph)
    if outline is not None:
        return "heading", outline
    level = _numbering_level(paragraph)
    if lowered.startswith("list") or level is not None:
        depth = level or 1
        match = re.search(r"(\d)$", lowered)
        if level is None and match:
            depth = int(match.group(1))
        return "bullet", depth
    return None, 0


class _Reader:
    def __init__(self) -> None:
        self.lines: list[RawLine] = []
        self.count = 0

    def paragraph(self, paragraph: Paragraph) -> list[RawLine]:
        self.count += 1
        text = paragraph.text.replace("\t", " ")
        kind, level = _kind(paragraph)
        bold = _is_bold(paragraph)
        out = []
        for offset, piece in enumerate(text.split("\n")):
            if not piece.strip():
                continue
            out.append(RawLine(piece.rstrip(), self.count, kind if offset == 0 else None,
                               level if offset == 0 else 0, bold, joinable=False))
        if not out:
            out.append(RawLine("", self.count, joinable=False))
        return out

    def table(self, table: Table) -> None:
        for row in table.rows:
            seen: list[Any] = []
            cells: list[list[RawLine]] = []
            for cell in row.cells:
                if any(cell._tc is other for other in seen):
                    continue
                seen.append(cell._tc)
                lines = [line for p in cell.paragraphs for line in self.paragraph(p) if line.text]
                if lines:
                    cells.append(lines)
            if len(cells) == 2 and len(cells[0]) == 1:
                label = cells[0][0].text.strip().rstrip(":")
                value = " ".join(line.text.strip() for line in cells[1])
                self.lines.append(RawLine(f"{label}: {value}", cells[0][0].pos, joinable=False))
            else:
                for lines in cells:
                    self.lines.extend(lines)
            self.lines.append(RawLine("", self.count, joinable=False))


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, including those inside content controls."""
    for element in parent.iterchildren():
        if element.tag in (f"{_W}p", f"{_W}tbl"):
            yield element
        elif element.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _blocks(element)


def read_docx(data: bytes) -> Read:
    """Raw lines of a .docx body in document order, tables included; numbers are paragraphs."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    reader = _Reader()
    for element in _blocks(document.element.body):
        if element.tag == f"{_W}p":
            reader.lines.extend(reader.paragraph(Paragraph(element, document)))
        else:
            reader.table(Table(element, document))
    title = (document.core_properties.title or "").strip() or None
    return Read(reader.lines, unit="paragraph", title_hint=title)
