"""The HTML writer: a safe fragment (no ``<html>`` or ``<head>``) for applicant tracking
systems and careers pages; :mod:`hirecli.dochtml` holds how a document becomes HTML."""

from __future__ import annotations

from hirecli.dochtml import html_fragment
from hirecli.document import Document
from hirecli.writers import WriteOptions


class HtmlWriter:
    """An HTML fragment (no ``<html>`` or ``<head>``) to paste or include."""

    name = "html"
    extension = "html"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        return html_fragment(doc, options.channel_html, embed_jsonld=options.embed_jsonld)


WRITER = HtmlWriter()
