"""Reading an input safely: size bounds, format detection and decoding, with clear refusals."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from hirecli.errors import InputFileError, InvalidInputError

Format = Literal["text", "markdown", "html", "docx"]

MAX_BYTES = 16 * 1024 * 1024
"""Largest input read at all (a Word file with pictures can be large)."""
MAX_TEXT_BYTES = 4 * 1024 * 1024
"""Largest text, Markdown or HTML input; job descriptions are a few kilobytes."""
MAX_DOCX_XML = 64 * 1024 * 1024
"""Largest unpacked document part of a .docx, so a zip bomb cannot exhaust memory."""

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|ul|ol|li|br|table|span)\b", re.IGNORECASE
)
_MD_SNIFF = re.compile(
    r"^ {0,3}#{1,6}\s+\S|^\s*\*\*[^*\n]+\*\*\s*:?\s*$|\[[^\]\n]+\]\([^)\n]+\)", re.MULTILINE
)
_REFUSED = (
    (b"%PDF", "is a PDF; save the job description as text, Markdown, HTML or .docx first"),
    (b"\xd0\xcf\x11\xe0", "is an old Word .doc file; save it as .docx first"),
    (b"{\\rtf", "is an RTF file; save it as .docx or plain text first"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """An input's bytes, the name to show in messages and its format."""

    name: str
    data: bytes
    fmt: Format
    text: str = ""


def _too_large(name: str, size: int, limit: int) -> InputFileError:
    return InputFileError(
        f"{name}: too large to read ({size / 1_048_576:.1f} MB; the limit is {limit // 1_048_576} MB)"
    )


def read_input(path: str, stdin: BinaryIO | None = None) -> tuple[bytes, str]:
    """The bytes of ``path`` (``-`` is standard input), refusing oversized input before reading it."""
    if path == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputFileError(f"<stdin>: too large to read (over {MAX_BYTES // 1_048_576} MB)")
        return data, "<stdin>"
    file = Path(path)
    try:
        if file.is_dir():
            raise InputFileError(f"{file}: is a folder, not a file")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(str(file), size, MAX_BYTES)
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputFileError(f"{file}: no such file") from None
    except PermissionError:
        raise InputFileError(f"{file}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{file}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise _too_large(str(file), len(data), MAX_BYTES)
    return data, str(file)


def _check_docx(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                part = archive.getinfo("word/document.xml")
            except KeyError:
                raise InputFileError(f"{name}: is a zip archive but not a Word document") from None
            if part.file_size > MAX_DOCX_XML:
                raise _too_large(f"{name} (word/document.xml)", part.file_size, MAX_DOCX_XML)
    except zipfile.BadZipFile:
        raise InputFileError(f"{name}: is not a valid .docx file (the zip archive is damaged)") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (or UTF-16 with a byte order mark) text; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputFileError(f"{name}: damaged UTF-16 text") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:65536]:
        raise InputFileError(f"{name}: holds binary data, not text, Markdown, HTML or .docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{name}: is not UTF-8 text (bad byte at offset {exc.start}); if it is a Windows "
            "text file, convert it first, e.g. iconv -f cp1252 -t utf-8"
        ) from None


def detect(data: bytes, name: str, hint: Format | None = None) -> Source:
    """Decide the format from ``hint``, the file extension or the content, and decode text."""
    for magic, message in _REFUSED:
        if data.startswith(magic):
            raise InputFileError(f"{name}: {message}")
    suffix = Path(name).suffix.lower() if not name.startswith("<") else ""
    fmt = hint or _EXTENSIONS.get(suffix)
    if data.startswith(b"PK\x03\x04") or fmt == "docx":
        if not data.startswith(b"PK\x03\x04"):
            raise InputFileError(f"{name}: is not a valid .docx file (not a zip archive)")
        _check_docx(data, name)
        return Source(name, data, "docx")
    if len(data) > MAX_TEXT_BYTES:
        raise _too_large(name, len(data), MAX_TEXT_BYTES)
    text = decode_text(data, name)
    if not text.strip():
        raise InvalidInputError(f"{name}: holds no text; there is nothing to read")
    if fmt is None:
        head = data[:8192]
        if (_HTML_SNIFF.search(head) and head.lstrip()[:1] == b"<") or len(_HTML_SNIFF.findall(head)) >= 3:
            fmt = "html"
        elif _MD_SNIFF.search(text[:20000]):
            fmt = "markdown"
        else:
            fmt = "text"
    return Source(name, data, fmt, text)
