"""The one format-neutral document tree that every builder makes and every writer reads.

A small, closed set of frozen block and inline types, in the spirit of pandoc's AST.
Builders never emit markup; writers never see a role. ``to_dict``/``from_dict`` give
the JSON form (with a format version) that the JSON writer dumps and can read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

FORMAT_VERSION = 1

DocKind = Literal["posting", "interview-kit", "scorecard", "report"]
TableKind = Literal["grid", "facts", "scorecard", "rating", "matrix"]
CalloutKind = Literal["note", "tip", "warning"]


# ---- inline content -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    tag: ClassVar[str] = "text"


@dataclass(frozen=True, slots=True)
class Strong:
    text: str
    tag: ClassVar[str] = "strong"


@dataclass(frozen=True, slots=True)
class Emph:
    text: str
    tag: ClassVar[str] = "emph"


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    url: str
    tag: ClassVar[str] = "link"


Inline = Text | Strong | Emph | Link
Inlines = tuple[Inline, ...]


def inlines(*parts: str | Inline) -> Inlines:
    """Inline content from plain strings and inline nodes."""
    return tuple(Text(p) if isinstance(p, str) else p for p in parts if p != "")


def plain(content: Inlines) -> str:
    """The text of inline content, without any marks."""
    return "".join(part.text for part in content)


# ---- blocks ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 is the document's own title."""

    level: int
    text: str
    tag: ClassVar[str] = "heading"


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inlines
    tag: ClassVar[str] = "paragraph"


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Inlines, ...]
    tag: ClassVar[str] = "bullet_list"


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A numbered list; each list restarts at ``start``."""

    items: tuple[Inlines, ...]
    start: int = 1
    tag: ClassVar[str] = "numbered_list"


@dataclass(frozen=True, slots=True)
class KeyFacts:
    """Label/value pairs shown together near the top (pay, location, type)."""

    facts: tuple[tuple[str, Inlines], ...]
    tag: ClassVar[str] = "key_facts"


@dataclass(frozen=True, slots=True)
class Table:
    """A table of text cells; ``kind`` tells writers which style suits it.

    ``checkbox`` cells (the text ``[ ]``) are drawn as tick boxes where the format can.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: TableKind = "grid"
    caption: str | None = None
    tag: ClassVar[str] = "table"


CHECKBOX = "[ ]"


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed note for the reader: interviewer tips, warnings."""

    title: str
    content: tuple[Inlines, ...]
    kind: CalloutKind = "note"
    tag: ClassVar[str] = "callout"


@dataclass(frozen=True, slots=True)
class NotesSpace:
    """Room to write by hand (lines in print, an empty box on screen)."""

    lines: int = 4
    label: str = "Notes"
    tag: ClassVar[str] = "notes_space"


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page (between interviewer packets); a rule where pages do not exist."""

    tag: ClassVar[str] = "page_break"


Block = Heading | Paragraph | BulletList | NumberedList | KeyFacts | Table | Callout | NotesSpace | PageBreak


@dataclass(frozen=True, slots=True)
class Meta:
    """What a document is about; writers use it for titles, headers and properties."""

    title: str
    kind: DocKind
    subtitle: str | None = None
    company: str | None = None
    date: str | None = None
    role_id: str | None = None
    keywords: tuple[str, ...] = ()
    language: str = "en"
    structured_data: str | None = None
    """Serialized schema.org JSON-LD that HTML writers may embed."""


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)


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
