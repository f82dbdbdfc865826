"""Which blocks stay together on one page.

A unit is a heading of level 3 or deeper and everything after it down to the next
notes space: in an interview kit, a question with its text, probes, signals, rating
table and notes; in a scorecard, the grid with the recommendation and its reasons box.
A heading of the same or a higher level, or a page break, before any notes space means
there is no unit there. The writer keeps every paragraph of a unit with the next
(rows never split), so Word and LibreOffice move a unit that does not fit to the next
page instead of stranding its heading, its rating rows or its notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.document import Block, Heading, NotesSpace, PageBreak

DEEPEST_FIRST = 3
"""Units start at headings of this level or deeper (sections of a stage, questions)."""


def unit_spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The (first, last) block index of every unit, in order; units do not overlap."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Heading) and block.level >= DEEPEST_FIRST:
            end = _unit_end(blocks, index, block.level)
            if end is not None:
                spans.append((index, end))
                index = end + 1
                continue
        index += 1
    return spans


def keep_units(blocks: Sequence[Block]) -> dict[int, bool]:
    """Block index -> whether it keeps with the next block (True for every block of a unit
    but its closing notes space, which is False)."""
    keep: dict[int, bool] = {}
    for first, last in unit_spans(blocks):
        for inside in range(first, last):
            keep[inside] = True
        keep[last] = False
    return keep


def _unit_end(blocks: Sequence[Block], start: int, level: int) -> int | None:
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if isinstance(block, NotesSpace):
            return index
        if isinstance(block, PageBreak) or (isinstance(block, Heading) and block.level <= level):
            return None
    return None
