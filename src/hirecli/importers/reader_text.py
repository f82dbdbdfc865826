"""Plain text: one raw line per line; the classifier does the rest."""

from __future__ import annotations

from hirecli.importers.lines import RawLine, Read


def read_text(text: str) -> Read:
    """Lines of plain text, tabs expanded so that indentation can be compared."""
    return Read([RawLine(line.expandtabs(4).rstrip(), number)
                 for number, line in enumerate(text.splitlines(), 1)])
