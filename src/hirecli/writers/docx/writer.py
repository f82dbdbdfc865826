"""The DOCX writer: a document a hiring manager can open, print and edit in Word.

Every block becomes real Word structure: built-in styles for titles, headings and
lists (so the navigation pane, pandoc and screen readers see them), table styles
for key facts and scorecards, clickable hyperlinks, page-number fields and
properties. Style ids are resolved once per base document; each document starts
from a light copy of the base parsed once per process (:mod:`.pristine`), and the body
is written as XML directly from element prototypes, which keeps a batch of hundreds of
documents quick.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hirecli.doctext import safe_url
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
from hirecli.writers.docx.body import Body
from hirecli.writers.docx.columns import column_widths, is_ticks
from hirecli.writers.docx.keep import keep_units, unit_spans
from hirecli.writers.docx.layout import SAFETY, Layout, Styles
from hirecli.writers.docx.page import page_size, text_height, text_width
from hirecli.writers.docx.pristine import Fresh
from hirecli.writers.docx.properties import set_properties
from hirecli.writers.docx.reference import Base, load_base
from hirecli.writers.docx.xml import (
    RTL_LANGUAGES,
    Element,
    Script,
    W,
    break_before,
    checkbox,
    east_asian_font,
    hyperlink,
    primary,
    restart_num,
    run,
    xml_safe,
)


class _Builder:
    """Writes one document's blocks into a fresh copy of the base document."""

    def __init__(self, fresh: Fresh, base: Base, meta: Meta) -> None:
        self.fresh = fresh
        document = self.document = fresh.document
        self.base = base
        self.meta = meta
        self.part = document.part
        element = document.element.body
        self.section = element.find(W + "sectPr")
        element.remove(self.section)
        if not base.branded:
            size = self.section.find(W + "pgSz")
            size.set(W + "w", str(page_size(meta.language)[0]))
            size.set(W + "h", str(page_size(meta.language)[1]))
        self.text_width = text_width(self.section)
        self.script = Script(east_asian_font(meta.language, meta.title))
        self.rtl = primary(meta.language) in RTL_LANGUAGES
        self.next_num = base.next_num
        self.next_sdt = 1000
        self.titled = False
        self.sections: Sections | None = (
            Sections(meta.subtitle or "" if meta.subtitle != meta.company else "")
            if meta.kind in PARTED
            else None
        )
        self.layout = (
            Layout(Styles(document.styles.element), text_height(self.section), self.text_width)
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
        lead_ins = {
            self.s_title,
            self.s_subtitle,
            *self.s_headings,
            self.s_caption,
            self.s_notes_label,
            style(tpl.CALLOUT_TITLE),
            style(tpl.WARNING_TITLE),
        }
        self.body = Body(element, rtl=self.rtl, lead_ins=lead_ins)
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

    # ---- paragraphs -------------------------------------------------------------

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
        shown = xml_safe(node.url).strip()
        text = node.text or shown
        url = safe_url(shown)
        if not url:
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
            self.body.keeping = units.get(index, False)
            anchor = self.body.last()
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
        self.body.keeping = False

    def _added(self, anchor: Element | None) -> list[Element]:
        node = anchor.getnext() if anchor is not None else next(iter(self.body.element), None)
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
            break_before(self.body.element, elements[0])
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
            self.sections.start_part(self.body.element, self.section, following.text)
            self.body.gap_next = False
            return
        self.body.break_next = True

    def heading(self, block: Heading) -> None:
        text = block.text
        if block.level <= 1:
            p = self.body.para(self.s_title, text, gap_ok=False)
            run(p, text, self.script)
            if not self.titled and self.meta.subtitle:
                sub_p = self.body.para(self.s_subtitle, self.meta.subtitle, gap_ok=False)
                run(sub_p, self.meta.subtitle, self.script)
            self.titled = True
            return
        style = self.s_headings[min(block.level, 4) - 2]
        run(self.body.para(style, text, gap_ok=False), text, self.script)

    def paragraph(self, block: Paragraph) -> None:
        """A paragraph; one that is all bold is a label and stays with what follows it."""
        label = bool(block.content) and all(isinstance(node, Strong) for node in block.content)
        self.inlines(self.body.para(None, plain(block.content), keep_next=label), block.content)

    def bullets(self, block: BulletList) -> None:
        self._list(block.items, self.s_bullet, self.base.bullet_num)

    def numbers(self, block: NumberedList) -> None:
        if self.numbering is None:
            self.numbering = self.fresh.own(self.part.numbering_part)
        num_id = self.next_num
        self.next_num += 1
        restart_num(self.numbering, num_id, self.base.number_abstract, max(block.start, 0))
        self._list(block.items, self.s_number, num_id)

    def _list(self, items: Sequence[Inlines], style: str | None, num_id: int) -> None:
        for item in items:
            self.inlines(self.body.para(style, plain(item), num=(num_id, 0)), item)

    def callout(self, block: Callout) -> None:
        title_style, body_style = self.s_callout[block.kind == "warning"]
        if block.title:
            run(self.body.para(title_style, block.title, keep_next=True), block.title, self.script)
        for content in block.content:
            self.inlines(self.body.para(body_style, plain(content), gap_ok=not block.title), content)
        self.body.gap_next = True

    def notes(self, block: NotesSpace) -> None:
        """Ruled lines to write on; a table of empty rows, so every reader draws each rule
        (and in Word the rows take typed notes). Without a label, the first line says
        "Notes" at its start, which takes no room of its own."""
        if block.label:
            run(self.body.para(self.s_notes_label, block.label, keep_next=True), block.label, self.script)
        tbl = self.body.table(self.base.style(tpl.NOTES_TABLE), (self.text_width,), header_row=False)
        count = max(block.lines, 1)
        for line in range(count):
            last = line == count - 1
            tr = self.body.row(tbl, blank=True)
            p = self.body.cell(tr, self.text_width, self.s_notes_line, keep_off=last)
            if line == 0 and not block.label:
                run(p, "Notes", self.script, italic=True)

    # ---- tables -----------------------------------------------------------------

    def key_facts(self, block: KeyFacts) -> None:
        if not block.facts:
            return
        longest = max(len(label) for label, _ in block.facts)
        label_width = min(max(longest * 115 + 420, 1500), self.text_width // 3)
        widths = (label_width, self.text_width - label_width)
        tbl = self.body.table(self.s_tables["facts"], widths, header_row=False)
        for label, value in block.facts:
            tr = self.body.row(tbl)
            run(self.body.cell(tr, widths[0], self.s_label, label), label, self.script)
            self.inlines(self.body.cell(tr, widths[1], self.s_cell, plain(value)), value)

    def table(self, block: Table) -> None:
        if block.caption:
            run(
                self.body.para(self.s_caption, block.caption, keep_next=True, gap_ok=True),
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
        ticks = [is_ticks(cells) for cells in columns]
        short = [any(cells) and all(len(x) <= 4 for x in cells) for cells in columns]
        tbl = self.body.table(self.s_tables.get(block.kind), widths, header_row=bool(header))
        if header:
            tr = self.body.row(tbl, header=True)
            for c, text in enumerate(header):
                p = self.body.cell(tr, widths[c], self.s_cell_head, text, center=short[c], middle=ticks[c])
                run(p, text, self.script)
        label_style = self.s_label if block.kind == "facts" else self.s_cell
        for row in rows:
            tr = self.body.row(tbl, blank=not any(row))
            for c, text in enumerate(row):
                if text == CHECKBOX:
                    p = self.body.cell(tr, widths[c], self.s_cell, center=True, middle=True)
                    checkbox(p, self.s_checkbox, self.next_sdt)
                    self.next_sdt += 1
                else:
                    style = label_style if c == 0 else self.s_cell
                    p = self.body.cell(tr, widths[c], style, text, center=short[c], middle=ticks[c])
                    run(p, text, self.script)

    def finish(self, *, bands: bool = True) -> None:
        last = self.body.last()
        if last is not None and last.tag == W + "tbl":
            self.body.spacer(2, 0)
        self.body.element.append(self.section)
        if bands:
            Bands(self.document, self.base, self.meta, self.script, self.text_width, self.rtl).write(
                self.section, self.sections
            )
        set_properties(self.fresh.core, self.meta)
        self.fresh.language = (self.meta.language, self.script.east_asian_font)


def render_docx(doc: Document, reference: Path | None = None, *, bands: bool = True) -> bytes:
    """``doc`` as the bytes of a .docx file; the same document always gives the same bytes.

    ``bands=False`` leaves out the header and footer (for a reference document, whose
    header and footer would otherwise be kept in place of the company's own).
    """
    base = load_base(reference)
    fresh = Fresh(base.pristine)
    builder = _Builder(fresh, base, doc.meta)
    if not doc.blocks or not isinstance(doc.blocks[0], Heading) or doc.blocks[0].level != 1:
        builder.heading(Heading(1, doc.meta.title))
    builder.blocks(doc.blocks)
    builder.finish(bands=bands)
    return fresh.to_bytes()


class DocxWriter:
    """The registry's entry point for the ``docx`` format."""

    name = "docx"
    extension = "docx"
    binary = True

    def render(self, doc: Document, options: WriteOptions) -> bytes:
        return render_docx(doc, options.reference_docx)


WRITER = DocxWriter()
