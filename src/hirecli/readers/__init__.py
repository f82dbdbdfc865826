"""Readers: one per format (text, Markdown, HTML, Word), one source model for all.

``read_source`` turns a detected input (:mod:`hirecli.readers.source`) into a
:class:`~hirecli.readers.model.SourceDoc`: blocks with a kind, text, level, list and
position. Every reader runs behind one guard: whatever a damaged or hostile file
makes a parser do, the caller gets an :class:`~hirecli.errors.InputFileError` naming
the file, never an internal error. The section vocabulary that tells what a heading
introduces is data (``data/readers/sections.yaml``), read by
:mod:`hirecli.readers.vocabulary`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirecli.errors import HirecliError, InputFileError

if TYPE_CHECKING:
    from hirecli.readers.model import SourceDoc
    from hirecli.readers.source import Format, Source

__all__ = ["read_bytes_as", "read_source"]

_WHAT = {"docx": ".docx file", "html": "HTML page", "markdown": "Markdown file", "text": "text file"}


def _dispatch(source: Source) -> SourceDoc:
    if source.fmt == "docx":
        from hirecli.readers.docx import read_docx

        return read_docx(source.data, source.name)
    if source.fmt == "html":
        from hirecli.readers.html import read_html

        return read_html(source.text, source.name)
    if source.fmt == "markdown":
        from hirecli.readers.markdown import read_markdown

        return read_markdown(source.text, source.name)
    from hirecli.readers.text import read_text

    return read_text(source.text, source.name)


def read_source(source: Source) -> SourceDoc:
    """The blocks of one decoded input; a reader's failure is a one-line input error."""
    try:
        return _dispatch(source)
    except HirecliError:
        raise
    except (Exception, RecursionError) as exc:  # parsers of damaged files raise many kinds
        detail = " ".join(str(exc).split())[:120]
        raise InputFileError(
            f"{source.name}: cannot read this {_WHAT.get(source.fmt, 'file')} "
            f"({type(exc).__name__}{': ' + detail if detail else ''})"
        ) from None


def read_bytes_as(data: bytes, name: str, hint: Format | None = None) -> SourceDoc:
    """Detect the format of ``data`` (or take ``hint``) and read it."""
    from hirecli.readers.source import detect

    return read_source(detect(data, name, hint))
