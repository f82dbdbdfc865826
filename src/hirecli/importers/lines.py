"""What every reader produces: lines with the hints their format gave, and blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["heading", "bullet", "paragraph", "noise"]


@dataclass(slots=True)
class RawLine:
    """One line of source text, with what its markup said about it (if anything).

    ``kind`` is set when the format said so (an ``<h2>``, a ``List Bullet`` style);
    otherwise the classifier decides from the text. ``joinable`` lines may continue
    the line before them (hard-wrapped text); lines of HTML and DOCX never do.
    """

    text: str
    pos: int
    kind: Kind | None = None
    level: int = 0
    bold: bool = False
    joinable: bool = True


@dataclass(slots=True)
class Block:
    """A heading, bullet or paragraph after classification, with where it came from."""

    kind: Kind
    text: str
    pos: int
    end: int = 0
    level: int = 0
    cue: str = ""
    """Why a heading is one: markup, bold, caps, colon, emoji, known, lead, label."""
    inline: bool = False
    """A "Label: value" heading; its value is the next block, on the same line."""

    def __post_init__(self) -> None:
        self.end = self.end or self.pos


@dataclass(slots=True)
class Read:
    """A reader's result: the lines, a title hint from metadata, the unit of ``pos``."""

    lines: list[RawLine]
    unit: str = "line"
    title_hint: str | None = None
