"""Markdown: headings, lists and emphasis read from the source, inline marks removed.

A small line reader rather than a full CommonMark parser: job descriptions use a
handful of constructs, and every line must keep its line number for the report.
"""

from __future__ import annotations

import re

from hirecli.importers.lines import RawLine, Read

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_COMMENT = re.compile(r"<!--.*?-->")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(.+?)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_WHOLE_BOLD = re.compile(r"^(\*\*|__)(?P<text>.+?)\1(?P<colon>\s*:)?\s*$")


def strip_inline(text: str) -> str:
    """Text without Markdown's inline marks: links keep their words, images go."""
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _STRIKE.sub(lambda m: m.group(1), text)
    previous = None
    while previous != text:
        previous = text
        text = _STRONG.sub(lambda m: m.group(2), text)
    text = _EMPH.sub(lambda m: m.group(1) or m.group(2), text)
    return _ESCAPE.sub(lambda m: m.group(1), text)


def _table_row(line: str) -> str:
    cells = [strip_inline(c.strip()) for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) == 2:
        return f"{cells[0].rstrip(':')}: {cells[1]}"
    return " | ".join(cells)


def _content_line(raw: str, number: int) -> RawLine:
    listed = _LIST.match(raw)
    if listed:
        indent, marker, space, body = listed.groups()
        return RawLine(f"{indent}{marker}{space}{strip_inline(body)}".rstrip(), number)
    whole = _WHOLE_BOLD.match(raw.strip())
    if whole:
        text = strip_inline(whole.group("text")).strip() + (":" if whole.group("colon") else "")
        return RawLine(text, number, bold=True)
    return RawLine(strip_inline(raw).rstrip(), number)


def read_markdown(text: str) -> Read:
    """Raw lines of a Markdown document, with headings marked by their level."""
    source = text.splitlines()
    lines: list[RawLine] = []
    fence: str | None = None
    for index, original in enumerate(source):
        number = index + 1
        raw = original.expandtabs(4).rstrip()
        while _QUOTE.match(raw):
            raw = _QUOTE.sub("", raw, count=1)
        opener = _FENCE.match(raw)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
                lines.append(RawLine("", number))
            else:
                lines.append(RawLine(raw.strip(), number, kind="paragraph" if raw.strip() else None,
                                     joinable=False))
            continue
        if opener:
            fence = opener.group(1)
            lines.append(RawLine("", number))
            continue
        heading = _ATX.match(raw)
        if heading:
            title = strip_inline(heading.group(2)).strip()
            lines.append(RawLine(title, number, kind="heading" if title else None,
                                 level=len(heading.group(1))))
            continue
        nxt = source[index + 1].rstrip() if index + 1 < len(source) else ""
        if (raw.strip() and _SETEXT.match(nxt) and not _LIST.match(raw) and not _RULE.match(raw)
                and not (lines and lines[-1].text.strip() and lines[-1].kind is None)):
            level = 1 if nxt.strip().startswith("=") else 2
            lines.append(RawLine(strip_inline(raw).strip(), number, kind="heading", level=level))
            continue
        if (_SETEXT.match(raw) and lines and lines[-1].kind == "heading" and lines[-1].pos == number - 1) \
                or _RULE.match(raw) or _LINK_DEF.match(raw) or (_TABLE_RULE.match(raw) and "-" in raw):
            lines.append(RawLine("", number))
            continue
        if raw.lstrip().startswith("|") and raw.rstrip().endswith("|"):
            lines.append(RawLine(_table_row(raw), number, joinable=False))
            continue
        lines.append(_content_line(raw, number))
    return Read(lines)
