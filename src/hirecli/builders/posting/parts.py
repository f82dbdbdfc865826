"""The pieces a posting is assembled from before it becomes a document tree.

Sections are kept as editable drafts (headings, paragraphs, lists of items) so that a
channel's limits can drop items and sections by name, and so that templates can read
each section as plain strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from hirecli.document import Block, BulletList, Heading, Inlines, KeyFacts, Paragraph, plain

_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces folded to single spaces."""
    return _SPACE.sub(" ", text).strip()


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines, each paragraph folded to one line."""
    return [one_line(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass(frozen=True)
class Notice:
    """Something the builder changed or could not do, for stderr.

    ``strict`` notices (a channel's limits) become an error under ``--strict``; the others
    report what the user asked for (``--max-bullets``).
    """

    message: str
    strict: bool = True

    def __str__(self) -> str:
        return self.message


@dataclass
class ItemList:
    """One bulleted list inside a section."""

    key: str
    """Which list of the role it is: primary, secondary, hard, entry_points, ..."""
    noun: str
    """What its items are called in notices: "responsibilities", "benefits"."""
    items: list[Inlines]
    label: str | None = None
    """A sub-heading shown above the list."""


@dataclass
class Section:
    """One section of a posting: a heading, paragraphs, then lists."""

    name: str
    heading: str
    paragraphs: list[Inlines] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)

    @property
    def bullets(self) -> int:
        return sum(len(part.items) for part in self.lists)

    @property
    def empty(self) -> bool:
        return not self.paragraphs and not self.bullets

    def blocks(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.heading)]
        out += [Paragraph(content) for content in self.paragraphs]
        for part in self.lists:
            if not part.items:
                continue
            if part.label:
                out.append(Heading(3, part.label))
            out.append(BulletList(tuple(part.items)))
        return out

    def strings(self) -> list[str]:
        """The section's text as plain strings: paragraphs, then list items."""
        return [plain(p) for p in self.paragraphs] + [plain(i) for part in self.lists for i in part.items]


def words(blocks: Iterable[Block]) -> int:
    """How many words a reader sees in ``blocks`` (headings, labels and values included)."""
    count = 0
    for block in blocks:
        if isinstance(block, Heading):
            count += len(block.text.split())
        elif isinstance(block, Paragraph):
            count += len(plain(block.content).split())
        elif isinstance(block, BulletList):
            count += sum(len(plain(item).split()) for item in block.items)
        elif isinstance(block, KeyFacts):
            count += sum(len(label.split()) + len(plain(value).split()) for label, value in block.facts)
    return count
