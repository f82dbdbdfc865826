"""What the DOCX writer keeps from one document to the next (the parsed base, compressed
members, element prototypes) never changes a document's bytes: not by what was written
before it, not against what zipfile and python-docx themselves write, and it stays bounded
however many documents a batch writes."""

from __future__ import annotations

import dataclasses
import gc
import io
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import given
from hypothesis import strategies as st

from hirecli.document import Document, Link, Meta, NumberedList, Paragraph, inlines
from hirecli.writers.docx import package, reference
from hirecli.writers.docx.package import ZIP_TIME, rels_xml, write_zip
from hirecli.writers.docx.properties import set_properties
from hirecli.writers.docx.writer import render_docx
from hirecli.writers.docx.xml import _NOT_XML, segments, starts_rtl, xml_safe
from test_docx_reference import branded
from test_docx_writer import every_block


def _forget() -> None:
    """Drop every prepared base, as a new process starts without them."""
    reference.builtin_base.cache_clear()
    reference._REFERENCES.clear()
    package._SMALL_ENTRIES.clear()


def _documents() -> list[Document]:
    """Documents that differ in everything the writer reuses: language (the styles),
    restarted lists (the numbering), links (the relationships), kind (the headers)."""
    first = every_block()
    second = every_block(
        "ja",
        title="データエンジニア",
        company="Other Company",
        kind="posting",
        role_id="data-engineer",
        blocks=(
            Paragraph(inlines("見る ", Link("site", "https://example.org/a?b=1&c=<2>"))),
            NumberedList((inlines("one"), inlines("two")), start=5),
        ),
    )
    third = every_block("ar", title="مهندس", kind="scorecard")
    return [first, second, third]


@pytest.mark.parametrize("with_reference", [False, True])
def test_documents_are_the_same_whatever_was_written_before(tmp_path: Path, with_reference: bool) -> None:
    ref = branded(tmp_path) if with_reference else None
    docs = _documents()
    alone = []
    for doc in docs:
        _forget()
        alone.append(render_docx(doc, ref))
    _forget()
    for order in (docs + docs, list(reversed(docs)) * 2):
        for doc in order:
            assert render_docx(doc, ref) == alone[docs.index(doc)]


def _zipfile_zip(parts: dict[str, bytes]) -> bytes:
    """The package as zipfile writes it (how the writer wrote every package before)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in package.member_order(list(parts)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()


@given(
    st.dictionaries(
        st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1),
        st.binary(max_size=3000) | st.text().map(lambda t: (t * 20).encode()),
        max_size=8,
    )
)
def test_the_zip_is_what_zipfile_writes(parts: dict[str, bytes]) -> None:
    assert write_zip(parts) == _zipfile_zip(parts)


def test_a_large_member_is_what_zipfile_writes() -> None:
    parts = {"word/document.xml": bytes(range(256)) * 4000, "[Content_Types].xml": b"", "é/ü.xml": b"x"}
    assert write_zip(parts) == _zipfile_zip(parts)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b=1&c=2",
        'https://x.test/"q"<a>',
        "mailto:jobs@例え.jp",
        "https://x.test/a b\tc",
    ],
)
def test_relationships_are_what_python_docx_writes(url: str) -> None:
    document = new_docx()
    part = document.part
    part.relate_to(url, RT.HYPERLINK, is_external=True)
    assert rels_xml(part.rels, part.partname.baseURI) == part.rels.xml
    assert rels_xml(part.package.rels, "/") == part.package.rels.xml


@pytest.mark.parametrize("core_xml", [None, "<cp:coreProperties {}/>"])
@pytest.mark.parametrize(
    "meta",
    [
        Meta(title="A & B <c>", kind="posting", company="Ünïcode Co", keywords=("x", "y"), date="2025-03-14"),
        Meta(title="", kind="scorecard", role_id="id-1", date="2024-02-29", language="ar"),
    ],
)
def test_core_properties_are_what_python_docx_writes(meta: Meta, core_xml: str | None) -> None:
    """The properties as python-docx set them (how the writer set them before), on the
    base's own root and on one that does not declare the xsi namespace."""
    from docx.opc.coreprops import CoreProperties
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    from hirecli.writers.docx.properties import document_time

    def root() -> object:
        if core_xml is None:
            return new_docx().core_properties._element
        return parse_xml(core_xml.format(nsdecls("cp", "dc", "dcterms")))

    expected = root()
    for child in list(expected):  # type: ignore[call-overload]
        expected.remove(child)  # type: ignore[attr-defined]
    props = CoreProperties(expected)  # type: ignore[arg-type]
    when = document_time(meta.date)
    props.title = xml_safe(meta.title)[:255]
    props.subject = meta.kind
    props.author = xml_safe(meta.company or "")[:255]
    props.keywords = xml_safe(", ".join(meta.keywords))[:255]
    props.last_modified_by = "hirecli"
    props.created = when
    props.modified = when
    props.revision = 1
    props.language = meta.language
    if meta.role_id:
        props.identifier = meta.role_id
    actual = root()
    set_properties(actual, meta)
    assert package.etree.tostring(actual) == package.etree.tostring(expected)


@given(st.text())
def test_the_quick_paths_for_text_agree_with_the_full_ones(text: str) -> None:
    assert xml_safe(text) == _NOT_XML.sub("", text)
    if text.isascii():
        assert segments(text) == [("", text)]
        assert not starts_rtl(text)


def _vary(doc: Document, i: int) -> Document:
    meta = dataclasses.replace(doc.meta, title=f"{doc.meta.title} {i}", role_id=f"role-{i}")
    link = Paragraph(inlines(Link("apply", f"https://example.com/jobs/{i}")))
    return Document(meta, (*doc.blocks, link))


def _traced(write: Callable[[int], None], count: int) -> int:
    for i in range(count):
        write(i)
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_memory_stays_flat_over_many_documents() -> None:
    """What is kept between documents is bounded: writing twice as many documents (each
    with its own title and link) keeps no more."""
    docs = _documents()

    def write(i: int) -> None:
        render_docx(_vary(docs[i % len(docs)], i))

    _traced(write, 300)  # every cache filled (and emptied once) before measuring
    tracemalloc.start()
    try:
        first = _traced(write, 150)
        second = _traced(write, 300)
    finally:
        tracemalloc.stop()
    assert second - first < 1_000_000
    assert len(package._SMALL_ENTRIES) <= package._KEPT
    assert len(reference.builtin_base().pristine._styles) <= 16
