"""Markdown: CommonMark with GitHub's pipe tables, readable as plain text too.

Role text is escaped so that it can never become structure: a responsibility that
starts with "1." or "#", or holds ``<script>``, ``[x](javascript:...)``, ``*`` or
``|``, comes out as the same characters. Bold and italic marks are only written
where a CommonMark parser is sure to read them as marks; elsewhere the text goes
out unmarked rather than with stray asterisks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from hirecli.doctext import one_line, safe_url, subtitle, table_grid, title_blocks, trim_inlines
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Emph,
    Heading,
    Inline,
    Inlines,
    KeyFacts,
    Link,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    inlines,
)
from hirecli.writers import WriteOptions

_ALWAYS = frozenset("\\`*_[]<>|~")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C", "`": "%60"}
_MARKS: dict[type, str] = {Strong: "**", Emph: "*"}


def escape(text: str, *, line_start: bool = False) -> str:
    """Text that a CommonMark parser shows as exactly these characters.

    Inline metacharacters are always escaped, ``&`` where it would start an entity;
    ``#``, ``-``, ``+`` and "1." only where they would open a block, at the start of a line.
    """
    out = _ENTITY.sub(r"\\&", "".join("\\" + ch if ch in _ALWAYS else ch for ch in text))
    if line_start:
        number = _LIST_NUMBER.match(out)
        if number:
            out = number.group(1) + "\\" + out[number.end(1) :]
        elif out[:1] in ("#", "-", "+", "="):
            out = "\\" + out
    return out


def _whitespace(ch: str) -> bool:
    return ch in " \t\n\r\f" or unicodedata.category(ch) == "Zs"


def _punctuation(ch: str) -> bool:
    """Punctuation as CommonMark 0.31 sees it (Unicode P and S categories)."""
    return unicodedata.category(ch)[0] in "PS"


def _can_mark(before: str, first: str, last: str, after: str) -> bool:
    """Whether ``*``/``**`` around text starting with ``first`` and ending with ``last``
    open and close, given the characters around them ("" for a line's ends)."""
    if not first or _whitespace(first) or _whitespace(last):
        return False
    opens = not _punctuation(first) or not before or _whitespace(before) or _punctuation(before)
    closes = not _punctuation(last) or not after or _whitespace(after) or _punctuation(after)
    return opens and closes


def _split_edges(content: Inlines) -> list[Inline]:
    """Marked text with outer spaces becomes space, marked text, space (``** a**`` is no mark)."""
    out: list[Inline] = []
    for node in content:
        if not isinstance(node, Strong | Emph):
            out.append(node)
            continue
        inner = node.text.strip()
        start = node.text.index(inner) if inner else len(node.text)
        lead, trail = node.text[:start], node.text[start + len(inner) :]
        out += [Text(lead)] if lead else []
        out += [replace(node, text=inner)] if inner else []
        out += [Text(trail)] if trail else []
    return out


def _url(url: str) -> str:
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in url)


def inline(content: Inlines) -> str:
    """Inline content as the one line of a block (its start escaped as a line's start)."""
    nodes = _split_edges(trim_inlines(content))
    out = ""
    marked_last = False
    for index, node in enumerate(nodes):
        at_start = not out
        url = safe_url(node.url) if isinstance(node, Link) else ""
        if url:
            if out.endswith("!"):
                out = out[:-1] + "\\!"
            out += f"[{escape(node.text)}]({_url(url)})"
            marked_last = False
            continue
        text = escape(node.text, line_start=at_start)
        mark = _MARKS.get(type(node), "")
        if mark and not marked_last:
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            after = (
                "["
                if isinstance(following, Link) and safe_url(following.url)
                else (escape(following.text)[:1] if following else "")
            )
            inner = escape(node.text)
            if _can_mark(out[-1:], inner[:1], inner[-1:], after):
                out += mark + inner + mark
                marked_last = True
                continue
        out += text
        marked_last = False
    return out


def _heading(block: Heading) -> str:
    raw = one_line(block.text).strip()
    closing = raw.endswith("#")  # "## C #" would lose its last "#" as a closing sequence
    text = escape(raw[:-1] if closing else raw, line_start=True) + ("\\#" if closing else "")
    return f"{'#' * min(max(block.level, 1), 6)} {text}".rstrip() if text else ""


def _list(items: tuple[Inlines, ...], start: int | None, alternate: bool) -> str:
    """A list; ``alternate`` switches the marker so that it does not join the list before it.

    CommonMark reads two lists with the same marker and only a blank line between
    them as one list, which would also lose a numbered list's restart.
    """
    first = min(max(start or 0, 0), 999_999_999 - len(items))
    lines = []
    for index, item in enumerate(items):
        if start is None:
            marker = "*" if alternate else "-"
        else:
            marker = f"{first + index}{')' if alternate else '.'}"
        lines.append(f"{marker} {inline(item)}".rstrip())
    return "\n".join(lines)


def _key_facts(block: KeyFacts, alternate: bool) -> str:
    items = []
    for label, value in block.facts:
        name = one_line(label).strip().removesuffix(":")
        item = inlines(Strong(name + ":"), " ", *value) if name else value
        if trim_inlines(item):
            items.append(item)
    return _list(tuple(items), None, alternate)


def _cell(text: str) -> str:
    return "[ ]" if text == CHECKBOX else escape(text)


def _table(block: Table) -> str:
    header, rows = table_grid(block)
    if not header and not rows:
        return ""
    columns = len(header or rows[0])
    lines = [
        f"| {' | '.join(_cell(c) for c in header or ('',) * columns)} |",
        f"| {' | '.join(['---'] * columns)} |",
    ]
    lines += [f"| {' | '.join(_cell(c) for c in row)} |" for row in rows]
    caption = inline(inlines(Emph(block.caption or "")))
    return "\n\n".join(p for p in (caption, "\n".join(lines)) if p)


def _callout(block: Callout) -> str:
    title = one_line(block.title).strip()
    paras = [inline(inlines(Strong(title)))] if title else []
    paras += [text for text in (inline(p) for p in block.content) if text]
    return "\n>\n".join(f"> {p}" for p in paras)


def _notes(block: NotesSpace) -> str:
    label = escape(one_line(block.label).strip().removesuffix(":") or "Notes")
    return f"_{label}:_" + "\n" * max(block.lines - 1, 0)


def _list_family(block: Block | None) -> str:
    if isinstance(block, BulletList | KeyFacts):
        return "bullet"
    return "ordered" if isinstance(block, NumberedList) else ""


def _block(block: Block, alternate: bool) -> str:
    match block:
        case Heading():
            return _heading(block)
        case Paragraph(content=content):
            return inline(content)
        case BulletList(items=items):
            return _list(items, None, alternate)
        case NumberedList(items=items, start=start):
            return _list(items, start, alternate)
        case KeyFacts():
            return _key_facts(block, alternate)
        case Table():
            return _table(block)
        case Callout():
            return _callout(block)
        case NotesSpace():
            return _notes(block)
        case PageBreak():
            return "---"
    raise TypeError(f"not a document block: {block!r}")


class MarkdownWriter:
    """CommonMark with GFM tables, for READMEs, wikis, ATS text fields and pandoc."""

    name = "md"
    extension = "md"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        parts = [_heading(h) for h in title_blocks(doc)]
        if subtitle(doc):
            parts.append(inline(inlines(Emph(subtitle(doc)))))
        previous: Block | None = None
        alternate = False
        for block in doc.blocks:
            follows_list = _list_family(block) != "" and _list_family(block) == _list_family(previous)
            text = _block(block, follows_list and not alternate)
            if text:
                parts.append(text)
                alternate = follows_list and not alternate
                previous = block
        return "\n\n".join(parts).strip("\n") + "\n"


WRITER = MarkdownWriter()
