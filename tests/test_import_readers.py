"""The readers: one per format, one source model (blocks with kind, text, level, list and
line:col), one section vocabulary, and no input that makes a reader raise."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.errors import HirecliError, InputFileError
from hirecli.readers import read_bytes_as, read_source
from hirecli.readers.docx import read_docx
from hirecli.readers.html import read_html
from hirecli.readers.markdown import read_markdown
from hirecli.readers.source import Source
from hirecli.readers.text import read_text
from hirecli.readers.vocabulary import group_of, heading_kind


def _shape(doc: object) -> list[tuple[object, ...]]:
    return [(b.kind, b.text, b.level, b.list, b.position) for b in doc.blocks]  # type: ignore[attr-defined]


def test_text_lines_and_bullets() -> None:
    doc = read_text("Nurse\n\nDuties\n- Chart care\n  - Check vitals\n1. Hand over\n\nWe care.\n")
    assert _shape(doc) == [
        ("line", "Nurse", 0, None, "1:1"),
        ("line", "Duties", 0, None, "3:1"),
        ("bullet", "Chart care", 1, 1, "4:3"),
        ("bullet", "Check vitals", 2, 1, "5:5"),
        ("bullet", "Hand over", 1, 1, "6:4"),
        ("line", "We care.", 0, None, "8:1"),
    ]
    assert doc.blocks[2].marker == "-"
    assert doc.blocks[4].ordered


def test_markdown_from_tokens() -> None:
    doc = read_markdown(
        "Title here\n==========\n\n## What you'll do\n\n* **Own** the [roadmap](x)\n"
        "  * nested `item`\n\n**Location:** Leeds\n**Type:** Full-time\n\n"
        "| Pay | £30,000 |\n|---|---|\n\n```\n- code\n```\n\n1. first\n2. second\n"
    )
    assert _shape(doc) == [
        ("heading", "Title here", 1, None, "1:1"),
        ("heading", "What you'll do", 2, None, "4:4"),
        ("bullet", "Own the roadmap", 1, 1, "6:5"),
        ("bullet", "nested item", 2, 2, "7:5"),
        ("paragraph", "Location: Leeds Type: Full-time", 0, None, "9:3"),
        ("row", "Pay | £30,000", 0, None, "12:3"),
        ("code", "- code", 0, None, "16:1"),
        ("bullet", "first", 1, 3, "19:4"),
        ("bullet", "second", 1, 3, "20:4"),
    ]
    facts = doc.blocks[4]
    assert facts.lines() == [("Location: Leeds", 9, 3), ("Type: Full-time", 10, 3)]
    assert doc.blocks[5].cells == ("Pay", "£30,000")
    assert doc.blocks[7].ordered


def test_html_blocks_lists_definitions_and_tables() -> None:
    doc = read_html(
        "<html><head><title>Nurse | Acme</title><style>p{}</style></head><body>\n"
        "<nav><a>Jobs</a></nav><header>Site</header><main><h1>Nurse</h1>\n"
        "<ul><li><b>Location:</b> Leeds</li><li>One<ul><li>Two</li></ul></li></ul>\n"
        "<dl><dt>Team</dt><dd>Wards</dd></dl>\n"
        "<table><tr><th>Pay</th><td>$30 an hour</td></tr></table><p><b>Perks</b></p></main>\n"
        "<footer>© Acme</footer><script>alert(1)</script></body></html>"
    )
    assert _shape(doc) == [
        ("heading", "Nurse", 1, None, "2:54"),
        ("bullet", "Location: Leeds", 1, 1, "3:12"),
        ("bullet", "One", 1, 1, "3:40"),
        ("bullet", "Two", 2, 2, "3:51"),
        ("term", "Team", 0, None, "4:9"),
        ("definition", "Wards", 0, None, "4:22"),
        ("row", "Pay | $30 an hour", 0, None, "5:8"),
        ("paragraph", "Perks", 0, None, "5:63"),
    ]
    assert doc.blocks[1].label == "Location:"
    assert doc.blocks[5].label == "Team"
    assert doc.blocks[6].cells == ("Pay", "$30 an hour")
    assert doc.blocks[6].bold
    assert doc.blocks[7].bold
    assert doc.title_hint == "Nurse | Acme"


@pytest.mark.parametrize("markup", ["<![0", "<p>a</p><![if x", "<![0<p>Nurse</p>", "<!x><p>y"])
def test_html_that_breaks_the_standard_parser_is_still_read(markup: str) -> None:
    doc = read_html(markup)
    assert all(isinstance(b.text, str) for b in doc.blocks)


def test_docx_styles_numbering_tables_and_content_controls() -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Night Nurse", style="Title")
    document.add_paragraph("Duties", style="Heading 2")
    document.add_paragraph("Check vitals", style="List Bullet")
    numbered = document.add_paragraph("Chart care")
    numbered._p.get_or_add_pPr().append(OxmlElement("w:numPr"))
    bold = document.add_paragraph()
    bold.add_run("Perks").bold = True
    wrapped = document.add_paragraph("Inside a content control")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    wrapped._p.addprevious(control)
    control.append(content)
    content.append(wrapped._p)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Location"
    table.rows[0].cells[1].text = "Leeds, UK"
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_docx(buffer.getvalue())
    assert doc.unit == "paragraph"
    assert [(b.kind, b.text, b.level, b.bold) for b in doc.blocks if b.kind != "rule"] == [
        ("heading", "Night Nurse", 1, False),
        ("heading", "Duties", 2, True),
        ("bullet", "Check vitals", 1, False),
        ("bullet", "Chart care", 1, False),
        ("paragraph", "Perks", 0, True),
        ("paragraph", "Inside a content control", 0, False),
        ("row", "Location | Leeds, UK", 0, False),
    ]
    assert doc.blocks[2].list != doc.blocks[3].list


def test_the_section_vocabulary_is_shared_data() -> None:
    assert heading_kind("What you'll do") == ("responsibilities", "duties")
    assert heading_kind("Perks & Benefits") == ("benefits", "benefits")
    assert heading_kind("Nice to have") == ("preferred", "preferred")
    assert heading_kind("Equal Opportunity") == ("equal_opportunity", "eeo")
    assert heading_kind("Sundries") is None
    assert group_of("skills.hard") == "skills"


def test_a_reader_that_fails_is_a_one_line_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import hirecli.readers.markdown as markdown

    def broken(text: str, name: str = "") -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown, "read_markdown", broken)
    with pytest.raises(InputFileError, match=r"^job\.md: cannot read this Markdown file \(RecursionError"):
        read_source(Source("job.md", b"# x", "markdown", "# x"))


def _never_raises(data: bytes, name: str) -> None:
    """Reading ``data`` gives blocks or a one-line error naming the file, nothing else."""
    message = ""
    try:
        read_bytes_as(data, name)
    except HirecliError as exc:
        message = exc.message
    assert not message or message.startswith(name)
    assert "\n" not in message


MARKUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<",
                ">",
                "<![",
                "<!",
                "</",
                "<p>",
                "</li>",
                "<ul>",
                "<li>",
                "<dl>",
                "<dt>",
                "<dd>",
                "<table>",
                "<tr>",
                "<td>",
                "<h2>",
                "<b>",
                "&",
                "&#",
                "&#x;",
                "-->",
                "<!--",
                "<?",
                "CDATA[",
                "]]>",
                "\n",
                "*",
                "**",
                "- ",
                "1. ",
                "#",
                "|",
                "`",
                "```",
                "> ",
                "    ",
            ]
        ),
        st.text(max_size=6),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP)
def test_no_markup_makes_a_reader_raise(text: str) -> None:
    for reader in (read_text, read_markdown, read_html):
        doc = reader(text)
        assert all(b.line >= 1 and b.column >= 1 for b in doc.blocks)
    for name in ("job.txt", "job.md", "job.html", "job.docx"):
        _never_raises(text.encode("utf-8", "surrogatepass"), name)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_make_a_reader_raise(data: bytes) -> None:
    for name in ("job.docx", "job.html", "job.bin"):
        _never_raises(b"PK\x03\x04" + data if name.endswith("docx") else data, name)
