"""The one format-neutral document tree that every builder makes and every writer reads.

A small, closed set of frozen block and inline types, in the spirit of pandoc's AST.
Builders never emit markup; writers never see a role. ``to_dict``/``from_dict`` give
the JSON form (with a format version) that the JSON writer dumps and can read back.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, ClassVar, Literal

from hirecli.frozen import Frozen, frozen, init

FORMAT_VERSION = 1

DocKind = Literal["posting", "interview-kit", "scorecard", "report"]
TableKind = Literal["grid", "facts", "scorecard", "rating", "matrix"]
CalloutKind = Literal["note", "tip", "warning"]


# ---- inline content -------------------------------------------------------------
# Frozen classes (:mod:`hirecli.frozen`): each declares its slots and writes its __init__.


@frozen
class Text(Frozen):
    """Plain text."""

    __slots__ = ("text",)
    text: str
    tag: ClassVar[str] = "text"

    def __init__(self, text: str) -> None:
        init(self, "text", text)


@frozen
class Strong(Frozen):
    """Text in bold."""

    __slots__ = ("text",)
    text: str
    tag: ClassVar[str] = "strong"

    def __init__(self, text: str) -> None:
        init(self, "text", text)


@frozen
class Emph(Frozen):
    """Text in italics."""

    __slots__ = ("text",)
    text: str
    tag: ClassVar[str] = "emph"

    def __init__(self, text: str) -> None:
        init(self, "text", text)


@frozen
class Link(Frozen):
    """Text that links to ``url``."""

    __slots__ = ("text", "url")
    text: str
    url: str
    tag: ClassVar[str] = "link"

    def __init__(self, text: str, url: str) -> None:
        init(self, "text", text)
        init(self, "url", url)


Inline = Text | Strong | Emph | Link
Inlines = tuple[Inline, ...]


def inlines(*parts: str | Inline) -> Inlines:
    """Inline content from plain strings and inline nodes."""
    return tuple(Text(p) if isinstance(p, str) else p for p in parts if p != "")


def plain(content: Inlines) -> str:
    """The text of inline content, without any marks."""
    return "".join(part.text for part in content)


# ---- blocks ---------------------------------------------------------------------


@frozen
class Heading(Frozen):
    """A section heading; level 1 is the document's own title."""

    __slots__ = ("level", "text")
    level: int
    text: str
    tag: ClassVar[str] = "heading"

    def __init__(self, level: int, text: str) -> None:
        init(self, "level", level)
        init(self, "text", text)


@frozen
class Paragraph(Frozen):
    """A paragraph of inline content."""

    __slots__ = ("content",)
    content: Inlines
    tag: ClassVar[str] = "paragraph"

    def __init__(self, content: Inlines) -> None:
        init(self, "content", content)


@frozen
class BulletList(Frozen):
    """A list with bullets, an item's inline content each."""

    __slots__ = ("items",)
    items: tuple[Inlines, ...]
    tag: ClassVar[str] = "bullet_list"

    def __init__(self, items: tuple[Inlines, ...]) -> None:
        init(self, "items", items)


@frozen
class NumberedList(Frozen):
    """A numbered list; each list restarts at ``start``."""

    __slots__ = ("items", "start")
    items: tuple[Inlines, ...]
    start: int
    tag: ClassVar[str] = "numbered_list"

    def __init__(self, items: tuple[Inlines, ...], start: int = 1) -> None:
        init(self, "items", items)
        init(self, "start", start)


@frozen
class KeyFacts(Frozen):
    """Label/value pairs shown together near the top (pay, location, type)."""

    __slots__ = ("facts",)
    facts: tuple[tuple[str, Inlines], ...]
    tag: ClassVar[str] = "key_facts"

    def __init__(self, facts: tuple[tuple[str, Inlines], ...]) -> None:
        init(self, "facts", facts)


@frozen
class Table(Frozen):
    """A table of text cells; ``kind`` tells writers which style suits it.

    ``checkbox`` cells (the text ``[ ]``) are drawn as tick boxes where the format can.
    """

    __slots__ = ("caption", "header", "kind", "rows")
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: TableKind
    caption: str | None
    tag: ClassVar[str] = "table"

    def __init__(
        self,
        header: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        kind: TableKind = "grid",
        caption: str | None = None,
    ) -> None:
        init(self, "header", header)
        init(self, "rows", rows)
        init(self, "kind", kind)
        init(self, "caption", caption)


CHECKBOX = "[ ]"


@frozen
class Callout(Frozen):
    """A boxed note for the reader: interviewer tips, warnings."""

    __slots__ = ("content", "kind", "title")
    title: str
    content: tuple[Inlines, ...]
    kind: CalloutKind
    tag: ClassVar[str] = "callout"

    def __init__(self, title: str, content: tuple[Inlines, ...], kind: CalloutKind = "note") -> None:
        init(self, "title", title)
        init(self, "content", content)
        init(self, "kind", kind)


@frozen
class NotesSpace(Frozen):
    """Room to write by hand (lines in print, an empty box on screen)."""

    __slots__ = ("label", "lines")
    lines: int
    label: str
    tag: ClassVar[str] = "notes_space"

    def __init__(self, lines: int = 4, label: str = "Notes") -> None:
        init(self, "lines", lines)
        init(self, "label", label)


@frozen
class PageBreak(Frozen):
    """Start a new page (between interviewer packets); a rule where pages do not exist."""

    __slots__ = ()
    tag: ClassVar[str] = "page_break"


Block = Heading | Paragraph | BulletList | NumberedList | KeyFacts | Table | Callout | NotesSpace | PageBreak


@frozen
class Meta(Frozen):
    """What a document is about; writers use it for titles, headers and properties.

    ``structured_data`` is serialized schema.org JSON-LD that HTML writers may embed.
    """

    __slots__ = (
        "company",
        "date",
        "keywords",
        "kind",
        "language",
        "role_id",
        "structured_data",
        "subtitle",
        "title",
    )
    title: str
    kind: DocKind
    subtitle: str | None
    company: str | None
    date: str | None
    role_id: str | None
    keywords: tuple[str, ...]
    language: str
    structured_data: str | None

    def __init__(
        self,
        title: str,
        kind: DocKind,
        subtitle: str | None = None,
        company: str | None = None,
        date: str | None = None,
        role_id: str | None = None,
        keywords: tuple[str, ...] = (),
        language: str = "en",
        structured_data: str | None = None,
    ) -> None:
        init(self, "title", title)
        init(self, "kind", kind)
        init(self, "subtitle", subtitle)
        init(self, "company", company)
        init(self, "date", date)
        init(self, "role_id", role_id)
        init(self, "keywords", keywords)
        init(self, "language", language)
        init(self, "structured_data", structured_data)


@frozen
class Document(Frozen):
    """A document: what it is about, and its blocks in order."""

    __slots__ = ("blocks", "meta")
    meta: Meta
    blocks: tuple[Block, ...]

    def __init__(self, meta: Meta, blocks: tuple[Block, ...] = ()) -> None:
        init(self, "meta", meta)
        init(self, "blocks", blocks)


# ---- JSON form ------------------------------------------------------------------

_INLINE_TYPES: dict[str, type] = {c.tag: c for c in (Text, Strong, Emph, Link)}
_BLOCK_TYPES: dict[str, type] = {
    c.tag: c
    for c in (Heading, Paragraph, BulletList, NumberedList, KeyFacts, Table, Callout, NotesSpace, PageBreak)
}


def _inline_dict(node: Inline) -> dict[str, Any]:
    out: dict[str, Any] = {"type": node.tag, "text": node.text}
    if isinstance(node, Link):
        out["url"] = node.url
    return out


def _content(items: Inlines) -> list[dict[str, Any]]:
    return [_inline_dict(i) for i in items]


def block_to_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"type": block.tag}
    for f in fields(block):
        value = getattr(block, f.name)
        if f.name in ("content",) and isinstance(block, Paragraph):
            out[f.name] = _content(value)
        elif f.name == "items":
            out[f.name] = [_content(item) for item in value]
        elif f.name == "facts":
            out[f.name] = [{"label": label, "value": _content(v)} for label, v in value]
        elif f.name == "content":
            out[f.name] = [_content(para) for para in value]
        elif f.name in ("header",):
            out[f.name] = list(value)
        elif f.name == "rows":
            out[f.name] = [list(row) for row in value]
        else:
            out[f.name] = value
    return out


def to_dict(doc: Document) -> dict[str, Any]:
    meta = {f.name: getattr(doc.meta, f.name) for f in fields(doc.meta)}
    meta["keywords"] = list(doc.meta.keywords)
    return {
        "hirecli_document": FORMAT_VERSION,
        "meta": meta,
        "blocks": [block_to_dict(b) for b in doc.blocks],
    }


def _inlines_from(items: list[dict[str, Any]]) -> Inlines:
    out: list[Inline] = []
    for item in items:
        cls = _INLINE_TYPES[item["type"]]
        out.append(cls(**{k: v for k, v in item.items() if k != "type"}))
    return tuple(out)


def block_from_dict(data: dict[str, Any]) -> Block:
    kind = data["type"]
    cls = _BLOCK_TYPES[kind]
    args = {k: v for k, v in data.items() if k != "type"}
    if cls is Paragraph:
        args["content"] = _inlines_from(args["content"])
    elif cls is Callout:
        args["content"] = tuple(_inlines_from(p) for p in args["content"])
    if "items" in args:
        args["items"] = tuple(_inlines_from(i) for i in args["items"])
    if "facts" in args:
        args["facts"] = tuple((f["label"], _inlines_from(f["value"])) for f in args["facts"])
    if "header" in args:
        args["header"] = tuple(args["header"])
    if "rows" in args:
        args["rows"] = tuple(tuple(r) for r in args["rows"])
    block: Block = cls(**args)
    return block


def from_dict(data: dict[str, Any]) -> Document:
    """Read back what :func:`to_dict` wrote (any format version up to ours)."""
    version = data.get("hirecli_document")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValueError(f"not a hirecli document of format version <= {FORMAT_VERSION}")
    meta = dict(data["meta"])
    meta["keywords"] = tuple(meta.get("keywords", ()))
    return Document(Meta(**meta), tuple(block_from_dict(b) for b in data["blocks"]))
