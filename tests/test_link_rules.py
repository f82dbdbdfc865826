"""One rule for links in every format: only absolute http, https and mailto addresses are
clickable, and where a link cannot be clicked its address follows its text once."""

from __future__ import annotations

import io
import zipfile

import pytest

from hirecli.doctext import safe_url, shown_address
from hirecli.document import Document, Link, Meta, Paragraph, inlines
from hirecli.writers import WriteOptions, render

HOSTLESS = ("http://", "https:///etc/passwd", "http:/one-slash.example")


def _doc(link: Link) -> Document:
    return Document(Meta(title="T", kind="posting"), (Paragraph(inlines("Apply ", link)),))


def _docx_xml(doc: Document) -> str:
    data = render(doc, "docx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("url", HOSTLESS)
def test_an_address_without_a_host_is_text_in_every_format(url: str) -> None:
    doc = _doc(Link("here", url))
    assert safe_url(url) == ""
    assert "<a " not in str(render(doc, "html"))
    assert "](" not in str(render(doc, "md"))
    assert "<w:hyperlink" not in _docx_xml(doc)
    assert "Apply here" in str(render(doc, "text"))


def test_a_safe_address_is_clickable_in_every_format_that_has_links() -> None:
    doc = _doc(Link("our careers page", "HTTPS://Example.org/jobs"))
    assert 'href="HTTPS://Example.org/jobs"' in str(render(doc, "html"))
    assert "](HTTPS://Example.org/jobs)" in str(render(doc, "md"))
    assert "<w:hyperlink" in _docx_xml(doc)
    assert "our careers page <HTTPS://Example.org/jobs>" in str(render(doc, "text"))


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        (Link("jobs@example.org", "mailto:jobs@example.org"), ""),
        (Link("write to us", "mailto:jobs@example.org"), "jobs@example.org"),
        (Link(" https://example.org ", "https://example.org"), ""),
        (Link("apply", "javascript:alert(1)"), ""),
        (Link("apply", "mailto:"), ""),
    ],
)
def test_the_address_shown_after_a_link_is_never_said_twice(link: Link, shown: str) -> None:
    assert shown_address(link) == shown


def test_a_channel_without_links_shows_the_address_in_brackets() -> None:
    doc = _doc(Link("write to us", "mailto:jobs@example.org"))
    html = str(render(doc, "html", WriteOptions(channel_html=frozenset({"p"}))))
    assert "write to us (jobs@example.org)" in html
    assert "<a " not in html
