"""A rough page layout, so that a block that would not fit starts on a new page.

Word keeps a block together from its keep-with-next settings, but LibreOffice does not
keep a table with the paragraph after it, so a question's rating table or notes could
still land on the next page. The writer therefore estimates, as it goes, where on the
page each paragraph and table row ends (from the text length, font size, spacing and
column widths of the styles in use), and puts a page break before a block that will
not fit in what is left of the page. The estimate leans long: a block moved a little
early costs some white space, a block split costs a reader.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from hirecli.writers.docx.xml import VAL, Element, W

CHAR_EM = 0.49
"""Average width of a character of body text, in ems (Arial, mixed case with spaces),
measured on kit text printed by LibreOffice."""
BOLD = 1.11
"""How much wider bold text runs."""
FILL = 0.92
"""Share of a line that text fills once words wrap."""
SAFETY = 0.04
"""Share of the page kept in reserve for what the estimate misses."""


@dataclass(frozen=True, slots=True)
class Metrics:
    size: int
    """Font size in half-points."""
    line: int
    """Line spacing: 240ths of a line (auto) or twips (exact/atLeast)."""
    rule: str
    before: int
    after: int
    indent: int

    def height(self, segments: list[int], width: int, *, bold: float = 0.0) -> int:
        """Twips a paragraph takes in ``width`` twips: ``segments`` are the lengths of its
        pieces between line breaks, ``bold`` the share of its text in bold."""
        char = self.size * 10 * CHAR_EM * (1 + (BOLD - 1) * bold)
        per_line = max(1, int((width - self.indent) * FILL / char))
        lines = sum(max(1, math.ceil(length / per_line)) for length in segments)
        if self.rule == "auto":
            line = self.size * 10 * 1.17 * self.line / 240
        else:
            line = max(self.line, self.size * 10 * 1.17)
        return int(self.before + self.after + lines * line)


def _int(value: Any, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _props(style: Element | None, found: dict[str, Any]) -> None:
    if style is None:
        return
    spacing = style.find(f"{W}pPr/{W}spacing")
    if spacing is not None:
        for key in ("before", "after", "line", "lineRule"):
            if spacing.get(W + key) is not None and key not in found:
                found[key] = spacing.get(W + key)
    ind = style.find(f"{W}pPr/{W}ind")
    if ind is not None and "indent" not in found:
        found["indent"] = _int(ind.get(W + "left"), 0)
    if style.find(f"{W}pPr/{W}numPr") is not None and "indent" not in found:
        found["indent"] = 360
    size = style.find(f"{W}rPr/{W}sz")
    if size is not None and "size" not in found:
        found["size"] = size.get(VAL)


class Styles:
    """Paragraph metrics by style id, following ``basedOn`` to the document defaults."""

    def __init__(self, root: Element) -> None:
        self.by_id = {s.get(W + "styleId"): s for s in root.iter(W + "style")}
        self.defaults: dict[str, Any] = {}
        _props(root.find(f"{W}docDefaults/{W}pPrDefault"), self.defaults)
        size = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
        if size is not None:
            self.defaults.setdefault("size", size.get(VAL))
        default = next(
            (
                s
                for s in root.iter(W + "style")
                if s.get(W + "type") == "paragraph" and s.get(W + "default") == "1"
            ),
            None,
        )
        self.normal = default.get(W + "styleId") if default is not None else None
        self.cache: dict[str | None, Metrics] = {}

    def metrics(self, style_id: str | None) -> Metrics:
        if style_id in self.cache:
            return self.cache[style_id]
        found: dict[str, Any] = {}
        seen: set[str] = set()
        current = style_id or self.normal
        while current and current in self.by_id and current not in seen:
            seen.add(current)
            style = self.by_id[current]
            _props(style, found)
            based = style.find(W + "basedOn")
            current = based.get(VAL) if based is not None else None
        for key, value in self.defaults.items():
            found.setdefault(key, value)
        metrics = Metrics(
            size=_int(found.get("size"), 22),
            line=_int(found.get("line"), 276),
            rule=str(found.get("lineRule", "auto")),
            before=_int(found.get("before"), 0),
            after=_int(found.get("after"), 160),
            indent=_int(found.get("indent"), 0),
        )
        self.cache[style_id] = metrics
        return metrics


def _text(p: Element) -> tuple[list[int], float]:
    """The lengths of a paragraph's lines between breaks, and the share of bold text."""
    segments = [0]
    chars = bold = 0
    for r in p.iter(W + "r"):
        is_bold = r.find(f"{W}rPr/{W}b") is not None
        for child in r:
            if child.tag == W + "t":
                count = len(child.text or "")
                segments[-1] += count
                chars += count
                bold += count if is_bold else 0
            elif child.tag == W + "br":
                segments.append(0)
    return segments, (bold / chars if chars else 0.0)


class Layout:
    """Where the current page is filled to, as the body grows."""

    def __init__(self, styles: Styles, page_height: int, width: int) -> None:
        self.styles = styles
        self.page = page_height
        self.width = width
        self.used = 0
        self.page_count = 1
        self.measured: dict[int, tuple[Element, list[int]]] = {}

    def paragraph_height(self, p: Element, width: int) -> int:
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        metrics = self.styles.metrics(style.get(VAL) if style is not None else None)
        spacing = ppr.find(W + "spacing") if ppr is not None else None
        if spacing is not None:
            metrics = Metrics(
                metrics.size,
                _int(spacing.get(W + "line"), metrics.line),
                str(spacing.get(W + "lineRule") or metrics.rule),
                _int(spacing.get(W + "before"), metrics.before),
                _int(spacing.get(W + "after"), metrics.after),
                metrics.indent,
            )
        segments, bold = _text(p)
        size = ppr.find(f"{W}rPr/{W}sz") if ppr is not None else None
        if size is not None and not any(segments):
            metrics = Metrics(
                _int(size.get(VAL), metrics.size),
                metrics.line,
                metrics.rule,
                metrics.before,
                metrics.after,
                metrics.indent,
            )
        return metrics.height(segments, width, bold=bold)

    def row_heights(self, tbl: Element) -> list[int]:
        widths = [_int(c.get(W + "w"), 2000) for c in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        heights = []
        for tr in tbl.iterfind(W + "tr"):
            least = tr.find(f"{W}trPr/{W}trHeight")
            if least is not None and sum(len(t.text or "") for t in tr.iter(W + "t")) <= 5:
                heights.append(_int(least.get(VAL), 0))
                continue
            tallest = _int(least.get(VAL), 0) if least is not None else 0
            for column, tc in enumerate(tr.iterfind(W + "tc")):
                width = widths[column] if column < len(widths) else self.width // max(len(widths), 1)
                inner = sum(self.paragraph_height(p, width - 200) for p in tc.iterfind(W + "p"))
                inner += sum(sum(self.row_heights(t)) for t in tc.iterfind(W + "tbl"))
                tallest = max(tallest, inner + 160)
            heights.append(tallest)
        return heights

    def heights(self, element: Element) -> list[int]:
        """The heights of the pieces of ``element`` that can move to the next page alone:
        the paragraph, or each row of a table (measured once: the body only grows)."""
        found = self.measured.get(id(element))
        if found is not None and found[0] is element:
            return found[1]
        if element.tag == W + "tbl":
            heights = self.row_heights(element)
        elif element.tag == W + "p":
            heights = [self.paragraph_height(element, self.width)]
        else:
            heights = []
        self.measured[id(element)] = (element, heights)
        return heights

    def height(self, elements: list[Element]) -> int:
        return sum(h for e in elements for h in self.heights(e))

    def fits(self, height: int) -> bool:
        return self.used + height <= self.page * (1 - SAFETY)

    def new_page(self) -> None:
        self.used = 0
        self.page_count += 1

    def advance(self, element: Element) -> None:
        """Move the position past ``element``, starting pages where the element says so."""
        if element.tag == W + "p":
            ppr = element.find(W + "pPr")
            if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
                self.new_page()
            if any(br.get(W + "type") == "page" for br in element.iter(W + "br")):
                self.new_page()
                return
            if ppr is not None and ppr.find(W + "sectPr") is not None:
                self.new_page()
                return
        for piece in self.heights(element):
            if self.used + piece > self.page and self.used > 0:
                self.new_page()
            self.used += piece
            while self.used > self.page:
                self.used -= self.page
                self.page_count += 1
