"""List items that hold several items folded into one, for ``hirecli validate`` to warn about.

In YAML, a line indented more than the ``- `` above it continues that item. So when
one item of a list is indented three spaces and the rest four, every item after it
folds into it: "Build pipelines - Review code - Mentor staff ...", one long bullet,
and the file is still valid. Two signs give such an item away: runs of " - " inside
it, and several sentences each opening with a verb, as list items do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from hirecli.yamlimport import yaml

if TYPE_CHECKING:
    from hirecli.model.role import Role
    from hirecli.model.yamlsource import SourceMap

LISTS = (
    ("responsibilities", "primary"),
    ("responsibilities", "secondary"),
    ("qualifications", "required"),
    ("qualifications", "preferred"),
    ("education", "minimum"),
    ("education", "preferred"),
    ("education", "fields_of_study"),
    ("experience", "preferred"),
    ("career_path", "entry_points"),
    ("career_path", "advancement"),
    ("career_path", "lateral_moves"),
    ("benefits", None),
)
_DASH_RUN = re.compile(r"\s-\s+(?=[A-Z])")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z])")
_DASH_ITEM = re.compile(r"^(\s*)-\s")


@dataclass(frozen=True, slots=True)
class Folded:
    """One list item that looks like several: where it is and why it looks so."""

    path: tuple[str | int, ...]
    line: int
    column: int
    pieces: int
    why: str
    message: str


@cache
def _verbs() -> frozenset[str]:
    text = (files("hirecli") / "data" / "import" / "verbs.yaml").read_text("utf-8")
    return frozenset(str(v).lower() for v in yaml.safe_load(text)["verbs"])


def _verb_led(text: str) -> bool:
    first = re.match(r"[A-Za-z]+", text.strip())
    return bool(first and first.group().lower() in _verbs())


def looks_folded(text: str) -> tuple[int, str] | None:
    """(how many items, why) when ``text`` reads as several list items in one."""
    runs = _DASH_RUN.split(text)
    led_runs = sum(1 for piece in runs if _verb_led(piece))
    if len(runs) >= 3 or (len(runs) == 2 and led_runs == 2):
        return len(runs), "' - ' runs inside it"
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    led = sum(1 for s in sentences if _verb_led(s))
    if len(sentences) >= 3 and led >= 3 and led >= len(sentences) - 1:
        return len(sentences), "several sentences, each opening with a verb"
    return None


def _indent_hint(lines: list[str], line: int) -> str:
    """What the source's indentation shows around the item's dash at ``line`` (1-based)."""
    if not 0 < line <= len(lines):
        return ""
    dash = _DASH_ITEM.match(lines[line - 1]) or re.match(r"^(\s*)", lines[line - 1])
    own = len(dash.group(1)) if dash else 0
    for following in lines[line : line + 40]:
        found = _DASH_ITEM.match(following)
        if found and len(found.group(1)) > own:
            return (
                f"; the '- ' lines after it are indented {len(found.group(1))} spaces and its own "
                f"'- ' {own}, so YAML reads them as more of its text: indent every '- ' of the list "
                "the same"
            )
    return "; if the items were meant apart, check that every '- ' of the list is indented the same"


def folded_items(role: Role, positions: SourceMap | None = None, text: str | None = None) -> list[Folded]:
    """Every list item of ``role`` that looks like several folded into one."""
    lines = text.splitlines() if text else []
    found: list[Folded] = []
    for parent, child in LISTS:
        holder = getattr(role, parent)
        items = holder if child is None else getattr(holder, child)
        for index, item in enumerate(items):
            verdict = looks_folded(str(item))
            if verdict is None:
                continue
            path: tuple[str | int, ...] = (parent, index) if child is None else (parent, child, index)
            pos = positions.locate(path) if positions is not None else None
            line, column = (pos.line, pos.column) if pos else (1, 1)
            dotted = f"{parent}.{child}[{index}]" if child else f"{parent}[{index}]"
            message = f"{dotted} looks like {verdict[0]} items folded into one ({verdict[1]})" + (
                _indent_hint(lines, line)
                if lines
                else "; check that every '- ' of the list is indented the same"
            )
            found.append(Folded(path, line, column, verdict[0], verdict[1], message))
    return found
