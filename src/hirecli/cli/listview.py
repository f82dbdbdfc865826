"""``hirecli list`` on a terminal: a table when every id fits whole, else a block per role.

An id (a role's, or the family's it extends) is what a reader copies into the next command,
so it is never cut or folded. The table keeps the id columns at their full width and wraps
the other columns; when the terminal is too narrow for that, each role is shown as a few
lines under its id, which is printed whole on a line of its own. Every value is shown with
the controls in it escaped (:mod:`hirecli.termsafe`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

HEADERS = ("ID", "Title", "Family", "Tags", "Compensation", "Duties", "Skills")
NARROWED = (("Tags", "Compensation"), ("Title",))
"""The columns that wrap, narrowed in this order (the widest of a group first); ids and numbers
keep their full width."""
_EDGE = 3
"""A column's padding and border."""


def column_widths(width: int, rows: Sequence[Sequence[str]]) -> list[int] | None:
    """Each column's width in a table of ``rows`` that fits ``width``, or ``None`` when none does.

    Ids and numbers keep their full width; tags and pay are narrowed first, then the title,
    never below the longest word, so that no word is cut either.
    """
    from rich.cells import cell_len

    table = [HEADERS, *rows]
    widths = [max(cell_len(row[i]) for row in table) for i in range(len(HEADERS))]
    excess = sum(widths) + 1 + _EDGE * len(HEADERS) - width
    for group in NARROWED:
        columns = [HEADERS.index(name) for name in group]
        least = {i: max(cell_len(word) for row in table for word in [*row[i].split(), ""]) for i in columns}
        while excess > 0:
            narrower = [i for i in columns if widths[i] > least[i]]
            if not narrower:
                break
            widths[max(narrower, key=lambda i: widths[i])] -= 1
            excess -= 1
    return widths if excess <= 0 else None


def show_roles(console: Console, title: str, rows: Sequence[Sequence[str]]) -> None:
    """``rows`` (one cell per header, as text) as a table, or stacked when no table would fit."""
    from hirecli.termsafe import safe

    shown = [tuple(safe(cell) for cell in row) for row in rows]
    widths = column_widths(console.width, shown)
    if widths is None:
        _stacked(console, safe(title), shown)
    else:
        _table(console, safe(title), shown, widths)


def _table(console: Console, title: str, rows: Sequence[Sequence[str]], widths: Sequence[int]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left")
    for name, width in zip(HEADERS, widths, strict=True):
        table.add_column(
            name, justify="right" if name in ("Duties", "Skills") else "left", width=width, overflow="fold"
        )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)


def _stacked(console: Console, title: str, rows: Sequence[Sequence[str]]) -> None:
    """Each role under its id in bold; ids and the family on lines the console never cuts."""
    from rich.text import Text

    console.print(Text(title, "italic"), soft_wrap=True)
    for role_id, role_title, family, tags, pay, duties, skills in rows:
        console.print()
        console.print(Text(role_id, "bold"), soft_wrap=True)
        console.print(Text.assemble(("Title: ", "bold"), role_title))
        if family:
            console.print(Text.assemble(("Family: ", "bold"), family), soft_wrap=True)
        if tags:
            console.print(Text.assemble(("Tags: ", "bold"), tags))
        console.print(Text.assemble(("Compensation: ", "bold"), pay))
        console.print(Text.assemble(("Duties ", "bold"), duties, ("   Skills ", "bold"), skills))
