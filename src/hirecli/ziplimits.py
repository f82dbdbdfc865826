"""Limits on a Word file before any part of it is read: one place for import, lint and
reference documents.

A .docx is a zip package of XML parts. A small file can hold parts that inflate to
gigabytes (a zip bomb), thousands of parts, or XML that expands entities or nests
elements without end. :func:`check_package` looks at the zip's directory only (the sizes
it declares, which reading then holds each part to) and refuses:

- more than :data:`MAX_PARTS` parts;
- a part larger than :data:`MAX_PART` or parts larger than :data:`MAX_TOTAL` together,
  unpacked;
- a part that unpacks to more than :data:`MAX_RATIO` times its packed size (once it is
  larger than :data:`RATIO_FLOOR`);
- encrypted parts, and names that repeat.

:func:`check_xml` then refuses document type declarations (a Word part never has one;
they are how entity expansion works) and XML nested deeper than :data:`MAX_DEPTH`.
:func:`open_docx` does both and opens the document with python-docx, turning any
failure into one :class:`~hirecli.errors.InputFileError` that names the file.

:func:`drop_external_relationships` removes every relationship that points outside the
package (a ``file:///etc/passwd`` subdocument, a remote template, a linked picture) from
a document built on someone else's file, so it is never copied into what hirecli writes.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from hirecli.errors import InputFileError

MAX_PARTS = 1000
MAX_PART = 64 * 1024 * 1024
MAX_TOTAL = 128 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
MAX_DEPTH = 200

_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAG = re.compile(rb"<([/?!]?)[^>]*?(/?)>")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.0f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


def check_package(data: bytes, name: str) -> list[zipfile.ZipInfo]:
    """The parts of the zip package ``data``; raise :class:`InputFileError` past any limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise InputFileError(
            f"{name}: is not a valid .docx file (not a zip package, or a damaged one)"
        ) from None
    if len(parts) > MAX_PARTS:
        raise InputFileError(f"{name}: has {len(parts):,} parts; a Word file has at most {MAX_PARTS:,}")
    total = 0
    seen: set[str] = set()
    for part in parts:
        if part.filename in seen:
            raise InputFileError(f"{name}: the part {part.filename!r} appears twice in the package")
        seen.add(part.filename)
        if part.flag_bits & 0x1:
            raise InputFileError(
                f"{name}: is encrypted (protected with a password); save an unprotected copy first"
            )
        if part.file_size > MAX_PART:
            raise InputFileError(
                f"{name}: its part {part.filename!r} unpacks to {_mb(part.file_size)}; "
                f"the limit is {_mb(MAX_PART)}"
            )
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise InputFileError(
                f"{name}: its part {part.filename!r} unpacks to {_mb(part.file_size)} "
                f"from {_mb(part.compress_size)}, far more than any document (a zip "
                "bomb?)"
            )
        total += part.file_size
    if total > MAX_TOTAL:
        raise InputFileError(f"{name}: unpacks to {_mb(total)}; the limit is {_mb(MAX_TOTAL)}")
    return parts


def check_xml(xml: bytes, name: str, part: str) -> None:
    """Refuse a document type declaration (entity expansion) or nesting deeper than ``MAX_DEPTH``."""
    if _DOCTYPE.search(xml):
        raise InputFileError(
            f"{name}: its part {part!r} declares a document type or entities, which "
            "Word files never do; refusing to read it"
        )
    depth = 0
    for match in _TAG.finditer(xml):
        kind, empty = match.groups()
        if kind == b"/":
            depth -= 1
        elif not kind and not empty:
            depth += 1
            if depth > MAX_DEPTH:
                raise InputFileError(
                    f"{name}: its part {part!r} nests elements more than {MAX_DEPTH} "
                    "deep; refusing to read it"
                )


def check_docx(data: bytes, name: str) -> None:
    """Every limit, on the package and on each XML part, before python-docx reads anything."""
    parts = check_package(data, name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for part in parts:
                if part.filename.lower().endswith(_XML_SUFFIXES):
                    check_xml(archive.read(part), name, part.filename)
    except InputFileError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise InputFileError(f"{name}: is not a valid .docx file ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def open_docx(data: bytes, name: str) -> Any:
    """The python-docx document in ``data``, checked first; any failure is an input error."""
    check_docx(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (Exception, RecursionError) as exc:  # python-docx and lxml raise many kinds
        raise InputFileError(f"{name}: not a readable .docx file ({_reason(exc)})") from None
    drop_external_relationships(document.part.package)
    return document


def drop_external_relationships(package: Any) -> int:
    """Remove every relationship to something outside ``package`` (and the XML that uses it);
    the number removed."""
    removed = 0
    for owner in [package, *package.iter_parts()]:
        rels = getattr(owner, "rels", None)
        if rels is None:
            continue
        for rel_id, rel in list(rels.items()):
            if not getattr(rel, "is_external", False):
                continue
            rels.pop(rel_id)
            removed += 1
            element = getattr(owner, "_element", None)
            if element is not None:
                _drop_references(element, rel_id)
    return removed


def _drop_references(root: Any, rel_id: str) -> None:
    """Remove the elements of ``root`` that point at ``rel_id``; a hyperlink keeps its text."""
    prefix = f"{{{_R_NS}}}"
    for element in list(root.iter()):
        if not any(key.startswith(prefix) and value == rel_id for key, value in element.attrib.items()):
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if str(element.tag).endswith("}hyperlink"):
            index = parent.index(element)
            for child in list(element):
                parent.insert(index, child)
                index += 1
        parent.remove(element)
