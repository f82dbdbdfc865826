"""WordprocessingML built directly: runs, hyperlinks, fields, tick boxes, numbering.

python-docx has no API for hyperlinks, fields or list restarts, and its
style-by-name lookups are slow; the writer builds those elements here with lxml,
in the child order the schema asks for (Word rejects some orders that other
readers accept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

from hirecli.writers.docx.template import W14_NS, W_NS

Element = Any
"""An lxml element (python-docx's own element classes subclass it)."""

W = f"{{{W_NS}}}"
W14 = f"{{{W14_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
VAL = W + "val"

_sub = etree.SubElement

# Characters XML 1.0 cannot hold, and C1 controls that only ever arrive by mistake.
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"
_CJK = (
    "\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u3190-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
)
_SPECIAL = re.compile(f"[{_RTL}{_CJK}]")
_RTL_CHAR = re.compile(f"[{_RTL}]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_LETTER_LTR = re.compile(r"[^\W\d_]")
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]")
_BREAKS = re.compile(r"(\n|\t)")

RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"})
_EAST_ASIAN_FONTS = {
    "ja": "Yu Gothic",
    "ko": "Malgun Gothic",
    "zh-tw": "Microsoft JhengHei",
    "zh-hk": "Microsoft JhengHei",
    "zh-hant": "Microsoft JhengHei",
    "zh": "Microsoft YaHei",
}


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot contain (a printable text
    has none: every character it cannot hold is a control, a surrogate or unassigned)."""
    return text if text.isprintable() else _NOT_XML.sub("", text)


def primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def east_asian_font(language: str, sample: str = "") -> str:
    """The East Asian font Word should use for CJK text in a document of ``language``."""
    tag = language.replace("_", "-").lower()
    for key in (tag, "-".join(tag.split("-")[:2]), primary(tag)):
        if key in _EAST_ASIAN_FONTS:
            return _EAST_ASIAN_FONTS[key]
    if _KANA.search(sample):
        return _EAST_ASIAN_FONTS["ja"]
    if _HANGUL.search(sample):
        return _EAST_ASIAN_FONTS["ko"]
    return _EAST_ASIAN_FONTS["zh"]


def starts_rtl(text: str) -> bool:
    """True when the first letter of ``text`` belongs to a right-to-left script."""
    if text.isascii() or not _RTL_CHAR.search(text):
        return False
    for ch in text:
        if _RTL_CHAR.match(ch):
            return True
        if _LETTER_LTR.match(ch) or _CJK_CHAR.match(ch):
            return False
    return False


def segments(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (script, piece) with script ``rtl``, ``cjk`` or ``""``.

    Spaces, digits and punctuation stay with the piece before them, so that a
    right-to-left phrase keeps its own punctuation.
    """
    if text.isascii() or not _SPECIAL.search(text):
        return [("", text)]
    out: list[tuple[str, str]] = []
    current: str | None = None
    start = 0
    for i, ch in enumerate(text):
        if _RTL_CHAR.match(ch):
            kind = "rtl"
        elif _CJK_CHAR.match(ch):
            kind = "cjk"
        elif _LETTER_LTR.match(ch):
            kind = ""
        else:
            continue
        if current is not None and kind != current:
            out.append((current, text[start:i]))
            start = i
        current = kind
    out.append((current or "", text[start:]))
    return out


def sub(parent: Element, tag: str, val: str | None = None, **attrs: str) -> Element:
    """A ``w:`` child element with a ``w:val`` and other ``w:`` attributes."""
    attrib = {VAL: val} if val is not None else {}
    for key, value in attrs.items():
        attrib[W + key] = value
    return _sub(parent, W + tag, attrib)


class Para(NamedTuple):
    """Paragraph properties the writer sets directly (the style carries the rest); a
    tuple, since one is made for every paragraph and looked up in a cache."""

    style: str | None = None
    keep_next: bool = False
    page_break_before: bool = False
    num: tuple[int, int] | None = None
    bidi: bool = False
    space_before: int | None = None
    align: str | None = None
    tab_right: int | None = None
    clear_tabs: tuple[int, ...] = ()
    """Tab stops inherited from the style that would come before ``tab_right``."""
    keep_off: bool = False
    """Turn off a keep-with-next the style sets (the last line of a block that keeps together)."""


def place(parent: Element, prototype: Element) -> Element:
    """A copy of ``prototype`` appended to ``parent``: an element made once and copied
    after that (lxml copies a made element faster than it makes one; a copy is deep)."""
    element = prototype.__copy__()
    parent.append(element)
    return element


def paragraph(parent: Element, props: Para) -> Element:
    """A paragraph with ``props``."""
    return place(parent, _paragraph_prototype(props))


@lru_cache(maxsize=1024)
def _paragraph_prototype(props: Para) -> Element:
    p = etree.Element(W + "p", nsmap={"w": W_NS})
    if props != _PLAIN:
        p.append(_paragraph_properties(props))
    return p


def cell(row: Element, width: int, props: Para, *, middle: bool = False) -> Element:
    """A table cell of ``width`` twips holding one paragraph; returns the paragraph."""
    tc = _cell_prototype(width, props, middle).__copy__()
    row.append(tc)
    return tc[-1]


@lru_cache(maxsize=512)
def _cell_prototype(width: int, props: Para, middle: bool) -> Element:
    tc = etree.Element(W + "tc", nsmap={"w": W_NS})
    tc_pr = sub(tc, "tcPr")
    sub(tc_pr, "tcW", w=str(width), type="dxa")
    if middle:
        sub(tc_pr, "vAlign", "center")
    paragraph(tc, props)
    return tc


def _paragraph_properties(props: Para) -> Element:
    ppr = etree.Element(W + "pPr", nsmap={"w": W_NS})
    if props.style:
        sub(ppr, "pStyle", props.style)
    if props.keep_next:
        sub(ppr, "keepNext")
    elif props.keep_off:
        sub(ppr, "keepNext", "0")
    if props.page_break_before:
        sub(ppr, "pageBreakBefore")
    if props.num:
        num_pr = sub(ppr, "numPr")
        sub(num_pr, "ilvl", str(props.num[1]))
        sub(num_pr, "numId", str(props.num[0]))
    if props.tab_right is not None:
        tabs = sub(ppr, "tabs")
        for pos in sorted({*props.clear_tabs, props.tab_right}):
            if pos == props.tab_right:
                sub(tabs, "tab", "right", pos=str(pos))
            else:
                sub(tabs, "tab", "clear", pos=str(pos))
    if props.bidi:
        sub(ppr, "bidi")
    if props.space_before is not None:
        sub(ppr, "spacing", before=str(props.space_before))
    if props.align:
        sub(ppr, "jc", props.align)
    return ppr


_PLAIN = Para()


def _text(run: Element, text: str) -> None:
    for piece in _BREAKS.split(text) if ("\n" in text or "\t" in text) else (text,):
        if piece == "\n":
            _sub(run, W + "br")
        elif piece == "\t":
            _sub(run, W + "tab")
        elif piece:
            t = _sub(run, W + "t")
            t.text = piece
            if piece[0] == " " or piece[-1] == " " or "  " in piece:
                t.set(XML_SPACE, "preserve")


@dataclass(frozen=True, slots=True)
class Script:
    """How to mark text of other scripts in one document."""

    east_asian_font: str


def run(
    parent: Element,
    text: str,
    script: Script,
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
) -> None:
    """Runs for ``text``: CJK pieces get an East Asian font, right-to-left pieces ``w:rtl``."""
    if not (style or bold or italic) and text.isascii() and text.isprintable():
        if text:  # plain text, no breaks or tabs (they are not printable): one run
            keep = text[0] == " " or text[-1] == " " or "  " in text
            r = _run_prototype(None, False, False, "", "", _SPACED if keep else _TEXT).__copy__()
            r[-1].text = text
            parent.append(r)
        return
    text = xml_safe(text)
    if not text:
        return
    for kind, piece in segments(text):
        font = script.east_asian_font if kind == "cjk" else ""
        if "\n" in piece or "\t" in piece or not piece:
            r = _run_prototype(style, bold, italic, kind, font, _NO_TEXT).__copy__()
            _text(r, piece)
        else:
            keep = piece[0] == " " or piece[-1] == " " or "  " in piece
            r = _run_prototype(style, bold, italic, kind, font, _SPACED if keep else _TEXT).__copy__()
            r[-1].text = piece
        parent.append(r)


_NO_TEXT, _TEXT, _SPACED = 0, 1, 2


@lru_cache(maxsize=256)
def _run_prototype(style: str | None, bold: bool, italic: bool, kind: str, font: str, text: int) -> Element:
    """An empty run with its properties and, unless ``text`` is ``_NO_TEXT``, a ``w:t``
    (that keeps its spaces for ``_SPACED``)."""
    r = etree.Element(W + "r", nsmap={"w": W_NS})
    if style or bold or italic or kind:
        rpr = _sub(r, W + "rPr")
        if style:
            sub(rpr, "rStyle", style)
        if kind == "cjk":
            sub(rpr, "rFonts", eastAsia=font, hint="eastAsia")
        if bold:
            sub(rpr, "b")
            sub(rpr, "bCs")
        if italic:
            sub(rpr, "i")
            sub(rpr, "iCs")
        if kind == "rtl":
            sub(rpr, "rtl")
    if text != _NO_TEXT:
        t = _sub(r, W + "t")
        if text == _SPACED:
            t.set(XML_SPACE, "preserve")
    return r


def hyperlink(parent: Element, rel_id: str) -> Element:
    link = _sub(parent, W + "hyperlink")
    link.set(R_ID, rel_id)
    link.set(W + "history", "1")
    return link


def field(parent: Element, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice update as they lay out."""
    for r in _field_prototype(instruction, shown):
        place(parent, r)


@lru_cache(maxsize=16)
def _field_prototype(instruction: str, shown: str) -> Element:
    """The runs of a field, in a ``w:p`` that only holds them."""
    parent = etree.Element(W + "p", nsmap={"w": W_NS})
    sub(_sub(parent, W + "r"), "fldChar", fldCharType="begin")
    instr = _sub(_sub(parent, W + "r"), W + "instrText")
    instr.text = f" {instruction} "
    instr.set(XML_SPACE, "preserve")
    sub(_sub(parent, W + "r"), "fldChar", fldCharType="separate")
    _text(_sub(parent, W + "r"), shown)
    sub(_sub(parent, W + "r"), "fldChar", fldCharType="end")
    return parent


def checkbox(parent: Element, style: str | None, sdt_id: int) -> None:
    """A tick box: Word shows a clickable check box control; other readers show ``☐``."""
    sdt = _sub(parent, W + "sdt")
    sdt_pr = _sub(sdt, W + "sdtPr")
    sub(sdt_pr, "id", str(sdt_id))
    box = etree.SubElement(sdt_pr, W14 + "checkbox", nsmap={"w14": W14_NS})
    etree.SubElement(box, W14 + "checked").set(W14 + "val", "0")
    for state, code in (("checkedState", "2612"), ("uncheckedState", "2610")):
        mark = etree.SubElement(box, W14 + state)
        mark.set(W14 + "val", code)
        mark.set(W14 + "font", "MS Gothic")
    content = _sub(sdt, W + "sdtContent")
    r = _sub(content, W + "r")
    if style:
        sub(_sub(r, W + "rPr"), "rStyle", style)
    _sub(r, W + "t").text = "\u2610"


_BEFORE_BREAK = {W + "pStyle", W + "keepNext", W + "keepLines"}


def break_before(parent: Element, element: Element) -> None:
    """Start a new page at ``element``: a paragraph gets ``pageBreakBefore`` (in its place
    in the schema's order), anything else a page-break paragraph in front of it."""
    if element.tag != W + "p":
        p = etree.Element(W + "p")
        sub(_sub(p, W + "r"), "br", type="page")
        element.addprevious(p)
        return
    ppr = element.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        element.insert(0, ppr)
    if ppr.find(W + "pageBreakBefore") is not None:
        return
    position = sum(1 for child in ppr if child.tag in _BEFORE_BREAK)
    ppr.insert(position, etree.Element(W + "pageBreakBefore"))


def page_break(parent: Element) -> None:
    place(parent, _page_break_prototype())


@lru_cache(maxsize=1)
def _page_break_prototype() -> Element:
    p = etree.Element(W + "p", nsmap={"w": W_NS})
    sub(_sub(p, W + "r"), "br", type="page")
    return p


def restart_num(numbering: Element, num_id: int, abstract_id: int, start: int) -> None:
    """A numbering instance of ``abstract_id`` that starts again at ``start``."""
    num = sub(numbering, "num", numId=str(num_id))
    sub(num, "abstractNumId", str(abstract_id))
    override = sub(num, "lvlOverride", ilvl="0")
    sub(override, "startOverride", str(start))
    cleanup = numbering.find(W + "numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(num)
