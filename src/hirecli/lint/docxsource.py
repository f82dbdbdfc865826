"""Reading postings saved as Word documents (python-docx, imported only when needed).

A Word file has no lines, so positions are paragraph numbers (counted from 1 over
the body's paragraphs) and the column inside the paragraph.
"""

from __future__ import annotations

from hirecli.lint.layout import LayoutBuilder
from hirecli.lint.model import Locator, Posting


def read_docx(data: bytes, file: str) -> Posting:
    """A posting from the paragraphs of a .docx file, with Word's heading and list styles."""
    from hirecli.ziplimits import open_docx

    document = open_docx(data, file)  # zip and XML limits first; any failure is an input error
    builder = LayoutBuilder(file)
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text
        if not text.strip():
            continue
        column = len(text) - len(text.lstrip()) + 1
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
        where = Locator.at(number, column)
        if style == "Title":
            builder.add("title", text.strip(), where, level=1)
        elif style.startswith("Heading"):
            level = style.removeprefix("Heading").strip()
            builder.add("heading", text.strip(), where, level=int(level) if level.isdigit() else None)
        elif style.startswith("List") or numbered:
            builder.add("bullet", text.strip(), where)
        else:
            builder.add("paragraph", text.strip(), where)
    return Posting(file, builder.segments)
