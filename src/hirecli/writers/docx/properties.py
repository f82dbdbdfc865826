"""A document's properties (title, company, keywords, dates) and its language, set so
that the same document always gives the same bytes."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

from lxml import etree

from hirecli.document import Meta
from hirecli.writers.docx.xml import RTL_LANGUAGES, VAL, Element, W, primary, sub, xml_safe

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def document_time(date: str | None) -> datetime:
    """The document's creation time: its date at midnight UTC, so exports are reproducible.

    Without a date, ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) or today.
    """
    if date and _DATE.fullmatch(date):
        try:
            return datetime(int(date[:4]), int(date[5:7]), int(date[8:]))
        except ValueError:
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)


_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


def _add(root: Element, tag: str, text: str) -> Element:
    """A child holding ``text``, made and placed as python-docx's core properties make it
    (a loose element declaring its own prefix, appended: the same bytes, without python-docx)."""
    if len(text) > 255:
        raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{text}'")
    prefix, name = tag.split(":")
    child = etree.Element(f"{{{_NS[prefix]}}}{name}", nsmap={prefix: _NS[prefix]})
    root.append(child)
    child.text = text
    return child


def _add_time(root: Element, tag: str, when: datetime) -> None:
    child = _add(root, tag, when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    root.set(_XSI + "foo", "bar")  # python-docx's way to declare xsi on the root, not the child
    child.set(_XSI + "type", "dcterms:W3CDTF")
    del root.attrib[_XSI + "foo"]


def set_properties(root: Element, meta: Meta) -> None:
    """Replace the base's core properties (the ``cp:coreProperties`` element ``root``) with
    the document's own."""
    for child in list(root):
        root.remove(child)
    when = document_time(meta.date)
    _add(root, "dc:title", xml_safe(meta.title)[:255])
    _add(root, "dc:subject", meta.kind)
    _add(root, "dc:creator", xml_safe(meta.company or "")[:255])
    _add(root, "cp:keywords", xml_safe(", ".join(meta.keywords))[:255])
    _add(root, "cp:lastModifiedBy", "hirecli")
    _add_time(root, "dcterms:created", when)
    _add_time(root, "dcterms:modified", when)
    _add(root, "cp:revision", "1")
    _add(root, "dc:language", meta.language)
    if meta.role_id:
        _add(root, "dc:identifier", meta.role_id)


def set_language(styles: Element, language: str, east_asian_font: str) -> None:
    """The styles' default language (and East Asian font, right-to-left language) for spell
    checking, line breaking and fonts."""
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
        fonts.set(W + "eastAsia", east_asian_font)
    if main in RTL_LANGUAGES:
        lang.set(W + "bidi", language)
