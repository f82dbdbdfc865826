"""Table column widths: no word broken in the middle, the rest of the width by content."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from hirecli.document import CHECKBOX

CHAR = 105
"""Average width of a character in table text, in twips."""
CELL_PAD = 260
"""Cell margins on both sides, with a little slack, in twips."""
_BREAKS = re.compile(r"\s+|(?<=-)")


def is_ticks(cells: Sequence[str]) -> bool:
    """A column of tick boxes (and empty cells)."""
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
        if is_ticks(cells):
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
