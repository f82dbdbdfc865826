"""A Word table's rows and cells in linear time, as python-docx presents them.

python-docx works out a vertically merged cell by walking up the table one row at a
time, and finds the row above by searching the table: a small file with a tall merged
column took minutes. :func:`fast_table` wraps a python-docx ``Table`` so that its
``rows`` and each row's ``cells`` are worked out once, top to bottom, with the same
result: a cell spanning columns appears once per column it spans, and a cell that
continues a vertical merge is the cell where the merge starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _int(element: Any, path: str, default: int) -> int:
    found = element.find(path)
    value = found.get(f"{_W}val") if found is not None else None
    return int(value) if value is not None and value.isdigit() and int(value) < 10_000 else default


def _span(tc: Any) -> int:
    return max(1, _int(tc, f"{_W}tcPr/{_W}gridSpan", 1))


def _continues(tc: Any) -> bool:
    """``w:vMerge`` without ``w:val`` (or ``continue``): the cell continues the one above."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


class _Cell:
    """What the readers use of a python-docx cell: its element and its paragraphs."""

    __slots__ = ("_tc", "parent")

    def __init__(self, tc: Any, parent: Any) -> None:
        self._tc = tc
        self.parent = parent

    @property
    def paragraphs(self) -> list[Any]:
        from docx.text.paragraph import Paragraph

        return [Paragraph(p, self.parent) for p in self._tc.iterchildren(f"{_W}p")]


class _Row:
    __slots__ = ("cells",)

    def __init__(self, cells: tuple[_Cell, ...]) -> None:
        self.cells = cells


class FastTable:
    """A python-docx ``Table`` whose ``rows`` are worked out once, in linear time."""

    def __init__(self, table: Any) -> None:
        self.table = table
        self._tbl = table._tbl

    @property
    def rows(self) -> list[_Row]:
        return list(self._rows())

    def _rows(self) -> Iterator[_Row]:
        above: dict[int, tuple[_Cell, int]] = {}
        for tr in self._tbl.iterchildren(f"{_W}tr"):
            offset = _int(tr, f"{_W}trPr/{_W}gridBefore", 0)
            here: dict[int, tuple[_Cell, int]] = {}
            cells: list[_Cell] = []
            for tc in tr.iterchildren(f"{_W}tc"):
                span = _span(tc)
                owner = above.get(offset) if _continues(tc) else None
                cell, width = owner if owner is not None else (_Cell(tc, self.table), span)
                cells.extend([cell] * width)
                here[offset] = (cell, width)
                offset += span
            above = here
            yield _Row(tuple(cells))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.table, name)


def fast_table(table: Any) -> Any:
    """``table`` as the readers use it (rows and cells), worked out in linear time."""
    return FastTable(table)
