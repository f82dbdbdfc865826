"""The writers: golden files, Markdown structure, injection safety, JSON round trip, determinism."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console
from rich.text import Text as RichText

from golden_util import assert_golden
from hirecli.document import (
    CHECKBOX,
    BulletList,
    Callout,
    Document,
    Emph,
    Heading,
    KeyFacts,
    Link,
    Meta,
    NotesSpace,
    NumberedList,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    from_dict,
    inlines,
    plain,
)
from hirecli.errors import UnknownFormatError
from hirecli.writers import WriteOptions, get_writer, known_formats, render
from hirecli.writers.terminal import print_document
from paths import ROOT

GOLDEN = ROOT / "tests" / "golden" / "writers"
TEXT_FORMATS = ("md", "html", "text", "json")
EXTENSIONS = {"md": "md", "html": "html", "text": "txt", "json": "json"}
SAFE_URL = "https://example.org/apply_now(1)?a=1&b=<2>"
UNSAFE_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,x",
    "//evil.example",
    "/relative",
    "vbscript:x",
    " javascript:alert(1)",
    "https:evil",
    "https://exa mple.org",
)
LINKEDIN = frozenset({"p", "br", "ul", "ol", "li", "strong", "em", "u"})

JSONLD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Counselor </script><script>alert(1)</script> & more",
    }
)


def sample_document() -> Document:
    """A small interview packet and posting in one, using every block and inline type."""
    return Document(
        Meta(
            title="Mental Health Professional",
            kind="posting",
            subtitle="Outpatient clinic · full-time",
            company="Example Health",
            date="2026-03-02",
            role_id="mental-health-professional",
            keywords=("counseling", "CBT"),
            structured_data=JSONLD,
        ),
        (
            KeyFacts(
                (
                    ("Pay", inlines("$55,000 – $95,000 per year")),
                    ("Location", inlines("Portland, OR, United States ", Emph("(hybrid)"))),
                    ("Apply", inlines(Link("careers page", "https://example.org/jobs?id=7&src=md"))),
                )
            ),
            Heading(2, "About the role"),
            Paragraph(
                inlines(
                    "You help clients ",
                    Strong("set goals"),
                    " and ",
                    Emph("reach them"),
                    ". Questions? Write to ",
                    Link("jobs@example.org", "mailto:jobs@example.org"),
                    " (not ",
                    Link("this link", "javascript:alert(1)"),
                    ").",
                )
            ),
            Heading(2, "What you will do"),
            BulletList(
                (
                    inlines("Run intake assessments using DSM-5 criteria"),
                    inlines("1. Keep notes in the EHR <within 24 hours>"),
                    inlines("Lead groups on *coping* skills & [bold]mindfulness[/bold]"),
                )
            ),
            BulletList((inlines("A second list right after the first"),)),
            Heading(3, "Your first 90 days"),
            NumberedList((inlines("Shadow two senior clinicians"), inlines("Carry a half caseload"))),
            NumberedList((inlines("Take a full caseload"), inlines("# Join the on-call rota")), start=3),
            Table(
                ("Rating", "Anchor"),
                (
                    ("1", "Gives no example, or one with no result"),
                    ("4", "A specific example | clear actions | a measured result"),
                ),
                kind="rating",
                caption="Rating scale: empathy",
            ),
            Table(
                ("Competency", "1", "2", "3", "4"),
                (
                    ("Clinical assessment", CHECKBOX, CHECKBOX, CHECKBOX, CHECKBOX),
                    ("Crisis intervention", CHECKBOX, CHECKBOX, CHECKBOX, CHECKBOX),
                ),
                kind="scorecard",
            ),
            Table(
                ("Interviewer", "臨床評価", "Risk"),
                (("A hiring manager", "✓", ""), ("A peer", "", "✓")),
                kind="matrix",
            ),
            Table((), (("Duration", "45 minutes"), ("Stage", "Clinical interview")), kind="facts"),
            Callout(
                "Interviewer tip",
                (
                    inlines(
                        "Ask for one specific case; ", Strong("do not"), " accept a hypothetical answer."
                    ),
                    inlines("Follow up on the result."),
                ),
                kind="tip",
            ),
            NotesSpace(lines=3),
            PageBreak(),
            Heading(2, "C# & <HTML> tools #"),
            Table(("Tool", "Use"), (("EHR", "notes"), ("Screening", "PHQ-9")), kind="grid"),
        ),
    )


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def norm(text: str) -> str:
    """Text as a reader sees it: control characters gone, whitespace runs as one space."""
    kept = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc"
    )
    return " ".join(kept.split())


class _TextContent(HTMLParser):
    """The text of an HTML fragment, with a space where one block element ends and another starts."""

    INLINE = frozenset({"strong", "em", "a", "u", "code"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.script: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.in_script = tag == "script"
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        (self.script if self.in_script else self.parts).append(data)


def html_text(fragment: str) -> _TextContent:
    parser = _TextContent()
    parser.feed(fragment)
    parser.close()
    return parser


def inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or () if child.type in ("text", "code_inline"))


def recorded_plain(doc: Document, width: int) -> str:
    console = Console(
        record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    print_document(doc, console)
    return console.export_text()


# ---- golden files ------------------------------------------------------------------


def test_sample_uses_every_block_and_inline_type() -> None:
    from hirecli.document import _BLOCK_TYPES, _INLINE_TYPES

    doc = sample_document()
    blocks = {b.tag for b in doc.blocks}
    inline_nodes = [
        n
        for b in doc.blocks
        for n in (
            b.content
            if isinstance(b, Paragraph)
            else [n for _, v in b.facts for n in v]
            if isinstance(b, KeyFacts)
            else ()
        )
    ]
    assert blocks == set(_BLOCK_TYPES)
    assert {n.tag for n in inline_nodes} == set(_INLINE_TYPES)
    kinds = {t.kind for t in doc.blocks if isinstance(t, Table)}
    assert kinds == {"grid", "facts", "scorecard", "rating", "matrix"}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_golden_sample(fmt: str) -> None:
    assert_golden(GOLDEN / f"sample.{EXTENSIONS[fmt]}", str(render(sample_document(), fmt)))


def test_golden_helper_shows_a_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    golden = tmp_path / "x.md"
    golden.write_text("one\ntwo\n", encoding="utf-8")
    assert_golden(golden, "one\ntwo\n")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)-two.*\+three"):
        assert_golden(golden, "one\nthree\n")
    with pytest.raises(pytest.fail.Exception, match="UPDATE_GOLDEN=1"):
        assert_golden(tmp_path / "missing.md", "x")
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    assert_golden(golden, "three\n")
    assert golden.read_text(encoding="utf-8") == "three\n"


# ---- Markdown structure --------------------------------------------------------------


def test_markdown_parses_into_the_documents_structure() -> None:
    doc = sample_document()
    tokens = markdown_parser().parse(str(render(doc, "md")))
    items, headings, starts = [], [], []
    for index, token in enumerate(tokens):
        if (
            token.type == "inline"
            and tokens[index - 1].type == "paragraph_open"
            and index >= 2
            and tokens[index - 2].type == "list_item_open"
        ):
            items.append(inline_text(token))
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            headings.append((tokens[index - 1].tag, inline_text(token)))
        if token.type == "ordered_list_open":
            starts.append(int(str(token.attrs.get("start", 1))))
    lists = [b for b in doc.blocks if isinstance(b, BulletList | NumberedList)]
    expected_items = [plain(item) for b in lists for item in b.items]
    facts = [
        f"{label}: {plain(value)}" for b in doc.blocks if isinstance(b, KeyFacts) for label, value in b.facts
    ]
    assert items == facts + expected_items
    assert headings == [("h1", doc.meta.title)] + [
        (f"h{b.level}", b.text) for b in doc.blocks if isinstance(b, Heading)
    ]
    assert starts == [b.start for b in doc.blocks if isinstance(b, NumberedList)]
    kinds = [t.type for t in tokens]
    assert kinds.count("bullet_list_open") == 3  # key facts and two lists that must not merge
    assert kinds.count("table_open") == sum(isinstance(b, Table) for b in doc.blocks)
    assert kinds.count("blockquote_open") == 1
    assert kinds.count("hr") == 1
    assert "html_block" not in kinds
    assert "html_inline" not in kinds


def test_markdown_prints_the_title_once() -> None:
    meta = Meta(title="Nurse", kind="posting", subtitle="Night shift")
    own_title = Document(meta, (Heading(1, "Registered Nurse"), Paragraph(inlines("x"))))
    assert render(own_title, "md") == "# Registered Nurse\n\nx\n"
    assert render(Document(meta, (Heading(2, "About"),)), "md") == "# Nurse\n\n*Night shift*\n\n## About\n"


def test_consecutive_numbered_lists_restart() -> None:
    doc = Document(
        Meta(title="T", kind="posting"),
        (
            NumberedList((inlines("a"), inlines("b"))),
            NumberedList((inlines("c"),)),
            NumberedList((inlines("d"),), start=7),
            BulletList((inlines("e"),)),
            BulletList((inlines("f"),)),
        ),
    )
    tokens = markdown_parser().parse(str(render(doc, "md")))
    lists = [(t.type, t.attrs.get("start")) for t in tokens if t.type.endswith("list_open")]
    assert lists == [
        ("ordered_list_open", None),
        ("ordered_list_open", None),
        ("ordered_list_open", 7),
        ("bullet_list_open", None),
        ("bullet_list_open", None),
    ]


# ---- injection ------------------------------------------------------------------------

NASTY = [
    "*",
    "**",
    "_",
    "__",
    "#",
    "# ",
    "|",
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "!",
    "`",
    "```",
    "~~",
    "+",
    "-",
    ".",
    "1.",
    "1)",
    "\\",
    "&",
    "&amp;",
    "&#35;",
    "&copy;",
    ":",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "[bold]",
    "[/bold]",
    "[red]x[/]",
    "<script>",
    "</script>",
    "<b>",
    "<!--",
    "[x](javascript:alert(1))",
    "| a | b |",
    "---",
    "***",
    "===",
    "> ",
    "- ",
    "1. ",
    "![",
    "](",
    "=",
    "\u00a0",
    "é",
    "臨床",
    "e\u0301",
    ":smile:",
    "{{ x }}",
    "www.example.org",
    "https://example.org",
    "a@example.org",
]
role_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=3)), max_size=8).map("".join)
short_text = role_text.map(lambda s: s[:20])


def injection_document(t: list[str], box: str) -> tuple[Document, list[list[str]]]:
    """A document with role text in every place, and what a reader must see: blocks of fragments.

    Fragments of one block are shown side by side; some formats add a link's address
    between them. ``box`` is how the format shows a checkbox cell.
    """
    assume(all(norm(cell).replace(" ", "") != "[]" for cell in t[13:17]))  # role text that is a checkbox
    link_text = t[5] if norm(t[5]) else SAFE_URL
    unsafe_text = t[7] if norm(t[7]) else UNSAFE_URLS[0]
    doc = Document(
        Meta(title="Title", kind="posting"),
        (
            Heading(2, t[0]),
            Paragraph(
                inlines(
                    Text(t[1]),
                    Strong(t[2]),
                    Emph(t[3]),
                    Text(t[4]),
                    Link(t[5], SAFE_URL),
                    Strong(t[6]),
                    Link(t[7], UNSAFE_URLS[0]),
                    Text(t[8]),
                )
            ),
            BulletList((inlines(t[9]), inlines(Strong(t[10]), Text(t[11])))),
            NumberedList((inlines(t[12]),), start=4),
            Table((t[13], "Rating"), ((t[14], CHECKBOX), (t[15], t[16]))),
            Callout("Interviewer tip", (inlines(t[17]),)),
        ),
    )
    blocks = [
        ["Title"],
        [t[0]],
        [t[1] + t[2] + t[3] + t[4] + link_text, t[6] + unsafe_text + t[8]],
        [t[9]],
        [t[10] + t[11]],
        [t[12]],
        [t[13]],
        ["Rating"],
        [t[14]],
        [box],
        [t[15]],
        [t[16]],
        ["Interviewer tip"],
        [t[17]],
    ]
    return doc, blocks


def shown_in_order(blocks: list[list[str]]) -> str:
    return norm(" ".join("".join(fragments) for fragments in blocks))


def fragments(blocks: list[list[str]]) -> list[str]:
    return [re.sub(r"\s", "", norm(f)) for fragments in blocks for f in fragments]


TEXTS = st.lists(role_text, min_size=18, max_size=18)
SHORT_TEXTS = st.lists(short_text, min_size=18, max_size=18)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_markdown_keeps_role_text_literal(t: list[str]) -> None:
    doc, expected = injection_document(t, "[ ]")
    source = str(render(doc, "md"))
    content = html_text(markdown_parser().render(source))
    assert norm("".join(content.parts)) == shown_in_order(expected)
    assert set(content.tags) <= {
        "h1",
        "h2",
        "p",
        "strong",
        "em",
        "a",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
    }
    assert [v for k, v in content.attrs if k == "href"] == [
        SAFE_URL.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    ]


inline_node = st.one_of(
    st.builds(Text, role_text),
    st.builds(Strong, role_text),
    st.builds(Emph, role_text),
    st.builds(Link, role_text, st.sampled_from([SAFE_URL, "mailto:jobs@example.org", *UNSAFE_URLS])),
)


@settings(deadline=None, max_examples=150)
@given(st.lists(inline_node, max_size=8))
def test_markdown_marks_never_leak(nodes: list[Text | Strong | Emph | Link]) -> None:
    """Bold and italic around any text, next to any other inline, never show stray ``*``."""
    content = inlines(*nodes)
    doc = Document(Meta(title="T", kind="posting"), (Paragraph(content), BulletList((content,))))
    shown = html_text(markdown_parser().render(str(render(doc, "md"))))
    expected = "".join(n.text if norm(n.text) or not isinstance(n, Link) else n.url for n in content)
    assert norm("".join(shown.parts)) == norm(f"T {expected} {expected}")


@settings(deadline=None, max_examples=150)
@given(TEXTS)
def test_html_keeps_role_text_literal(t: list[str]) -> None:
    doc, expected = injection_document(t, "☐")
    content = html_text(str(render(doc, "html")))
    assert norm("".join(content.parts)) == shown_in_order(expected)
    assert [v for k, v in content.attrs if k == "href"] == [SAFE_URL]
    assert "script" not in content.tags


@settings(deadline=None, max_examples=100)
@given(TEXTS)
def test_channel_html_keeps_role_text_with_few_tags(t: list[str]) -> None:
    doc, expected = injection_document(t, "☐")
    content = html_text(str(render(doc, "html", WriteOptions(channel_html=LINKEDIN))))
    assert set(content.tags) <= LINKEDIN
    assert content.attrs == [("start", "4")]
    shown = re.sub(r"\s", "", "".join(content.parts))
    for fragment in fragments(expected):
        assert fragment in shown


@settings(deadline=None, max_examples=150)
@given(SHORT_TEXTS)
def test_terminal_and_text_keep_role_text_literal(t: list[str]) -> None:
    doc, on_screen = injection_document(t, "☐")
    _, in_text = injection_document(t, "[ ]")
    screen = re.sub(r"\s", "", recorded_plain(doc, 100))
    text = re.sub(r"\s", "", str(render(doc, "text")))
    assert all(fragment in screen for fragment in fragments(on_screen))
    assert all(fragment in text for fragment in fragments(in_text))


def test_rich_markup_in_role_text_prints_literally() -> None:
    doc = Document(
        Meta(title="[bold]T[/bold]", kind="posting", subtitle="[red]s[/]"),
        (
            Heading(2, "[link=https://x]h[/link]"),
            Paragraph(inlines("[bold]x[/bold] :smile:")),
            BulletList((inlines("[i]y[/i]"),)),
            Table(("[b]h[/b]",), (("[u]c[/u]",),)),
            KeyFacts((("[b]Pay[/b]", inlines("[dim]1[/dim]")),)),
            Callout("[b]tip[/b]", (inlines("[x]"),)),
            NotesSpace(label="[b]Notes[/b]"),
        ),
    )
    shown = recorded_plain(doc, 100)
    for literal in (
        "[bold]T[/bold]",
        "[red]s[/]",
        "[link=https://x]h[/link]",
        "[bold]x[/bold] :smile:",
        "[i]y[/i]",
        "[b]h[/b]",
        "[u]c[/u]",
        "[b]Pay[/b]",
        "[dim]1[/dim]",
        "[b]tip[/b]",
        "[x]",
        "[b]Notes[/b]",
    ):
        assert literal in shown


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_links_become_text(url: str) -> None:
    doc = Document(Meta(title="T", kind="posting"), (Paragraph(inlines("Apply ", Link("here", url))),))
    md = str(render(doc, "md"))
    html = str(render(doc, "html"))
    assert "](" not in md
    assert "[here]" not in md
    assert "<a " not in html
    assert "href" not in html
    assert "Apply here" in md
    assert "Apply here" in html


def test_jsonld_cannot_close_its_script() -> None:
    doc = sample_document()
    html = str(render(doc, "html"))
    content = html_text(html)
    assert html.count("</script>") == 1
    assert html.count("<script") == 1
    assert json.loads("".join(content.script)) == json.loads(JSONLD)
    assert "<script" not in str(render(doc, "html", WriteOptions(embed_jsonld=False)))
    assert "<script" not in str(render(doc, "html", WriteOptions(channel_html=LINKEDIN)))


def test_html_is_a_fragment_of_semantic_tags() -> None:
    content = html_text(str(render(sample_document(), "html")))
    allowed = {
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "a",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "hr",
        "dl",
        "dt",
        "dd",
        "script",
    }
    assert set(content.tags) <= allowed
    assert {k for k, _ in content.attrs} <= {"class", "href", "rel", "start", "scope", "type"}
    assert all(v and v.startswith("hirecli-") for k, v in content.attrs if k == "class")


def test_channel_html_degrades_structure() -> None:
    html = str(render(sample_document(), "html", WriteOptions(channel_html=LINKEDIN)))
    content = html_text(html)
    assert set(content.tags) <= LINKEDIN
    assert "<p><strong>About the role</strong></p>" in html
    assert "<li>Rating: 4; Anchor: A specific example | clear actions | a measured result</li>" in html
    assert "<li><strong>Pay:</strong> $55,000 – $95,000 per year</li>" in html
    assert '<ol start="3">' in html


# ---- JSON -----------------------------------------------------------------------------


def test_json_round_trips_every_block_type() -> None:
    doc = sample_document()
    text = str(render(doc, "json"))
    data = json.loads(text)
    assert data["hirecli_document"] == 1
    assert from_dict(data) == doc
    assert text.endswith("}\n")
    assert "臨床評価" in text


# ---- properties every writer shares -----------------------------------------------------


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "terminal"])
def test_output_is_deterministic_whatever_the_environment(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first = render(sample_document(), fmt)
    for name, value in (("NO_COLOR", "1"), ("FORCE_COLOR", "0"), ("TERM", "dumb"), ("COLUMNS", "40")):
        monkeypatch.setenv(name, value)
    assert render(sample_document(), fmt) == first


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_ansi_and_no_wrapping(fmt: str) -> None:
    sentence = "You keep careful, timely notes for every client you see in the clinic. " * 8
    doc = Document(
        Meta(title="T", kind="posting"), (Paragraph(inlines(sentence)), BulletList((inlines(sentence),)))
    )
    out = str(render(doc, fmt))
    assert "\x1b" not in out
    assert any(sentence.strip() in line for line in out.splitlines())
    assert "\x1b" not in str(render(sample_document(), fmt))


def test_terminal_output_has_colour_and_fits_narrow_terminals() -> None:
    recorded = str(render(sample_document(), "terminal"))
    assert "\x1b[" in recorded
    assert "Mental Health Professional" in RichText.from_ansi(recorded).plain
    for width in (80, 120):
        lines = recorded_plain(sample_document(), width).splitlines()
        assert max(Console().measure(RichText(line)).maximum for line in lines) <= min(width, 100)


def test_plain_text_aligns_columns_by_display_width() -> None:
    doc = Document(
        Meta(title="T", kind="posting"),
        (Table(("Name", "Score"), (("臨床評価", "4"), ("Risk", CHECKBOX), ("e\u0301tude", "2"))),),
    )
    lines = str(render(doc, "text")).splitlines()
    rows = lines[lines.index("Name      Score") :]
    assert rows == ["Name      Score", "--------  -----", "臨床評価  4", "Risk      [ ]", "e\u0301tude     2"]


def test_plain_text_layout() -> None:
    out = str(render(sample_document(), "text"))
    assert out.startswith("Mental Health Professional\n==========================\n")
    assert "What you will do\n----------------\n" in out
    assert "• Run intake assessments" in out
    assert "3. Take a full caseload" in out
    assert "Pay: $55,000 – $95,000 per year" in out
    assert "careers page <https://example.org/jobs?id=7&src=md>" in out
    assert out.endswith("\n")
    assert not out.endswith("\n\n")


def test_unknown_format_lists_known_formats() -> None:
    with pytest.raises(UnknownFormatError) as error:
        get_writer("pdf")
    for name in known_formats():
        assert name in str(error.value)
    assert error.value.exit_code == 2


@pytest.mark.parametrize("fmt", ["md", "markdown", "html", "text", "txt", "json", "terminal"])
def test_registry_finds_each_writer(fmt: str) -> None:
    writer = get_writer(fmt)
    assert writer.binary is False
    assert isinstance(writer.render(sample_document(), WriteOptions()), str)


def test_empty_document_renders_in_every_format() -> None:
    doc = Document(Meta(title="", kind="report"), (Paragraph(()), BulletList(()), Table((), ())))
    for fmt in (*TEXT_FORMATS, "terminal"):
        out = str(render(doc, fmt))
        assert out.endswith("\n")
    assert str(render(doc, "md")) == "\n"
