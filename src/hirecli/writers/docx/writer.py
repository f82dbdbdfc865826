"""The DOCX writer: a document a hiring manager can open, print and edit in Word.

Every block becomes real Word structure: built-in styles for titles, headings and
lists (so the navigation pane, pandoc and screen readers see them), table styles
for key facts and scorecards, clickable hyperlinks, page-number fields and
properties. Style ids are resolved once per base document; the body is written as
XML directly, which keeps a batch of hundreds of documents quick.
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
    Meta,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    plain,
)
from hirecli.writers import WriteOptions
from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.bands import PARTED, Bands, Sections
from hirecli.writers.docx.keep import keep_units, unit_spans
from hirecli.writers.docx.layout import SAFETY, Layout, Styles
from hirecli.writers.docx.package import package_bytes
from hirecli.writers.docx.reference import Base, load_base
from hirecli.writers.docx.xml import (
    RTL_LANGUAGES,
    VAL,
    Element,
    Para,
    Script,
    W,
    break_before,
    cell,
    checkbox,
    east_asian_font,
    hyperlink,
    page_break,
    paragraph,
    primary,
    restart_num,
    run,
    starts_rtl,
    sub,
    xml_safe,
)

_LINK_SCHEMES = ("http://", "https://", "mailto:")
_LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BREAKS = re.compile(r"\s+|(?<=-)")
GAP = 200
"""Space (twentieths of a point) above a paragraph that follows a table or a box."""


def page_size(language: str) -> tuple[int, int]:
    """Letter where it is the custom (and for plain ``en``), A4 everywhere else."""
    parts = language.replace("_", "-").split("-")
    regions = [p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()]
    if regions:
        return tpl.LETTER if regions[0] in _LETTER_REGIONS else tpl.A4
    return tpl.LETTER if parts[0].lower() == "en" else tpl.A4


def document_time(date: str | None) -> datetime:
    """The document's creation time: its date at midnight UTC, so exports are reproducible.

    Without a date, ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) or today.
    """
    if date and _DATE.fullmatch(date):
        try:
            return datetime.strptime(date, "%Y-%m-%d")
        except ValueError:
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)


def _int(value: Any, default: int) -> int:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return default


CHAR = 105
"""Average width of a character in table text, in twips."""
CELL_PAD = 260
"""Cell margins on both sides, with a little slack, in twips."""


def _is_ticks(cells: Sequence[str]) -> bool:
    return CHECKBOX in cells and all(x in (CHECKBOX, "") for x in cells)


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Column widths in twips that add up to ``total``.

    Every column is at least as wide as its longest word (so no word breaks in the
    middle); tick-box and short columns stay that narrow; the rest of the width goes to
    the text columns by how much they hold, and an empty column gets room to write.
    """
    count = max([len(header), *(len(r) for r in rows)], default=0)
    base: list[int] = []
    weights: dict[int, int] = {}
    for c in range(count):
        head = header[c] if c < len(header) else ""
        cells = [r[c] for r in rows if c < len(r)]
        texts = [x for x in cells if x != CHECKBOX]
        head_words = [math.ceil(len(w) * 1.3) for w in _BREAKS.split(head)]
        word = max(head_words + [len(w) for x in texts for w in _BREAKS.split(x)], default=1)
        floor = min(word * CHAR + CELL_PAD, 2400)
        longest = max((len(x) for x in texts), default=0)
        if _is_ticks(cells):
            base.append(max(floor, 600))
        elif cells and not any(cells):
            base.append(floor)
            weights[c] = 28
        elif longest <= 8:
            base.append(max(floor, longest * CHAR + CELL_PAD))
        else:
            base.append(floor)
            mean = sum(len(x) for x in [head, *texts]) / (len(texts) + 1)
            weights[c] = int(10 * math.sqrt(max(mean, 6)))
    rest = total - sum(base)
    if rest < 0 or not weights:
        scale = total / max(sum(base), 1)
        widths = [int(w * scale) for w in base]
    else:
        share = sum(weights.values())
        widths = [w + rest * weights.get(c, 0) // share for c, w in enumerate(base)]
    if widths:
        widths[widths.index(max(widths))] += total - sum(widths)
    return widths


class _Builder:
    """Writes one document's blocks into a fresh copy of the base document."""

    def __init__(self, document: Any, base: Base, meta: Meta) -> None:
        self.document = document
        self.base = base
        self.meta = meta
        self.part = document.part
        self.body = document.element.body
        self.section = self.body.find(W + "sectPr")
        self.body.remove(self.section)
        if not base.branded:
            size = self.section.find(W + "pgSz")
            size.set(W + "w", str(page_size(meta.language)[0]))
            size.set(W + "h", str(page_size(meta.language)[1]))
        self.text_width = self._text_width()
        self.script = Script(east_asian_font(meta.language, meta.title))
        self.rtl = primary(meta.language) in RTL_LANGUAGES
        self.next_num = base.next_num
        self.next_sdt = 1000
        self.break_next = False
        self.gap_next = False
        self.keeping = False
        """Inside a block that stays on one page: every paragraph keeps with the next."""
        self.titled = False
        self.sections: Sections | None = (
            Sections(meta.subtitle or "" if meta.subtitle != meta.company else "")
            if meta.kind in PARTED
            else None
        )
        self.layout = (
            Layout(Styles(document.styles.element), self._page_height(), self.text_width)
            if meta.kind in PARTED
            else None
        )
        self.numbering: Element | None = None
        style = base.style
        self.s_title, self.s_subtitle = style(tpl.TITLE), style(tpl.SUBTITLE)
        self.s_headings = [style(name) for name in tpl.HEADINGS]
        self.s_bullet, self.s_number = style(tpl.LIST_BULLET), style(tpl.LIST_NUMBER)
        self.s_link, self.s_caption = style(tpl.HYPERLINK), style(tpl.CAPTION)
        self.s_cell, self.s_cell_head = style(tpl.TABLE_TEXT), style(tpl.TABLE_HEADING)
        self.s_label = style(tpl.FACT_LABEL)
        self.s_notes_label, self.s_notes_line = style(tpl.NOTES_LABEL), style(tpl.NOTES_LINE)
        self.s_checkbox = style(tpl.CHECKBOX)
        self.s_callout = {
            False: (style(tpl.CALLOUT_TITLE), style(tpl.CALLOUT)),
            True: (style(tpl.WARNING_TITLE), style(tpl.WARNING)),
        }
        self.s_tables = {
            "facts": style(tpl.KEY_FACTS_TABLE),
            "scorecard": style(tpl.SCORECARD_TABLE),
            "rating": style(tpl.SCORECARD_TABLE),
            "matrix": style(tpl.SCORECARD_TABLE),
            "grid": style(tpl.GRID_TABLE),
        }
        self.lead_ins = {
            self.s_title,
            self.s_subtitle,
            *self.s_headings,
            self.s_caption,
            self.s_notes_label,
            style(tpl.CALLOUT_TITLE),
            style(tpl.WARNING_TITLE),
        }
        self.handlers: dict[type, Callable[[Any], None]] = {
            Heading: self.heading,
            Paragraph: self.paragraph,
            BulletList: self.bullets,
            NumberedList: self.numbers,
            KeyFacts: self.key_facts,
            Table: self.table,
            Callout: self.callout,
            NotesSpace: self.notes,
        }

    def _page_height(self) -> int:
        size = self.section.find(W + "pgSz")
        margins = self.section.find(W + "pgMar")
        height = _int(size.get(W + "h") if size is not None else None, tpl.LETTER[1])
        if margins is None:
            return height - 2 * tpl.MARGIN
        top = abs(_int(margins.get(W + "top"), tpl.MARGIN))
        bottom = abs(_int(margins.get(W + "bottom"), tpl.MARGIN))
        return max(height - top - bottom, 2880)

    def _text_width(self) -> int:
        size = self.section.find(W + "pgSz")
        margins = self.section.find(W + "pgMar")
        width = _int(size.get(W + "w") if size is not None else None, tpl.LETTER[0])
        if margins is None:
            return width - 2 * tpl.MARGIN
        left = _int(margins.get(W + "left"), tpl.MARGIN)
        right = _int(margins.get(W + "right"), tpl.MARGIN)
        gutter = _int(margins.get(W + "gutter"), 0)
        return max(width - left - right - gutter, 2880)

    # ---- paragraphs -------------------------------------------------------------

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
        props = Para(
            style=style,
            keep_next=keep_next or self.keeping,
            page_break_before=self.break_next,
            num=num,
            bidi=self.rtl or starts_rtl(direction_text),
            space_before=gap,
        )
        self.break_next = self.gap_next = False
        return paragraph(self.body, props)

    def inlines(self, parent: Element, content: Inlines) -> None:
        for node in content:
            if isinstance(node, Link):
                self.link(parent, node)
            else:
                run(
                    parent,
                    node.text,
                    self.script,
                    bold=isinstance(node, Strong),
                    italic=isinstance(node, Emph),
                )

    def link(self, parent: Element, node: Link) -> None:
        url = xml_safe(node.url).strip()
        text = node.text or url
        if not url.lower().startswith(_LINK_SCHEMES) or any(ch.isspace() for ch in url):
            run(parent, text, self.script)
            return
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rel_id = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        run(hyperlink(parent, rel_id), text, self.script, style=self.s_link)

    # ---- blocks -----------------------------------------------------------------

    def blocks(self, blocks: Sequence[Block]) -> None:
        """Every block; a run of blocks from a heading to its notes space (a question, a
        scorecard) keeps together on one page where it fits."""
        units = keep_units(blocks)
        ends = dict(unit_spans(blocks)) if self.layout is not None else {}
        unit: tuple[Element | None, int] | None = None
        for index, block in enumerate(blocks):
            self.keeping = units.get(index, False)
            anchor = self.last()
            if index in ends:
                unit = (anchor, ends[index])
            if isinstance(block, PageBreak):
                self.page_break(blocks[index + 1] if index + 1 < len(blocks) else None, index)
            else:
                self.handlers[type(block)](block)
            if unit is None:
                self._advance(anchor)
            elif unit[1] == index:
                self._place_unit(unit[0])
                unit = None
        self.keeping = False

    def _added(self, anchor: Element | None) -> list[Element]:
        node = anchor.getnext() if anchor is not None else (self.body[0] if len(self.body) else None)
        found = []
        while node is not None:
            found.append(node)
            node = node.getnext()
        return found

    def _advance(self, anchor: Element | None) -> None:
        if self.layout is not None:
            for element in self._added(anchor):
                self.layout.advance(element)

    def _place_unit(self, anchor: Element | None) -> None:
        """Start a unit that does not fit in the rest of the page on the next page."""
        assert self.layout is not None
        elements = self._added(anchor)
        height = self.layout.height(elements)
        if (
            elements
            and not self.layout.fits(height)
            and self.layout.used > 0
            and height <= self.layout.page * (1 - SAFETY)
        ):
            break_before(self.body, elements[0])
            self.layout.new_page()
            elements = self._added(anchor)
        for element in elements:
            self.layout.advance(element)

    def page_break(self, following: Block | None, index: int) -> None:
        """The next paragraph starts a page; a table gets a break paragraph of its own. In
        a kit or scorecard, a page break before a part's heading starts a section whose
        header names the part."""
        if following is None or index == 0:
            return
        if self.sections is not None and isinstance(following, Heading) and following.level == 2:
            self.sections.start_part(self.body, self.section, following.text)
            self.gap_next = False
            return
        self.break_next = True

    def heading(self, block: Heading) -> None:
        text = block.text
        if block.level <= 1:
            p = self.para(self.s_title, text, gap_ok=False)
            run(p, text, self.script)
            if not self.titled and self.meta.subtitle:
                sub_p = self.para(self.s_subtitle, self.meta.subtitle, gap_ok=False)
                run(sub_p, self.meta.subtitle, self.script)
            self.titled = True
            return
        style = self.s_headings[min(block.level, 4) - 2]
        run(self.para(style, text, gap_ok=False), text, self.script)

    def paragraph(self, block: Paragraph) -> None:
        """A paragraph; one that is all bold is a label and stays with what follows it."""
        label = bool(block.content) and all(isinstance(node, Strong) for node in block.content)
        self.inlines(self.para(None, plain(block.content), keep_next=label), block.content)

    def bullets(self, block: BulletList) -> None:
        self._list(block.items, self.s_bullet, self.base.bullet_num)

    def numbers(self, block: NumberedList) -> None:
        if self.numbering is None:
            self.numbering = self.part.numbering_part.element
        num_id = self.next_num
        self.next_num += 1
        restart_num(self.numbering, num_id, self.base.number_abstract, max(block.start, 0))
        self._list(block.items, self.s_number, num_id)

    def _list(self, items: Sequence[Inlines], style: str | None, num_id: int) -> None:
        for item in items:
            self.inlines(self.para(style, plain(item), num=(num_id, 0)), item)

    def callout(self, block: Callout) -> None:
        title_style, body_style = self.s_callout[block.kind == "warning"]
        if block.title:
            run(self.para(title_style, block.title, keep_next=True), block.title, self.script)
        for content in block.content:
            self.inlines(self.para(body_style, plain(content), gap_ok=not block.title), content)
        self.gap_next = True

    def notes(self, block: NotesSpace) -> None:
        """Ruled lines to write on; a table of empty rows, so every reader draws each rule
        (and in Word the rows take typed notes). Without a label, the first line says
        "Notes" at its start, which takes no room of its own."""
        if block.label:
            run(self.para(self.s_notes_label, block.label, keep_next=True), block.label, self.script)
        tbl = self._table(self.base.style(tpl.NOTES_TABLE), (self.text_width,), header_row=False)
        count = max(block.lines, 1)
        for line in range(count):
            last = line == count - 1
            p = self._cell(self._row(tbl, blank=True), self.text_width, self.s_notes_line, keep_off=last)
            if line == 0 and not block.label:
                run(p, "Notes", self.script, italic=True)

    # ---- tables -----------------------------------------------------------------

    def last(self) -> Element | None:
        """The body's last element (lxml counts children one by one for ``len``)."""
        return next(reversed(self.body), None)

    def spacer(self, size: int = 12, after: int = 120) -> None:
        """A small empty paragraph that keeps with the table after it."""
        ppr = sub(sub(self.body, "p"), "pPr")
        sub(ppr, "keepNext")
        sub(ppr, "spacing", before="0", after=str(after), line="240", lineRule="auto")
        sub(sub(ppr, "rPr"), "sz", str(size))

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

    def _table(self, style: str | None, widths: Sequence[int], *, header_row: bool) -> Element:
        if self.break_next:
            page_break(self.body)
            self.break_next = False
        else:
            self._before_table()
        self.gap_next = False
        tbl = sub(self.body, "tbl")
        pr = sub(tbl, "tblPr")
        if style:
            sub(pr, "tblStyle", style)
        if self.rtl:
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
        self.gap_next = True
        return tbl

    def _row(self, tbl: Element, *, header: bool = False, blank: bool = False) -> Element:
        """A row that stays on one page; an empty row is a line to fill in by hand."""
        tr = sub(tbl, "tr")
        tr_pr = sub(tr, "trPr")
        sub(tr_pr, "cantSplit")
        if blank:
            sub(tr_pr, "trHeight", val=str(tpl.NOTES_ROW), hRule="atLeast")
        if header:
            sub(tr_pr, "tblHeader")
        return tr

    def _cell(
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

    def key_facts(self, block: KeyFacts) -> None:
        if not block.facts:
            return
        longest = max(len(label) for label, _ in block.facts)
        label_width = min(max(longest * 115 + 420, 1500), self.text_width // 3)
        widths = (label_width, self.text_width - label_width)
        tbl = self._table(self.s_tables["facts"], widths, header_row=False)
        for label, value in block.facts:
            tr = self._row(tbl)
            run(self._cell(tr, widths[0], self.s_label, label), label, self.script)
            self.inlines(self._cell(tr, widths[1], self.s_cell, plain(value)), value)

    def table(self, block: Table) -> None:
        if block.caption:
            run(
                self.para(self.s_caption, block.caption, keep_next=True, gap_ok=True),
                block.caption,
                self.script,
            )
        count = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if count == 0:
            return
        rows = [tuple(r) + ("",) * (count - len(r)) for r in block.rows]
        header = tuple(block.header) + ("",) * (count - len(block.header)) if block.header else ()
        widths = column_widths(header, rows, self.text_width)
        columns = [[r[c] for r in rows] for c in range(count)]
        ticks = [_is_ticks(cells) for cells in columns]
        short = [any(cells) and all(len(x) <= 4 for x in cells) for cells in columns]
        tbl = self._table(self.s_tables.get(block.kind), widths, header_row=bool(header))
        if header:
            tr = self._row(tbl, header=True)
            for c, text in enumerate(header):
                p = self._cell(tr, widths[c], self.s_cell_head, text, center=short[c], middle=ticks[c])
                run(p, text, self.script)
        label_style = self.s_label if block.kind == "facts" else self.s_cell
        for row in rows:
            tr = self._row(tbl, blank=not any(row))
            for c, text in enumerate(row):
                if text == CHECKBOX:
                    p = self._cell(tr, widths[c], self.s_cell, center=True, middle=True)
                    checkbox(p, self.s_checkbox, self.next_sdt)
                    self.next_sdt += 1
                else:
                    style = label_style if c == 0 else self.s_cell
                    p = self._cell(tr, widths[c], style, text, center=short[c], middle=ticks[c])
                    run(p, text, self.script)

    # ---- properties ---------------------------------------------------------------

    def properties(self) -> None:
        meta = self.meta
        props = self.document.core_properties
        element = props._element
        for child in list(element):
            element.remove(child)
        when = document_time(meta.date)
        props.title = xml_safe(meta.title)[:255]
        props.subject = meta.kind
        props.author = xml_safe(meta.company or "")[:255]
        props.keywords = xml_safe(", ".join(meta.keywords))[:255]
        props.last_modified_by = "hirecli"
        props.created = when
        props.modified = when
        props.revision = 1
        props.language = meta.language
        if meta.role_id:
            props.identifier = meta.role_id
        self._language()

    def _language(self) -> None:
        language = self.meta.language
        styles = self.document.styles.element
        rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if rpr is None:
            return
        lang = rpr.find(W + "lang")
        if lang is None:
            lang = sub(rpr, "lang")
        lang.set(VAL, language)
        main = primary(language)
        if main in ("zh", "ja", "ko"):
            lang.set(W + "eastAsia", language)
            fonts = rpr.find(W + "rFonts")
            if fonts is None:
                fonts = sub(rpr, "rFonts")
                rpr.insert(0, fonts)
            fonts.set(W + "eastAsia", self.script.east_asian_font)
        if main in RTL_LANGUAGES:
            lang.set(W + "bidi", language)

    def finish(self, *, bands: bool = True) -> None:
        last = self.last()
        if last is not None and last.tag == W + "tbl":
            self.spacer(2, 0)
        self.body.append(self.section)
        if bands:
            Bands(self.document, self.base, self.meta, self.script, self.text_width, self.rtl).write(
                self.section, self.sections
            )
        self.properties()


def render_docx(doc: Document, reference: Path | None = None, *, bands: bool = True) -> bytes:
    """``doc`` as the bytes of a .docx file; the same document always gives the same bytes.

    ``bands=False`` leaves out the header and footer (for a reference document, whose
    header and footer would otherwise be kept in place of the company's own).
    """
    from docx import Document as open_document

    base = load_base(reference)
    document = open_document(io.BytesIO(base.data))
    builder = _Builder(document, base, doc.meta)
    if not doc.blocks or not isinstance(doc.blocks[0], Heading) or doc.blocks[0].level != 1:
        builder.heading(Heading(1, doc.meta.title))
    builder.blocks(doc.blocks)
    builder.finish(bands=bands)
    return package_bytes(document.part.package)


class DocxWriter:
    """The registry's entry point for the ``docx`` format."""

    name = "docx"
    extension = "docx"
    binary = True

    def render(self, doc: Document, options: WriteOptions) -> bytes:
        return render_docx(doc, options.reference_docx)


WRITER = DocxWriter()
