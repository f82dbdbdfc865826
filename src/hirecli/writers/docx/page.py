"""The page a document is printed on: Letter or A4 by the reader's custom, and the room
inside a section's margins that tables fill and the layout estimate counts."""

from __future__ import annotations

from typing import Any

from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.xml import Element, W

_LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})
MIN_ROOM = 2880
"""Two inches: the least room a damaged or odd page setup is taken to leave."""


def page_size(language: str) -> tuple[int, int]:
    """Letter where it is the custom (and for plain ``en``), A4 everywhere else."""
    parts = language.replace("_", "-").split("-")
    regions = [p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()]
    if regions:
        return tpl.LETTER if regions[0] in _LETTER_REGIONS else tpl.A4
    return tpl.LETTER if parts[0].lower() == "en" else tpl.A4


def _int(value: Any, default: int) -> int:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return default


def text_height(section: Element) -> int:
    """Twips from the top margin to the bottom margin of ``section``'s pages."""
    size = section.find(W + "pgSz")
    margins = section.find(W + "pgMar")
    height = _int(size.get(W + "h") if size is not None else None, tpl.LETTER[1])
    if margins is None:
        return height - 2 * tpl.MARGIN
    top = abs(_int(margins.get(W + "top"), tpl.MARGIN))
    bottom = abs(_int(margins.get(W + "bottom"), tpl.MARGIN))
    return max(height - top - bottom, MIN_ROOM)


def text_width(section: Element) -> int:
    """Twips between the left and right margins (and the gutter) of ``section``'s pages."""
    size = section.find(W + "pgSz")
    margins = section.find(W + "pgMar")
    width = _int(size.get(W + "w") if size is not None else None, tpl.LETTER[0])
    if margins is None:
        return width - 2 * tpl.MARGIN
    left = _int(margins.get(W + "left"), tpl.MARGIN)
    right = _int(margins.get(W + "right"), tpl.MARGIN)
    gutter = _int(margins.get(W + "gutter"), 0)
    return max(width - left - right - gutter, MIN_ROOM)
