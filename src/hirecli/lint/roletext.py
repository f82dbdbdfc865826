"""Where the words hirecli shows for a role are written: the role file, the family files it
inherits from, or the company profile.

Every value of a loaded role carries its place: the loader's source map says where each
value stands, and in which file an inherited (``extends:``) value was written. A
:class:`~hirecli.lint.yamlmap.SourceText` of that file places each character of the
scalar found there. So a finding is placed from the YAML path the text came from,
never by searching the posting for the role's words. Text hirecli wrote around a value
("Pay:", "A background in ...") points at the start of the field it describes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

from hirecli.lint.model import Anchor, Locator
from hirecli.lint.yamlmap import Path, SourceText

if TYPE_CHECKING:
    from hirecli.model.yamlsource import Position, SourceMap

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Text with runs of white space made one space, as postings and the linter read it."""
    return _SPACE.sub(" ", text).strip()


def dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@functools.lru_cache(maxsize=8)
def yaml_text(text: str) -> SourceText:
    """A YAML file's text as the loader parses it: control characters read as spaces.

    The last few are kept: the company profile and family files behind every role of a run
    are the same, and their scalars are read once.
    """
    from hirecli.model.fields import CONTROL

    return SourceText(CONTROL.sub(lambda m: m.group() if m.group() in "\t\r\x85" else " ", text))


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a piece of a posting is written, and whether hirecli wrote it."""

    file: str
    where: Locator
    field: str | None
    generated: bool


def part(locator: Locator, start: int, end: int) -> Locator:
    """The locator of ``text[start:end]``, for a locator of ``text``."""
    line, column = locator.position(start)
    anchors = [Anchor(0, line, column)]
    anchors += [Anchor(a.offset - start, a.line, a.column) for a in locator.anchors if start < a.offset < end]
    limit = locator.limit - start if locator.limit < (1 << 30) else 1 << 30
    return Locator(tuple(anchors), max(limit, 0))


def _word_find(text: str, piece: str, start: int = 0) -> int:
    while True:
        at = text.find(piece, start)
        if at < 0:
            return -1
        end = at + len(piece)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        start = at + 1


class RoleFiles:
    """The YAML texts behind a role: its own file, its company profile, its family files."""

    def __init__(self, positions: SourceMap, company: SourceMap | None, texts: dict[str, str]) -> None:
        self.positions = positions
        self.company = company
        self.texts: dict[str, SourceText | None] = {name: yaml_text(text) for name, text in texts.items()}
        self.used: set[tuple[str, Path]] = set()
        """(file, path in that file) of every scalar some posting text or question came from."""

    def text(self, file: str) -> SourceText | None:
        """A file's text: the role and company files as read, a family file read when first needed."""
        if file not in self.texts:
            from hirecli.model.yamlsource import MAX_BYTES

            try:
                data = FilePath(file).read_bytes()[: MAX_BYTES + 1]
                self.texts[file] = yaml_text(data.decode("utf-8-sig")) if len(data) <= MAX_BYTES else None
            except (OSError, UnicodeDecodeError):
                self.texts[file] = None
        return self.texts[file]

    def where(self, path: Path, *, company: bool = False) -> tuple[str, Position]:
        """The file and place of the value at ``path`` (an inherited value's own file and place)."""
        smap = self.company if company and self.company is not None else self.positions
        return smap.where(path)

    def value(self, path: Path, *, company: bool = False) -> tuple[str, SourceText | None, Path | None]:
        """The file of the value at ``path``, its text, and the path of its scalar in that file."""
        file, pos = self.where(path, company=company)
        source = self.text(file)
        return file, source, source.path_at(pos.line, pos.column) if source is not None else None

    def fallback(self, path: Path, *, company: bool = False) -> Placed:
        """Words hirecli wrote about the field at ``path``: placed at the field's start."""
        file, pos = self.where(path, company=company)
        return Placed(file, Locator.at(pos.line, pos.column, exact=False), dotted(path), True)

    def place(
        self, text: str, paths: Sequence[Path], *, company: bool = False, field: Path | None = None
    ) -> Placed:
        """Where ``text`` is written: hirecli shows it for the values at ``paths``, in order, with
        words of its own around them (or one paragraph of the first). Text that shows none of
        them is hirecli's own, placed at ``field`` (by default the first path)."""
        found: list[tuple[int, Locator, str]] = []
        cursor = 0
        for path in paths:
            file, source, scalar = self.value(path, company=company)
            if source is None or scalar is None:
                continue
            value = fold(source.scalars[scalar].value)
            whole = source.locator(scalar, value) if value else None
            if whole is None or (found and file != found[0][2]):
                continue
            if value == text:
                self.used.add((file, scalar))
                return Placed(file, whole, dotted(path), False)
            at = _word_find(text, value, cursor)
            inside = _word_find(value, text) if at < 0 and not found else -1
            if inside >= 0:  # one paragraph of a longer value
                self.used.add((file, scalar))
                return Placed(file, part(whole, inside, inside + len(text)), dotted(path), False)
            if at >= 0:
                self.used.add((file, scalar))
                found.append((at, whole, file))
                cursor = at + len(value)
        if not found:
            return self.fallback(field if field is not None else paths[0], company=company)
        anchors: list[Anchor] = []
        if found[0][0] > 0:
            _, pos = self.where(paths[0], company=company)
            anchors.append(Anchor(0, pos.line, pos.column))
        for at, whole, _ in found:
            anchors += [Anchor(a.offset + at, a.line, a.column) for a in whole.anchors]
        return Placed(found[0][2], Locator(tuple(anchors)), dotted(paths[0]), False)
