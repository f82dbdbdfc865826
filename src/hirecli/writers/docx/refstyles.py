"""The styles of a branded reference document: its style ids by name, its brand colour,
and hirecli's own styles it lacks, added in the brand's colour in place of hirecli's."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.xml import VAL, W


def style_ids(styles_root: Any) -> dict[str, str]:
    """Each style's id by its name in lower case (the first, where a name repeats)."""
    found: dict[str, str] = {}
    for style in styles_root.iter(W + "style"):
        name = style.find(W + "name")
        style_id = style.get(W + "styleId")
        if name is not None and style_id:
            found.setdefault(str(name.get(VAL, "")).lower(), style_id)
    return found


_HEX = re.compile(r"[0-9A-Fa-f]{6}")
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _mix(color: str, share: float) -> str:
    """``color`` mixed with white: ``share`` 0 keeps it, 1 is white."""
    rgb = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


def _dark(color: str) -> bool:
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 160


def accent(document: Any, styles_root: Any, ids: Mapping[str, str]) -> str | None:
    """The reference's brand colour: its first heading's colour, else its theme's first
    accent; None when it has neither (or only a colour too light for rules and headings)."""
    heading = ids.get(tpl.HEADINGS[0].lower())
    for style in styles_root.iter(W + "style"):
        if style.get(W + "styleId") == heading:
            color = style.find(f"{W}rPr/{W}color")
            value = str(color.get(VAL, "")) if color is not None else ""
            if _HEX.fullmatch(value) and _dark(value):
                return value.upper()
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        theme = document.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    try:
        root = etree.fromstring(theme.blob)
    except etree.XMLSyntaxError:
        return None
    found = root.find(f".//{_A}accent1/{_A}srgbClr")
    value = str(found.get("val", "")) if found is not None else ""
    return value.upper() if _HEX.fullmatch(value) and _dark(value) else None


def brand_palette(color: str) -> dict[str, str]:
    """hirecli's own colours of tables, boxes and rules, and the brand's in their place."""
    return {
        tpl.NAVY: color,
        tpl.ACCENT: color,
        tpl.HEADER_FILL: _mix(color, 0.86),
        tpl.FACT_FILL: _mix(color, 0.94),
        tpl.NOTE_FILL: _mix(color, 0.92),
        tpl.RULE: _mix(color, 0.6),
    }


def _recolor(style: Any, palette: Mapping[str, str]) -> None:
    for node in style.iter():
        for attr in (VAL, W + "color", W + "fill"):
            value = node.get(attr)
            if value and value.upper() in palette:
                node.set(attr, palette[value.upper()])


def copy_styles(styles_root: Any, ids: dict[str, str], color: str | None = None) -> None:
    """Add hirecli's supplied styles the reference lacks, their links renamed to its ids and,
    when the reference has a brand colour, their colours taken from it."""
    ours = etree.fromstring(tpl.base_parts()["word/styles.xml"])
    our_ids = style_ids(ours)
    our_names = {style_id: name for name, style_id in our_ids.items()}
    taken = {s.get(W + "styleId") for s in styles_root.iter(W + "style")}
    wanted = [name.lower() for name in tpl.SUPPLIED_STYLES if name.lower() not in ids]
    for name in wanted:
        style_id = our_ids[name]
        new_id = style_id if style_id not in taken else f"hirecli{style_id}"
        ids[name] = new_id
        taken.add(new_id)
    for name in wanted:
        source = next(s for s in ours.iter(W + "style") if s.get(W + "styleId") == our_ids[name])
        style = copy.deepcopy(source)
        style.set(W + "styleId", ids[name])
        for link in ("basedOn", "next", "link"):
            ref = style.find(W + link)
            if ref is None:
                continue
            target_name = our_names.get(str(ref.get(VAL)))
            target = ids.get(target_name) if target_name else None
            if target is None:
                style.remove(ref)
            else:
                ref.set(VAL, target)
        num = style.find(f"{W}pPr/{W}numPr")
        if num is not None:
            num.getparent().remove(num)
        if color is not None:
            _recolor(style, brand_palette(color))
        styles_root.append(style)
