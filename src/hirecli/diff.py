"""What a change to role files changes in what is published: ``hirecli diff OLD NEW``.

Each side is a role file, a folder of them, or either as it was in a git commit
(``git:REF:path``). A role is compared by what it turns into: the posting's lines and
the interview kit's lines, with pay, location and the other key facts called out first.
Folders are compared role by role (matched by role id), so that a change to a family
file shows every posting it changes and nothing else.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hirecli.diffsides import Version, read_side
from hirecli.errors import UsageError

if TYPE_CHECKING:
    from hirecli.document import Block, Document
    from hirecli.model.company import Company
    from hirecli.model.gitsource import GitTree

DIFF_VERSION = 1
DATE = datetime.date(2000, 1, 1)
"""Postings are built on one fixed date, so that only the role files make a difference."""
FIRST_FACTS = ("Pay", "Location")
"""Called out before everything else."""
_SIMILAR = 0.5
"""A removed and an added line at least this alike are shown as one changed line."""

Kind = Literal["added", "removed", "changed"]
Status = Literal["changed", "unchanged", "added", "removed"]


@dataclass(frozen=True)
class Line:
    section: str
    text: str


@dataclass(frozen=True)
class LineChange:
    kind: Kind
    section: str
    old: str | None = None
    new: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "section": self.section, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Highlight:
    """A key fact that changes: pay, location, title, type of employment and the like."""

    field: str
    old: str | None
    new: str | None

    def to_dict(self) -> dict[str, object]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass
class RoleDiff:
    role_id: str
    title: str
    status: Status
    old: str | None = None
    new: str | None = None
    highlights: list[Highlight] = field(default_factory=list)
    posting: list[LineChange] = field(default_factory=list)
    kit: list[LineChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role_id,
            "title": self.title,
            "status": self.status,
            "old": self.old,
            "new": self.new,
            "highlights": [h.to_dict() for h in self.highlights],
            "posting": [c.to_dict() for c in self.posting],
            "kit": [c.to_dict() for c in self.kit],
        }


@dataclass
class DiffReport:
    old: str
    new: str
    roles: list[RoleDiff]

    @property
    def changed(self) -> bool:
        return any(r.status != "unchanged" for r in self.roles)

    def counts(self) -> dict[str, int]:
        out = {"changed": 0, "added": 0, "removed": 0, "unchanged": 0}
        for role in self.roles:
            out[role.status] += 1
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "version": DIFF_VERSION,
            "old": self.old,
            "new": self.new,
            "changed": self.changed,
            "summary": self.counts(),
            "roles": [r.to_dict() for r in self.roles if r.status != "unchanged"],
        }


# ---- what a role turns into -------------------------------------------------------


def document_lines(doc: Document) -> list[Line]:
    """The document as lines of text, each with the heading it stands under."""
    from hirecli.document import (
        BulletList,
        Callout,
        Heading,
        KeyFacts,
        NumberedList,
        Paragraph,
        Table,
        plain,
    )

    lines: list[Line] = []
    headings: dict[int, str] = {}
    section = ""

    def add(text: str) -> None:
        text = " ".join(text.split())
        if text:
            lines.append(Line(section, text))

    block: Block
    for block in doc.blocks:
        if isinstance(block, Heading):
            headings = {lvl: t for lvl, t in headings.items() if lvl < block.level}
            headings[block.level] = block.text
            section = " › ".join(headings[lvl] for lvl in sorted(headings) if lvl > 1) or block.text
            add(f"{'#' * block.level} {block.text}")
        elif isinstance(block, Paragraph):
            add(plain(block.content))
        elif isinstance(block, BulletList | NumberedList):
            for item in block.items:
                add(f"- {plain(item)}")
        elif isinstance(block, KeyFacts):
            for label, value in block.facts:
                add(f"{label}: {plain(value)}")
        elif isinstance(block, Table):
            for row in block.rows:
                add(" | ".join(row))
        elif isinstance(block, Callout):
            add(block.title)
            for content in block.content:
                add(plain(content))
    return lines


@dataclass(frozen=True)
class Built:
    facts: dict[str, str]
    title: str
    posting: list[Line]
    kit: list[Line]


def build(version: Version, *, channel: str, kit: bool) -> Built:
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.document import plain

    role, company = version.loaded.model, version.company
    result = build_posting_with_report(role, company, channel=channel, date=DATE)
    facts = {label: plain(value) for label, value in result.facts}
    kit_lines: list[Line] = []
    if kit:
        from hirecli.builders.kit.document import build_interview_kit

        kit_lines = document_lines(build_interview_kit(role, company, positions=version.loaded.positions))
    return Built(facts, result.title, document_lines(result.document), kit_lines)


def line_changes(old: Sequence[Line], new: Sequence[Line]) -> list[LineChange]:
    """Added, removed and changed lines, in the order they stand."""
    matcher = difflib.SequenceMatcher(
        None, [line.text for line in old], [line.text for line in new], autojunk=False
    )
    out: list[LineChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        gone, came = list(old[i1:i2]), list(new[j1:j2])
        while gone and came:
            before, after = gone[0], came[0]
            if difflib.SequenceMatcher(None, before.text, after.text).ratio() >= _SIMILAR:
                out.append(LineChange("changed", after.section, before.text, after.text))
                gone.pop(0)
                came.pop(0)
            elif len(gone) >= len(came):
                out.append(LineChange("removed", before.section, old=before.text))
                gone.pop(0)
            else:
                out.append(LineChange("added", after.section, new=after.text))
                came.pop(0)
        out += [LineChange("removed", line.section, old=line.text) for line in gone]
        out += [LineChange("added", line.section, new=line.text) for line in came]
    return out


def highlights(old: Built | None, new: Built | None) -> list[Highlight]:
    """Pay and location first, then the title and the other key facts, where they differ."""
    before = {"Title": old.title, **old.facts} if old else {}
    after = {"Title": new.title, **new.facts} if new else {}
    order = [*FIRST_FACTS, "Title", *(k for k in (*before, *after) if k not in (*FIRST_FACTS, "Title"))]
    seen: set[str] = set()
    out: list[Highlight] = []
    for name in order:
        if name in seen:
            continue
        seen.add(name)
        if before.get(name) != after.get(name):
            out.append(Highlight(name, before.get(name), after.get(name)))
    return out


def _same(old: Version, new: Version) -> bool:
    return old.loaded.model.model_dump() == new.loaded.model.model_dump() and (
        old.company.model_dump() if old.company else None
    ) == (new.company.model_dump() if new.company else None)


def compare_versions(old: Version | None, new: Version | None, *, channel: str, kit: bool) -> RoleDiff:
    """One role's diff; a role on one side only is added or removed as a whole."""
    either = new or old
    assert either is not None
    role = either.loaded.model
    diff = RoleDiff(
        role.slug, role.title, "unchanged", old.shown if old else None, new.shown if new else None
    )
    if old is not None and new is not None and _same(old, new):
        return diff
    built_old = build(old, channel=channel, kit=kit) if old else None
    built_new = build(new, channel=channel, kit=kit) if new else None
    diff.highlights = highlights(built_old, built_new)
    diff.posting = line_changes(
        built_old.posting if built_old else [], built_new.posting if built_new else []
    )
    diff.kit = line_changes(built_old.kit if built_old else [], built_new.kit if built_new else [])
    if old is None:
        diff.status = "added"
    elif new is None:
        diff.status = "removed"
    else:
        diff.status = "changed" if diff.highlights or diff.posting or diff.kit else "unchanged"
    return diff


def compare(
    old_spec: str,
    new_spec: str,
    *,
    channel: str = "careers",
    kit: bool = True,
    company: Company | None = None,
    use_company: bool = True,
    on_role: Callable[[str], None] | None = None,
) -> DiffReport:
    """Every role of ``old_spec`` against the same role (by id) of ``new_spec``."""
    from hirecli.channels import get_channel

    get_channel(channel)
    trees: dict[str, GitTree] = {}
    old = read_side(old_spec, company=company, use_company=use_company, trees=trees)
    new = read_side(new_spec, company=company, use_company=use_company, trees=trees)
    if old.single != new.single:
        raise UsageError(f"compare a file with a file and a folder with a folder ({old_spec} and {new_spec})")
    roles: list[RoleDiff] = []
    if old.single:
        pairs: Iterator[tuple[Version | None, Version | None]] = iter(
            [(next(iter(old.versions.values())), next(iter(new.versions.values())))]
        )
    else:
        ids = sorted({*old.versions, *new.versions})
        pairs = ((old.versions.get(i), new.versions.get(i)) for i in ids)
    for before, after in pairs:
        if on_role is not None:
            on_role((after or before).loaded.model.slug)  # type: ignore[union-attr]
        roles.append(compare_versions(before, after, channel=channel, kit=kit))
    return DiffReport(old_spec, new_spec, roles)
