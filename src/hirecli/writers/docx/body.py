"""The body of a document as it is written: paragraphs and tables appended in order.

A paragraph takes a page break asked for before it and the gap that follows a table or a
box; a table gets room above it (two tables in a row would merge into one) and rows
that never split across pages.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from lxml import etree

from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.template import W_NS
from hirecli.writers.docx.xml import (
    VAL,
    Element,
    Para,
    W,
    cell,
    page_break,
    paragraph,
    place,
    starts_rtl,
    sub,
)

GAP = 200
"""Space (twentieths of a point) above a paragraph that follows a table or a box."""


class Body:
    """Appends to a ``w:body``; the writer sets ``break_next``, ``gap_next`` and ``keeping``."""

    def __init__(self, element: Element, *, rtl: bool, lead_ins: Collection[str | None]) -> None:
        self.element = element
        self.rtl = rtl
        self.lead_ins = lead_ins
        """Styles of paragraphs that lead into a table (titles, captions): no room needed between."""
        self.break_next = False
        self.gap_next = False
        self.keeping = False
        """Inside a block that stays on one page: every paragraph keeps with the next."""

    def last(self) -> Element | None:
        """The body's last element (lxml counts children one by one for ``len``)."""
        return next(reversed(self.element), None)

    def para(
        self,
        style: str | None,
        direction_text: str = "",
        *,
        num: tuple[int, int] | None = None,
        keep_next: bool = False,
        gap_ok: bool = True,
    ) -> Element:
        """A body paragraph; it takes a pending page break and the gap after a table."""
        gap = GAP if (self.gap_next and gap_ok) else None
        bidi = self.rtl or starts_rtl(direction_text)
        props = Para(style, keep_next or self.keeping, self.break_next, num, bidi, gap)
        self.break_next = self.gap_next = False
        return paragraph(self.element, props)

    def spacer(self, size: int = 12, after: int = 120) -> None:
        """A small empty paragraph that keeps with the table after it."""
        place(self.element, _spacer_prototype(size, after))

    def _before_table(self) -> None:
        """Room above a table that follows text; two tables in a row would merge into one."""
        last = self.last()
        if last is None:
            return
        if last.tag == W + "tbl":
            self.spacer()
            return
        style = last.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(VAL) not in self.lead_ins:
            self.spacer(8, 0)

    def table(self, style: str | None, widths: Sequence[int], *, header_row: bool) -> Element:
        """A new table with fixed column ``widths``, its rows to be added."""
        if self.break_next:
            page_break(self.element)
            self.break_next = False
        else:
            self._before_table()
        self.gap_next = False
        tbl = place(self.element, _table_prototype(style, self.rtl, tuple(widths), header_row))
        self.gap_next = True
        return tbl

    @staticmethod
    def row(tbl: Element, *, header: bool = False, blank: bool = False) -> Element:
        """A row that stays on one page; an empty row is a line to fill in by hand."""
        tr = place(tbl, _row_prototype(header, blank))
        return tr

    def cell(
        self,
        tr: Element,
        width: int,
        style: str | None,
        text: str = "",
        *,
        center: bool = False,
        middle: bool = False,
        keep_off: bool = False,
    ) -> Element:
        """A cell. Its paragraph never keeps with the next: LibreOffice then splits the
        table from what precedes it; rows that cannot split and the page layout keep a
        block together instead."""
        props = Para(
            style=style,
            align="center" if center else None,
            bidi=self.rtl or starts_rtl(text),
            keep_off=keep_off,
        )
        return cell(tr, width, props, middle=middle)


@lru_cache(maxsize=16)
def _spacer_prototype(size: int, after: int) -> Element:
    p = etree.Element(W + "p", nsmap={"w": W_NS})
    ppr = sub(p, "pPr")
    sub(ppr, "keepNext")
    sub(ppr, "spacing", before="0", after=str(after), line="240", lineRule="auto")
    sub(sub(ppr, "rPr"), "sz", str(size))
    return p


@lru_cache(maxsize=256)
def _table_prototype(style: str | None, rtl: bool, widths: tuple[int, ...], header_row: bool) -> Element:
    tbl = etree.Element(W + "tbl", nsmap={"w": W_NS})
    pr = sub(tbl, "tblPr")
    if style:
        sub(pr, "tblStyle", style)
    if rtl:
        sub(pr, "bidiVisual")
    sub(pr, "tblW", w=str(sum(widths)), type="dxa")
    sub(pr, "tblLayout", type="fixed")
    sub(
        pr,
        "tblLook",
        val="04A0",
        firstRow="1" if header_row else "0",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    return tbl


@lru_cache(maxsize=4)
def _row_prototype(header: bool, blank: bool) -> Element:
    tr = etree.Element(W + "tr", nsmap={"w": W_NS})
    tr_pr = sub(tr, "trPr")
    sub(tr_pr, "cantSplit")
    if blank:
        sub(tr_pr, "trHeight", val=str(tpl.NOTES_ROW), hRule="atLeast")
    if header:
        sub(tr_pr, "tblHeader")
    return tr
