"""Writers turn a :class:`~hirecli.document.Document` into one output format.

The registry names each writer's module; a writer is imported only when it is
used, so that a Markdown posting never pays for python-docx.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NamedTuple, Protocol

from hirecli.document import Document
from hirecli.errors import UnknownFormatError


class WriteOptions(NamedTuple):
    """Settings a writer may use; each writer ignores what it does not need."""

    reference_docx: Path | None = None
    """A branded .docx whose styles, page setup, header and footer the DOCX writer uses."""
    embed_jsonld: bool = True
    """HTML: embed the document's schema.org data in a script block."""
    channel_html: frozenset[str] = frozenset()
    """HTML: when not empty, the only tags allowed (a channel's limited HTML)."""


class Writer(Protocol):
    name: str
    extension: str
    binary: bool

    def render(self, doc: Document, options: WriteOptions) -> str | bytes: ...


class WriterSpec(NamedTuple):
    name: str
    module: str
    extension: str
    binary: bool
    description: str


WRITERS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("terminal", "hirecli.writers.terminal", "txt", False, "rich preview for a terminal"),
        WriterSpec("md", "hirecli.writers.markdown", "md", False, "Markdown (CommonMark with GFM tables)"),
        WriterSpec("html", "hirecli.writers.html", "html", False, "a safe HTML fragment"),
        WriterSpec("text", "hirecli.writers.text", "txt", False, "plain text"),
        WriterSpec("json", "hirecli.writers.json_writer", "json", False, "the document tree as JSON"),
        WriterSpec("docx", "hirecli.writers.docx.writer", "docx", True, "a Word document"),
    )
}
ALIASES = {"markdown": "md", "txt": "text", "word": "docx"}


def known_formats() -> list[str]:
    return list(WRITERS)


def writer_spec(name: str) -> WriterSpec:
    key = ALIASES.get(name.lower(), name.lower())
    if key not in WRITERS:
        raise UnknownFormatError("format", name, known_formats())
    return WRITERS[key]


def get_writer(name: str) -> Writer:
    """The writer for ``name`` (an unknown name is a usage error listing the known ones)."""
    spec = writer_spec(name)
    module = importlib.import_module(spec.module)
    writer: Writer = module.WRITER
    return writer


def render(doc: Document, fmt: str, options: WriteOptions | None = None) -> str | bytes:
    return get_writer(fmt).render(doc, options or WriteOptions())
