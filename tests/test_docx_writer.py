"""The DOCX writer, read back with python-docx: styles, lists, tables, header and footer,
links, page breaks, properties, text safety and reproducible bytes."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    inlines,
)
from hirecli.writers import WriteOptions, get_writer, render
from hirecli.writers.docx.columns import column_widths
from hirecli.writers.docx.package import ZIP_TIME
from hirecli.writers.docx.page import page_size
from hirecli.writers.docx.writer import render_docx
from hirecli.writers.docx.xml import segments, xml_safe
from paths import ROOT

GOLDEN = ROOT / "tests" / "golden" / "docx"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
APPLY = "https://example.com/careers"
COMPANY = "Fernhollow Commons Cooperative"
PPR = qn("w:pPr")
DEFAULTS = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"


def every_block(language: str = "en", *, blocks: tuple[Any, ...] | None = None, **meta: Any) -> Document:
    """A document that uses every block type, the way an interview kit does."""
    fields = {
        "title": "Backend Software Engineer",
        "kind": "interview-kit",
        "subtitle": "Interview kit for the hiring team",
        "company": COMPANY,
        "date": "2025-03-14",
        "role_id": "software-engineer",
        "keywords": ("Technology", "Backend"),
        "language": language,
    }
    fields.update(meta)
    rating = ("1 – Poor", "2 – Mixed", "3 – Good", "4 – Excellent")
    body = (
        Heading(1, "Backend Software Engineer"),
        Paragraph(
            inlines(
                "You build the ",
                Strong("services"),
                " behind our ",
                Emph("clinics"),
                ". Apply at ",
                Link("our careers page", APPLY),
                ".",
            )
        ),
        KeyFacts(
            (
                ("Pay", inlines("$135,000 – $170,000 per year")),
                ("Location", inlines("Remote")),
                ("Apply", inlines(Link(APPLY, APPLY))),
            )
        ),
        Heading(2, "What you will do"),
        BulletList((inlines("Design and run backend services."), inlines("Review code kindly."))),
        Heading(2, "Interview plan"),
        NumberedList(tuple(inlines(s) for s in ("Recruiter call", "Technical conversation", "Team"))),
        Heading(3, "Before each interview"),
        NumberedList((inlines("Read the résumé."), inlines("Read the scorecard.")), start=3),
        Callout("Tip", (inlines("Ask everyone the same questions."), inlines("Write down what was said."))),
        Table(
            ("Rating", "What it means"),
            tuple((r, f"Answer {i}") for i, r in enumerate(rating)),
            kind="rating",
            caption="Rating scale",
        ),
        PageBreak(),
        Heading(2, "Scorecard"),
        Table(
            ("Competency", "Weight", *"1234", "Notes"),
            (("Python", "3", *([CHECKBOX] * 4), ""), ("Written Communication", "2", *([CHECKBOX] * 4), "")),
            kind="scorecard",
        ),
        Callout("Do not ask", (inlines("About age, family plans or health."),), kind="warning"),
        NotesSpace(lines=3, label="Notes"),
        Table(("Stage", "Minutes"), (("Call", "30"), ("Team", "60")), kind="grid"),
        PageBreak(),
        Table(("Label", "Value"), (("Team", "Platform"),), kind="facts"),
    )
    return Document(Meta(**fields), body if blocks is None else blocks)


def opened(doc: Document, options: WriteOptions | None = None) -> Any:
    data = render(doc, "docx", options)
    assert isinstance(data, bytes)
    return open_docx(io.BytesIO(data))


def body_paragraphs(document: Any) -> list[Any]:
    return list(document.paragraphs)


def styles_used(document: Any) -> list[str]:
    return [p.style.name for p in document.paragraphs if p.text.strip()]


def num_id(paragraph: Any) -> int | None:
    found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else int(found.get(qn("w:val")))


def numbering_root(document: Any) -> Any:
    return document.part.numbering_part.element


def abstract_format(document: Any, number: int) -> tuple[str, int | None]:
    """The list format (bullet, decimal) and start override behind a numbering id."""
    root = numbering_root(document)
    num = next(n for n in root.iter(qn("w:num")) if n.get(qn("w:numId")) == str(number))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    abstract = next(a for a in root.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    fmt = abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val"))
    return fmt, None if start is None else int(start.get(qn("w:val")))


def test_registered_in_the_writer_registry() -> None:
    writer = get_writer("docx")
    assert (writer.name, writer.extension, writer.binary) == ("docx", "docx", True)
    assert get_writer("word") is writer


def test_titles_headings_and_lists_use_word_styles() -> None:
    document = opened(every_block())
    used = styles_used(document)
    assert used[:2] == ["Title", "Subtitle"]
    for name in (
        "Heading 1",
        "Heading 2",
        "List Bullet",
        "List Number",
        "Caption",
        "HC Callout Title",
        "HC Callout",
        "HC Warning Title",
        "HC Warning",
        "HC Notes Label",
    ):
        assert name in used, name
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["What you will do", "Interview plan", "Scorecard"]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == ["Before each interview"]


def test_deep_headings_stop_at_heading_3() -> None:
    blocks = (Heading(1, "T"), Heading(4, "Four"), Heading(6, "Six"))
    document = opened(every_block(blocks=blocks))
    assert [p.style.name for p in document.paragraphs] == ["Title", "Subtitle", "Heading 3", "Heading 3"]


def test_title_is_added_when_the_document_has_none() -> None:
    document = opened(every_block(blocks=(Paragraph(inlines("Body")),)))
    assert [p.style.name for p in document.paragraphs][:1] == ["Title"]
    assert document.paragraphs[0].text == "Backend Software Engineer"


def test_table_styles_exist_as_table_styles() -> None:
    document = opened(every_block())
    table_styles = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.TABLE}
    assert {"HC Key Facts", "HC Scorecard", "HC Table", "HC Notes"} <= table_styles
    assert [t.style.name if t.style is not None else None for t in document.tables] == [
        "HC Key Facts",
        "HC Scorecard",
        "HC Scorecard",
        "HC Notes",
        "HC Table",
        "HC Key Facts",
    ]


def test_numbered_lists_restart_and_bullets_are_bullets() -> None:
    document = opened(every_block())
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    first, second = {num_id(p) for p in numbered[:3]}, {num_id(p) for p in numbered[3:]}
    assert len(first) == 1
    assert len(second) == 1
    assert first != second
    assert abstract_format(document, first.pop()) == ("decimal", 1)
    assert abstract_format(document, second.pop()) == ("decimal", 3)
    assert {abstract_format(document, num_id(p) or 0)[0] for p in bullets} == {"bullet"}


def test_key_facts_table_has_labels_and_values() -> None:
    document = opened(every_block())
    facts = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in facts.rows]
    assert rows == [["Pay", "$135,000 – $170,000 per year"], ["Location", "Remote"], ["Apply", APPLY]]
    assert facts.rows[0].cells[0].paragraphs[0].style.name == "HC Fact Label"


def test_scorecard_has_rating_columns_and_tick_boxes() -> None:
    document = opened(every_block())
    card = document.tables[2]
    header = [cell.text for cell in card.rows[0].cells]
    assert header == ["Competency", "Weight", "1", "2", "3", "4", "Notes"]
    assert card.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    first = card.rows[1]._tr
    boxes = list(first.iter(W14 + "checkbox"))
    assert len(boxes) == 4
    assert [t.text for t in first.iter(qn("w:t"))].count("\u2610") == 4
    checkbox_style = document.styles["HC Checkbox"]
    assert checkbox_style.font.name == "MS Gothic"
    widths = [int(c.get(qn("w:w"))) for c in card._tbl.find(qn("w:tblGrid"))]
    assert max(widths[2:6]) < widths[0]
    assert max(widths[2:6]) < widths[6]


def test_header_names_the_company_and_footer_counts_pages() -> None:
    document = opened(every_block(kind="posting"))
    section = document.sections[0]
    assert COMPANY in section.header.paragraphs[0].text
    assert "Job posting" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    assert "Page" in footer.text
    assert " of " in footer.text
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [f.get(qn("w:fldCharType")) for f in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2


def test_links_are_clickable_with_the_hyperlink_style() -> None:
    document = opened(every_block())
    part = document.part
    links = list(document.element.body.iter(qn("w:hyperlink")))
    assert len(links) == 2
    for link in links:
        rel = part.rels[link.get(qn("r:id"))]
        assert rel.is_external
        assert rel.target_ref == APPLY
        style_id = link.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val"))
        assert document.styles.get_by_id(style_id, WD_STYLE_TYPE.CHARACTER).name == "Hyperlink"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "//evil.example", "https:evil", "https://exa mple.org"],
)
def test_unsafe_links_become_plain_text(url: str) -> None:
    document = opened(every_block(blocks=(Paragraph(inlines(Link("click", url))),)))
    assert not list(document.element.body.iter(qn("w:hyperlink")))
    assert "click" in document.paragraphs[-1].text


def test_page_breaks_start_new_pages() -> None:
    document = opened(every_block(kind="posting"))
    body = document.element.body
    before = [p for p in body.iter(qn("w:p")) if p.find(f"{PPR}/{qn('w:pageBreakBefore')}") is not None]
    assert [p.xpath("string(.)") for p in before] == ["Scorecard"]
    breaks = [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    # A break before a table is a paragraph of its own, right before that table.
    assert breaks[0].getparent().getparent().getnext().tag == qn("w:tbl")


def test_a_kit_part_starts_a_section_whose_header_names_it() -> None:
    """In an interview kit, a page break before a part's heading starts a new section: its
    pages carry the part's name in the header; the footer and page count run on."""
    document = opened(every_block())
    assert len(document.sections) == 2
    first, second = document.sections
    assert "Interview kit for the hiring team" in "\n".join(p.text for p in first.header.paragraphs)
    assert "Backend Software Engineer\tScorecard" in [p.text for p in second.header.paragraphs]
    assert all(COMPANY in "\n".join(p.text for p in s.header.paragraphs) for s in document.sections)
    assert second.footer.is_linked_to_previous
    assert "Page" in first.footer.paragraphs[0].text


def test_no_page_break_at_the_start_or_the_end() -> None:
    blocks = (PageBreak(), Heading(1, "T"), Paragraph(inlines("x")), PageBreak())
    document = opened(every_block(blocks=blocks))
    xml = document.element.body.xml
    assert "pageBreakBefore" not in xml
    assert 'w:type="page"' not in xml


def test_core_properties() -> None:
    data = render_docx(every_block())
    props = open_docx(io.BytesIO(data)).core_properties
    assert props.title == "Backend Software Engineer"
    assert props.subject == "interview-kit"
    assert props.author == COMPANY
    assert props.keywords == "Technology, Backend"
    assert props.created == props.modified == datetime.datetime(2025, 3, 14, tzinfo=datetime.UTC)
    assert props.last_modified_by == "hirecli"
    assert props.revision == 1
    assert props.language == "en"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        meta = archive.read("docProps/core.xml") + archive.read("docProps/app.xml")
    assert b"python-docx" not in meta
    assert b"2013" not in meta


def test_document_language_is_set() -> None:
    document = opened(every_block("de-DE"))
    lang = document.styles.element.find(f"{DEFAULTS}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "de-DE"


@pytest.mark.parametrize(
    ("language", "size"),
    [
        ("en", (12240, 15840)),
        ("en-US", (12240, 15840)),
        ("en-GB", (11906, 16838)),
        ("de", (11906, 16838)),
        ("es-MX", (12240, 15840)),
        ("fr-CA", (12240, 15840)),
    ],
)
def test_paper_size_follows_the_language(language: str, size: tuple[int, int]) -> None:
    assert page_size(language) == size
    section = opened(every_block(language)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == size


def test_same_document_gives_the_same_bytes() -> None:
    doc = every_block()
    first, second = render_docx(doc), render_docx(doc)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {ZIP_TIME}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_another_date_gives_other_bytes() -> None:
    assert render_docx(every_block()) != render_docx(every_block(date="2025-03-15"))


def test_document_xml_matches_the_golden_file() -> None:
    from lxml import etree

    data = render_docx(every_block())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    pretty = etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")
    assert_golden(GOLDEN / "every-block.document.xml", pretty)


# ---- text safety ------------------------------------------------------------------

NASTY = "Nurse\x00\x01\x0b\x0c\x1f\x7f\x85\ud800\ufffe\uffff ok"


def test_characters_xml_cannot_hold_are_dropped() -> None:
    blocks = (
        Heading(1, NASTY),
        Paragraph(inlines(NASTY, Strong(NASTY), Link(NASTY, APPLY + "\x00"))),
        BulletList((inlines(NASTY),)),
        Table((NASTY,), ((NASTY,),)),
        Callout(NASTY, (inlines(NASTY),)),
        KeyFacts(((NASTY, inlines(NASTY)),)),
        NotesSpace(2, NASTY),
    )
    document = opened(every_block(blocks=blocks, title=NASTY, company=NASTY, keywords=(NASTY,)))
    assert document.paragraphs[0].text == "Nurse ok"
    assert document.core_properties.title == "Nurse ok"
    assert all("\x00" not in p.text for p in document.paragraphs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=60))
def test_any_text_survives_the_round_trip(text: str) -> None:
    blocks = (Heading(1, "T"), Paragraph(inlines(text)), Table(("A",), ((text,),)))
    document = opened(every_block(blocks=blocks))
    expected = xml_safe(text).replace("\r", "")
    paragraph = document.paragraphs[-1] if document.tables == [] else document.paragraphs[2]
    assert paragraph.text.replace("\r", "") == expected.replace("\t", "\t")
    assert document.tables[0].rows[1].cells[0].text.replace("\r", "") == expected


def test_cjk_text_gets_an_east_asian_font() -> None:
    blocks = (Heading(1, "採用 Engineer"), Paragraph(inlines("面接官のメモ: Python")))
    document = opened(every_block("ja-JP", blocks=blocks))
    runs = document.paragraphs[2]._p.findall(qn("w:r"))
    fonts = [r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") for r in runs]
    cjk = [f for f in fonts if f is not None]
    assert cjk
    assert {(f.get(qn("w:hint")), f.get(qn("w:eastAsia"))) for f in cjk} == {("eastAsia", "Yu Gothic")}
    assert fonts[-1] is None  # "Python" stays in the body font
    defaults = document.styles.element.find(DEFAULTS)
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"


def test_chinese_and_korean_get_their_own_fonts() -> None:
    for language, text, font in (
        ("zh-CN", "招聘经理", "Microsoft YaHei"),
        ("ko", "면접 질문", "Malgun Gothic"),
        ("zh-TW", "面試問題", "Microsoft JhengHei"),
    ):
        document = opened(every_block(language, blocks=(Paragraph(inlines(text)),)))
        fonts = document.paragraphs[-1]._p.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts.get(qn("w:eastAsia")) == font, language


def test_right_to_left_text_is_marked() -> None:
    blocks = (
        Heading(1, "T"),
        Paragraph(inlines("مستشار الصحة النفسية")),
        Paragraph(inlines("Apply: הגישו עכשיו")),
        Paragraph(inlines("English only")),
    )
    document = opened(every_block(blocks=blocks))
    arabic, mixed, english = document.paragraphs[-3:]
    assert arabic._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in arabic._p.findall(qn("w:r")))
    assert mixed._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None
    runs = mixed._p.findall(qn("w:r"))
    assert [r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in runs] == [False, True]
    assert english._p.find(f"{qn('w:pPr')}") is None


def test_a_right_to_left_language_makes_every_paragraph_right_to_left() -> None:
    document = opened(every_block("ar", blocks=(Heading(1, "T"), Paragraph(inlines("Python")))))
    assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in document.paragraphs)


def test_emoji_survive() -> None:
    document = opened(every_block(blocks=(Heading(1, "T"), Paragraph(inlines("Launch day 🚀 👩🏽‍💻")))))
    assert document.paragraphs[-1].text == "Launch day 🚀 👩🏽‍💻"


def test_segments_keep_punctuation_with_the_script_before_it() -> None:
    assert segments("plain text") == [("", "plain text")]
    assert segments("مرحبا، world") == [("rtl", "مرحبا، "), ("", "world")]
    assert segments("Hi 你好!") == [("", "Hi "), ("cjk", "你好!")]
    assert "".join(piece for _, piece in segments("a ب c 日 d")) == "a ب c 日 d"


def test_line_breaks_and_tabs_become_word_breaks() -> None:
    document = opened(every_block(blocks=(Heading(1, "T"), Paragraph(inlines("one\ntwo\tthree")))))
    p = document.paragraphs[-1]._p
    assert p.find(f"{qn('w:r')}/{qn('w:br')}") is not None
    assert p.find(f"{qn('w:r')}/{qn('w:tab')}") is not None


# ---- column widths ----------------------------------------------------------------


def test_column_widths_fill_the_width() -> None:
    header = ("Competency", "Weight", "1", "2", "3", "4", "Notes")
    rows = [("Relational Databases & SQL", "3", *([CHECKBOX] * 4), "")]
    widths = column_widths(header, rows, 9360)
    assert sum(widths) == 9360
    assert all(w >= 600 for w in widths)
    assert widths[6] > widths[2]
    assert widths[0] > widths[1]


@given(
    st.lists(
        st.lists(
            st.sampled_from(["", CHECKBOX, "3", "A longer sentence of text", "x" * 200]),
            min_size=1,
            max_size=9,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_column_widths_always_sum_to_the_width(rows: list[list[str]]) -> None:
    count = max(len(r) for r in rows)
    header = tuple(f"Column {i}" for i in range(count))
    widths = column_widths(header, [tuple(r) for r in rows], 9026)
    assert len(widths) == count
    assert sum(widths) == 9026
    assert min(widths) > 0


# ---- every example posting ----------------------------------------------------------


def example_postings() -> Iterator[tuple[str, Document]]:
    from hirecli.builders.posting.build import build_posting
    from hirecli.model.loader import find_company, iter_role_files, load_company, load_role

    for path in iter_role_files([ROOT / "roles"]):
        company_file = find_company(path)
        company = load_company(company_file) if company_file else None
        yield str(path), build_posting(load_role(path), company, date=datetime.date(2025, 3, 14))


def test_every_example_posting_renders_with_real_structure() -> None:
    for name, doc in example_postings():
        document = opened(doc)
        used = styles_used(document)
        assert used[0] == "Title", name
        assert {"Heading 1", "List Bullet"} <= set(used), name
        assert document.tables[0].style.name == "HC Key Facts", name
        assert document.core_properties.subject == "posting"
