"""A document as a safe HTML fragment: what the HTML writer writes, and what a posting's
JSON-LD description holds (so the posting builder measures and embeds the same HTML).

Only semantic tags, every piece of text escaped, links only to http, https and
mailto addresses, no inline styles; a few stable ``hirecli-*`` classes let a
careers page style the parts (and print page breaks). When a channel accepts only
some tags, everything else degrades to those: a heading to a bold paragraph, a
table to "label: value" lines.
"""

from __future__ import annotations

import html

from hirecli.doctext import (
    CHECKBOX_MARK,
    cell_text,
    one_line,
    safe_url,
    shown_address,
    subtitle,
    table_grid,
    title_blocks,
    trim_inlines,
)
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Emph,
    Heading,
    Inlines,
    KeyFacts,
    Link,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Strong,
    Table,
)

REL = "nofollow noopener"


def script_json(data: str) -> str:
    """JSON that cannot end a ``<script>`` element early, whatever its strings contain."""
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        data = data.replace(char, escaped)
    return data.strip()


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


class _Fragment:
    """Renders blocks with the tags a channel allows (all of ours when it sets none)."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = frozenset(tag.lower() for tag in allowed)

    def ok(self, *tags: str) -> bool:
        return not self.allowed or all(tag in self.allowed for tag in tags)

    def cls(self, name: str) -> str:
        """A hook class; left out for channels, whose editors drop attributes anyway."""
        return "" if self.allowed else f' class="{name}"'

    def wrap(self, tag: str, inner: str, attrs: str = "") -> str:
        return f"<{tag}{attrs}>{inner}</{tag}>" if self.ok(tag) else inner

    def para(self, inner: str, attrs: str = "") -> str:
        if not inner:
            return ""
        if self.ok("p"):
            return f"<p{attrs}>{inner}</p>"
        return inner + ("<br>" if self.ok("br") else "")

    # -- inline ------------------------------------------------------------------

    def inline(self, content: Inlines) -> str:
        out = []
        for node in trim_inlines(content):
            text = _esc(node.text)
            if isinstance(node, Strong):
                out.append(self.wrap("strong", text))
            elif isinstance(node, Emph):
                out.append(self.wrap("em", text))
            elif isinstance(node, Link):
                out.append(self._link(text, node))
            else:
                out.append(text)
        return "".join(out)

    def _link(self, text: str, node: Link) -> str:
        url = safe_url(node.url)
        if url and self.ok("a"):
            return f'<a href="{_attr(url)}" rel="{REL}">{text}</a>'
        address = shown_address(node)
        return f"{text} ({_esc(address)})" if address else text

    # -- blocks ------------------------------------------------------------------

    def heading(self, block: Heading) -> str:
        text = _esc(one_line(block.text).strip())
        tag = f"h{min(max(block.level, 1), 4)}"
        if not text:
            return ""
        return f"<{tag}>{text}</{tag}>" if self.ok(tag) else self.para(self.wrap("strong", text))

    def items(self, items: list[str], start: int | None = None) -> str:
        """A list; ordered lists fall back to numbered bullets, lists to numbered lines."""
        if not items:
            return ""
        if start is not None and self.ok("ol", "li"):
            attrs = f' start="{start}"' if start != 1 else ""
            return "\n".join([f"<ol{attrs}>", *(f"<li>{i}</li>" for i in items), "</ol>"])
        if start is not None:
            items = [f"{start + n}. {item}" for n, item in enumerate(items)]
        if self.ok("ul", "li"):
            return "\n".join(["<ul>", *(f"<li>{i}</li>" for i in items), "</ul>"])
        bullet = "" if start is not None else "• "
        return "\n".join(self.para(bullet + item) for item in items)

    def key_facts(self, block: KeyFacts) -> str:
        facts = [
            (_esc(one_line(label).strip().removesuffix(":")), self.inline(value))
            for label, value in block.facts
        ]
        facts = [(label, value) for label, value in facts if label or value]
        if not facts:
            return ""
        if self.ok("dl", "dt", "dd"):
            rows = [f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in facts]
            return "\n".join([f"<dl{self.cls('hirecli-facts')}>", *rows, "</dl>"])
        return self.items(
            [f"{self.wrap('strong', label + ':')} {value}" if label else value for label, value in facts]
        )

    def cell(self, text: str, tag: str, attrs: str = "") -> str:
        if text == CHECKBOX:
            return f"<{tag}{attrs}{self.cls('hirecli-checkbox')}>{CHECKBOX_MARK}</{tag}>"
        return f"<{tag}{attrs}>{_esc(text)}</{tag}>"

    def table(self, block: Table) -> str:
        header, rows = table_grid(block)
        if not header and not rows:
            return ""
        caption = cell_text(block.caption or "")
        if not self.ok("table", "tr", "th", "td"):
            return "\n".join(
                p
                for p in (
                    self.para(self.wrap("strong", _esc(caption))),
                    self.items([self.row_line(header, r) for r in rows]),
                )
                if p
            )
        out = [f"<table{self.cls(f'hirecli-table-{block.kind}')}>"]
        if caption and self.ok("caption"):
            out.append(f"<caption>{_esc(caption)}</caption>")
        if header:
            head = "".join(self.cell(c, "th", ' scope="col"') for c in header)
            out.append(self.wrap("thead", f"\n<tr>{head}</tr>\n"))
        body = []
        for row in rows:
            first = self.cell(row[0], "td" if block.kind == "grid" else "th", self.row_scope(block))
            body.append(f"<tr>{first}{''.join(self.cell(c, 'td') for c in row[1:])}</tr>")
        if body:
            out.append(self.wrap("tbody", "\n" + "\n".join(body) + "\n"))
        out.append("</table>")
        return "\n".join(out)

    @staticmethod
    def row_scope(block: Table) -> str:
        """Rows of every kind but a plain grid are labelled by their first cell."""
        return "" if block.kind == "grid" else ' scope="row"'

    def row_line(self, header: tuple[str, ...], row: tuple[str, ...]) -> str:
        """One table row as "label: value" text for channels without tables."""
        cells = [CHECKBOX_MARK if c == CHECKBOX else c for c in row]
        if header:
            pairs = [f"{h}: {c}".rstrip() if h else c for h, c in zip(header, cells, strict=True) if h or c]
            return "; ".join(_esc(pair) for pair in pairs)
        label, rest = cells[0], [c for c in cells[1:] if c]
        if not rest:
            return _esc(label)
        return f"{self.wrap('strong', _esc(label + ':'))} {_esc(' · '.join(rest))}"

    def callout(self, block: Callout) -> str:
        title = _esc(one_line(block.title).strip())
        paras = [self.para(self.wrap("strong", title))] if title else []
        paras += [self.para(self.inline(p)) for p in block.content]
        inner = "\n".join(p for p in paras if p)
        if not self.ok("blockquote") or not inner:
            return inner
        hook = self.cls(f"hirecli-callout hirecli-callout-{block.kind}")
        return f"<blockquote{hook}>\n{inner}\n</blockquote>"

    def notes(self, block: NotesSpace) -> str:
        label = _esc(one_line(block.label).strip().removesuffix(":") or "Notes")
        lines = [self.para(self.wrap("em", label + ":"), self.cls("hirecli-notes"))]
        if self.ok("hr"):
            lines += [f"<hr{self.cls('hirecli-notes-line')}>"] * max(block.lines, 1)
        return "\n".join(lines)

    def block(self, block: Block) -> str:
        match block:
            case Heading():
                return self.heading(block)
            case Paragraph(content=content):
                return self.para(self.inline(content))
            case BulletList(items=items):
                return self.items([self.inline(i) for i in items])
            case NumberedList(items=items, start=start):
                return self.items([self.inline(i) for i in items], start)
            case KeyFacts():
                return self.key_facts(block)
            case Table():
                return self.table(block)
            case Callout():
                return self.callout(block)
            case NotesSpace():
                return self.notes(block)
            case PageBreak():
                return f"<hr{self.cls('hirecli-page-break')}>" if self.ok("hr") else ""
        raise TypeError(f"not a document block: {block!r}")

    def document(self, doc: Document, *, embed_jsonld: bool) -> str:
        parts = [self.heading(h) for h in title_blocks(doc)]
        parts.append(self.para(_esc(subtitle(doc)), self.cls("hirecli-subtitle")))
        parts += [self.block(b) for b in doc.blocks]
        data = doc.meta.structured_data
        if embed_jsonld and data and data.strip() and self.ok("script"):
            parts.append(f'<script type="application/ld+json">\n{script_json(data)}\n</script>')
        return "\n".join(p for p in parts if p) + "\n"


def html_fragment(doc: Document, allowed: frozenset[str] = frozenset(), *, embed_jsonld: bool = True) -> str:
    """``doc`` as an HTML fragment using only the ``allowed`` tags (all of ours when empty);
    with ``embed_jsonld`` its schema.org data goes in a script block."""
    return _Fragment(allowed).document(doc, embed_jsonld=embed_jsonld)
