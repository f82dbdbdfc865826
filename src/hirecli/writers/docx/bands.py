"""Headers, footers and sections: every printed page says what it is and whose it is.

A posting has one section: the company and the kind of document in the header, the
title and "Page N of M" in the footer. An interview kit or a scorecard is printed and
handed around page by page, so each part of it (a stage's pages) is a section of its
own whose header names the role and the stage. A branded reference's own header is
kept, with that line added below it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.xml import R_ID, VAL, Element, Para, Script, W, paragraph, run, sub
from hirecli.writers.docx.xml import field as field_run

if TYPE_CHECKING:
    from hirecli.writers.docx.reference import Base

KIND_LABELS = {
    "posting": "Job posting",
    "interview-kit": "Interview kit \u2013 internal, not for candidates",
    "scorecard": "Scorecard \u2013 internal, not for candidates",
    "report": "Report",
}
PARTED = frozenset({"interview-kit", "scorecard"})
"""Kinds whose header names the part (the stage) on every page."""
_REFS = (W + "headerReference", W + "footerReference")
_R_ATTRS = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed",
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}link",
)


@dataclass
class Sections:
    """The sections of one document as the body is written: each earlier section ends
    with a paragraph holding its properties; the body's own properties hold the last."""

    first_label: str
    ends: list[Element] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def start_part(self, body: Element, section: Element, label: str) -> None:
        """End the current section here; the next content starts a new page labelled ``label``."""
        p = sub(body, "p")
        ppr = sub(p, "pPr")
        sub(ppr, "spacing", before="0", after="0", line="20", lineRule="exact")
        sub(sub(ppr, "rPr"), "sz", "2")
        props = copy.deepcopy(section)
        for child in list(props):
            if child.tag in _REFS:
                props.remove(child)
        ppr.append(props)
        self.ends.append(props)
        self.labels.append(label)


def _header_part(part: Any, kind: str) -> tuple[Any, str]:
    """A new, empty header or footer part related to the document; returns it and its rId."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml
    from docx.parts.hdrftr import FooterPart, HeaderPart

    header = kind == "header"
    package = part.package
    xml = f'<w:{"hdr" if header else "ftr"} xmlns:w="{tpl.W_NS}" xmlns:r="{tpl.R_NS}"/>'
    new = (HeaderPart if header else FooterPart)(
        package.next_partname(f"/word/{kind}%d.xml"),
        CT.WML_HEADER if header else CT.WML_FOOTER,
        parse_xml(xml),
        package,
    )
    return new, part.relate_to(new, RT.HEADER if header else RT.FOOTER)


def _reference(section: Element, kind: str, rel_id: str) -> None:
    """Point ``section`` at a default header or footer, where the schema wants it (first)."""
    tag = W + ("headerReference" if kind == "header" else "footerReference")
    for ref in list(section.iterfind(tag)):
        if ref.get(W + "type", "default") == "default":
            section.remove(ref)
    position = sum(1 for child in section if child.tag in _REFS)
    ref = sub(section, tag[len(W) :], type="default")
    ref.set(R_ID, rel_id)
    section.insert(position, ref)


def _default_part(part: Any, section: Element, kind: str) -> Any | None:
    tag = W + ("headerReference" if kind == "header" else "footerReference")
    for ref in section.iterfind(tag):
        if ref.get(W + "type", "default") == "default":
            return part.related_parts[ref.get(R_ID)]
    return None


def _copy_into(source: Any, target: Any) -> None:
    """The reference header's content, with its links (a logo) re-related to ``target``."""
    ids: dict[str, str] = {}
    for rel_id, rel in source.rels.items():
        ids[rel_id] = (
            target.relate_to(rel.target_ref, rel.reltype, is_external=True)
            if rel.is_external
            else target.relate_to(rel.target_part, rel.reltype)
        )
    for child in source.element:
        clone = copy.deepcopy(child)
        for node in clone.iter():
            for attr in _R_ATTRS:
                value = node.get(attr)
                if value in ids:
                    node.set(attr, ids[value])
        target.element.append(clone)


@lru_cache(maxsize=64)
def style_tabs(styles: Element, style_id: str | None) -> tuple[int, ...]:
    """Tab stop positions a paragraph style sets, with those of the styles it is based on
    (once per base: a document's styles are its base's, shared and never changed)."""
    by_id = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}
    found: set[int] = set()
    seen: set[str] = set()
    while style_id and style_id in by_id and style_id not in seen:
        seen.add(style_id)
        style = by_id[style_id]
        for tab in style.iterfind(f"{W}pPr/{W}tabs/{W}tab"):
            pos = str(tab.get(W + "pos", ""))
            if pos.lstrip("-").isdigit() and tab.get(VAL) != "clear":
                found.add(int(pos))
        based = style.find(W + "basedOn")
        style_id = None if based is None else based.get(VAL)
    return tuple(sorted(found))


class Bands:
    """Writes the header and footer of every section of one document."""

    def __init__(
        self, document: Any, base: Base, meta: Any, script: Script, text_width: int, rtl: bool
    ) -> None:
        self.document = document
        self.part = document.part
        self.base = base
        self.meta = meta
        self.script = script
        self.text_width = text_width
        self.rtl = rtl

    def _props(self, kind: str, style: str | None) -> Para:
        """A band paragraph with a right-aligned tab at the margin; the footer stays
        left-to-right (its words and page numbers are English)."""
        inherited = style_tabs(self.document.styles.element, style) if self.base.branded else ()
        return Para(
            style=style, tab_right=self.text_width, bidi=self.rtl and kind == "header", clear_tabs=inherited
        )

    def _empty_default(self, section: Element, kind: str) -> Element:
        """The section's default header or footer, emptied; made when there is none."""
        found = _default_part(self.part, section, kind)
        if found is not None:
            root: Element = found.element
            for child in list(root):
                root.remove(child)
            return root
        new, rel_id = _header_part(self.part, kind)
        _reference(section, kind, rel_id)
        element: Element = new.element
        return element

    def _company_line(self, root: Element) -> None:
        style = self.base.style(tpl.HEADER)
        p = paragraph(root, self._props("header", style))
        run(p, self.meta.company or "", self.script, bold=True)
        run(p, "\t" + KIND_LABELS.get(self.meta.kind, ""), self.script)

    def _part_line(self, root: Element, label: str) -> None:
        p = paragraph(root, self._props("header", self.base.style(tpl.HEADER)))
        run(p, self.meta.title + (f"\t{label}" if label else ""), self.script, bold=not self.meta.company)

    def _footer(self, section: Element) -> None:
        props = self._props("footer", self.base.style(tpl.FOOTER))
        p = paragraph(self._empty_default(section, "footer"), props)
        run(p, self.meta.title + "\tPage ", self.script)
        field_run(p, "PAGE", "1")
        run(p, " of ", self.script)
        field_run(p, "NUMPAGES", "1")

    def write(self, section: Element, sections: Sections | None) -> None:
        """Bands for a one-section document, or a header per part of a parted one."""
        if sections is None or self.meta.kind not in PARTED:
            if not self.base.has_header:
                self._company_line(self._empty_default(section, "header"))
            if not self.base.has_footer:
                self._footer(section)
            return
        ends = [*sections.ends, section]
        labels = [sections.first_label, *sections.labels]
        own = _default_part(self.part, section, "header") if self.base.has_header else None
        old_ids = [
            ref.get(R_ID)
            for ref in section.iterfind(W + "headerReference")
            if ref.get(W + "type", "default") == "default"
        ]
        for props, label in zip(ends, labels, strict=True):
            new, rel_id = _header_part(self.part, "header")
            if own is not None:
                _copy_into(own, new)
            else:
                self._company_line(new.element)
            self._part_line(new.element, label)
            _reference(props, "header", rel_id)
        for rel_id in old_ids:
            self.part.drop_rel(rel_id)
        first = ends[0]
        if first is not section:
            for ref in list(section.iterfind(W + "footerReference")):
                section.remove(ref)
                first.insert(sum(1 for c in first if c.tag in _REFS), ref)
        if not self.base.has_footer:
            self._footer(first)
