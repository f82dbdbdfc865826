"""Which parts of a role's ``notes`` a posting may publish.

``hirecli import`` keeps lines of an ad that fit no field in ``notes``, under a first
line that starts with :data:`IMPORTED` and with the source line of each. Those are
raw leftovers for a person to sort, not text for candidates: a posting leaves that
paragraph out (and says so), and publishes the rest of the notes as written.
"""

from __future__ import annotations

import re

IMPORTED = "Kept from the imported ad"
"""How the importer's paragraph of leftovers begins."""
_TRACED = re.compile(r"^\s*-\s*(?:line|paragraph)\s+\d+\b")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_leftover(paragraph: str) -> bool:
    """A paragraph of import leftovers: the importer's heading, or only source-traced lines."""
    lines = [line for line in paragraph.splitlines() if line.strip()]
    return paragraph.lstrip().startswith(IMPORTED) or (bool(lines) and all(_TRACED.match(x) for x in lines))


def public_notes(text: str | None) -> str | None:
    """The notes a posting shows: every paragraph but the import leftovers."""
    if not text:
        return None
    kept = [p for p in _paragraphs(text) if not is_leftover(p)]
    return "\n\n".join(kept) or None


def held_back(text: str | None) -> int:
    """How many leftover lines from an import the notes hold (not published)."""
    if not text:
        return 0
    return sum(
        max(1, sum(1 for line in p.splitlines() if _TRACED.match(line)))
        for p in _paragraphs(text)
        if is_leftover(p)
    )
