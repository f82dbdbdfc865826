"""Turning the blocks of a posting into located segments with sections.

:mod:`hirecli.lint.postings` feeds a :class:`LayoutBuilder`: it numbers the bullet
lists, and works out what each section is about from its heading with the readers'
section vocabulary (``data/readers/sections.yaml``, shared with ``import``), so that
the structure checks can tell duties from requirements from benefits whatever the
posting calls them. A segment's section is the vocabulary's group: duties,
requirements, preferred, skills, benefits, pay, about, eeo, apply, career, summary,
facts or other.
"""

from __future__ import annotations

import re

from hirecli.lint.model import Locator, Segment, SegmentKind

_DECORATION = re.compile(r"^[\W_]+|[\s:*_#]+$")


def section_kind(heading: str) -> str | None:
    """The group of the section a heading opens; None when the heading names no section."""
    from hirecli.readers.vocabulary import heading_kind

    found = heading_kind(_DECORATION.sub("", heading))
    return found[1] if found else None


class LayoutBuilder:
    """Collects segments in reading order, tracking the current section and bullet list."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.segments: list[Segment] = []
        self._section = ""
        self._section_level = 99
        self._heading = ""
        self._group = -1
        self._in_list = False

    def add(
        self,
        kind: SegmentKind,
        text: str,
        where: Locator,
        *,
        level: int | None = None,
        new_list: bool = False,
    ) -> None:
        """Add a segment; ``level`` is a heading's level when the format has levels."""
        if not text.strip():
            return
        if kind in ("heading", "title"):
            self._start_section(text, level)
            self._in_list = False
        elif kind == "bullet":
            if new_list or not self._in_list:
                self._group += 1
            self._in_list = True
        else:
            self._in_list = False
        group = self._group if kind == "bullet" else -1
        self.segments.append(Segment(text, kind, where, self.file, self._section, self._heading, group))

    def end_list(self) -> None:
        self._in_list = False

    def _start_section(self, text: str, level: int | None) -> None:
        self._heading = _DECORATION.sub("", text)
        kind = section_kind(text)
        if kind is not None:
            self._section = kind
            self._section_level = level if level is not None else 99
        elif level is not None and level <= self._section_level:
            self._section = ""
            self._section_level = 99
