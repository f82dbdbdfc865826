"""A document's properties (title, company, keywords, dates) and its language, set so
that the same document always gives the same bytes."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from typing import Any

from hirecli.document import Meta
from hirecli.writers.docx.xml import RTL_LANGUAGES, VAL, W, primary, sub, xml_safe

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def set_properties(document: Any, meta: Meta, east_asian_font: str) -> None:
    """Replace the base's core properties with the document's own, and set its language."""
    props = document.core_properties
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
    _set_language(document, meta.language, east_asian_font)


def _set_language(document: Any, language: str, east_asian_font: str) -> None:
    """The styles' default language (and East Asian font, right-to-left language) for spell
    checking, line breaking and fonts."""
    styles = document.styles.element
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
