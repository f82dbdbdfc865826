"""The .docx zip written the same way every time, so that exports can be committed and diffed.

Zip entries carry a timestamp and the writing system; python-docx stamps the
current time. Writing every member with a fixed time, a fixed order, fixed
attributes and one compression level makes the same document give the same bytes.
A reference document's ``app.xml`` (its page and word counts, the program that last
saved it) is replaced, since none of it is true of the new document.

The zip is put together here from members compressed one by one (:class:`Entry`), with
the bytes :mod:`zipfile` writes for the same members (``ZipFile.writestr`` with a
:class:`~zipfile.ZipInfo` of :data:`ZIP_TIME`, deflate level 6, system 0), so that a
member that is the same in every document (the styles, the settings, a reference's
theme and fonts) is compressed once per process instead of once per document.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from hirecli.writers.docx.template import app_xml

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")
APP_PART = "docProps/app.xml"
LEVEL = 6

_VERSION = 20
"""The zip version zipfile writes as made by and needed to extract a deflated member."""
_EXTERNAL_ATTR = 0o600 << 16
"""zipfile gives a member written with no attributes these (``?rw-------``)."""
_UTF8_NAME = 0x800
_DOS_TIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_SMALL = 0x7FFF_FFFF
"""Sizes and offsets below this never need zip64 (zipfile switches over a little earlier
than 4 GiB); a package beyond it is left to zipfile itself."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One member of the zip, compressed, with its local header: the same bytes wherever
    in the archive it goes."""

    name: str
    data: bytes
    filename: bytes
    flags: int
    crc: int
    compressed_size: int
    local: bytes
    """The local file header and the compressed data."""


def zip_entry(name: str, data: bytes) -> Entry:
    """``data`` as the zip member ``name``, compressed the way zipfile does it."""
    try:
        filename, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        filename, flags = name.encode("utf-8"), _UTF8_NAME
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    compressed = compressor.compress(data) + compressor.flush()
    crc = zlib.crc32(data)
    header = _LOCAL.pack(
        b"PK\003\004",
        _VERSION,
        0,
        flags,
        zipfile.ZIP_DEFLATED,
        _DOS_TIME,
        _DOS_DATE,
        crc,
        len(compressed),
        len(data),
        len(filename),
        0,
    )
    return Entry(name, data, filename, flags, crc, len(compressed), header + filename + compressed)


def member_order(names: list[str]) -> list[str]:
    """Content types first (readers look for it there), then the package relationships,
    then everything else by name."""
    first = [n for n in _FIRST if n in names]
    return first + sorted(n for n in names if n not in _FIRST)


def _zipfile_bytes(entries: Iterable[Entry]) -> bytes:
    """The archive written by zipfile itself (a package too large for :func:`write_entries`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, entry.data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
    return buffer.getvalue()


def write_entries(entries: Mapping[str, Entry]) -> bytes:
    """The zip of ``entries`` in :func:`member_order`, byte for byte what zipfile writes."""
    ordered = [entries[name] for name in member_order(list(entries))]
    total = sum(len(e.local) + _CENTRAL.size + len(e.filename) for e in ordered)
    if len(ordered) > 0xFFFF or total > _SMALL or any(len(e.data) > _SMALL for e in ordered):
        return _zipfile_bytes(ordered)
    chunks = [entry.local for entry in ordered]
    offset = 0
    for entry in ordered:
        size = len(entry.data)
        chunks.append(
            _CENTRAL.pack(
                b"PK\001\002",
                _VERSION,
                0,
                _VERSION,
                0,
                entry.flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                entry.crc,
                entry.compressed_size,
                size,
                len(entry.filename),
                0,
                0,
                0,
                0,
                _EXTERNAL_ATTR,
                offset,
            )
            + entry.filename
        )
        offset += len(entry.local)
    directory = sum(len(c) for c in chunks[len(ordered) :])
    chunks.append(_END.pack(b"PK\005\006", 0, 0, len(ordered), len(ordered), directory, offset, 0))
    return b"".join(chunks)


def write_zip(parts: Mapping[str, bytes]) -> bytes:
    return write_entries({name: zip_entry(name, data) for name, data in parts.items()})


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}


@lru_cache(maxsize=64)
def _content_types_xml(parts: tuple[tuple[str, str], ...]) -> bytes:
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    overrides: dict[str, str] = {}
    for name, content_type in parts:
        extension = name.rsplit(".", 1)[-1].lower()
        if extension in ("xml", "rels") or "." not in name.rsplit("/", 1)[-1]:
            overrides[name] = content_type
        else:
            defaults.setdefault(extension, content_type)
    items = [
        f"<Default Extension={quoteattr(k)} ContentType={quoteattr(v)}/>" for k, v in sorted(defaults.items())
    ]
    items += [
        f"<Override PartName={quoteattr(k)} ContentType={quoteattr(v)}/>"
        for k, v in sorted(overrides.items())
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + "".join(items)
        + "</Types>"
    ).encode("utf-8")


def content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``: XML parts by name, binary ones by extension."""
    return _content_types_xml(tuple((str(part.partname), part.content_type) for part in parts))


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIPS = f"{{{_RELS_NS}}}Relationships"
_RELATIONSHIP = f"{{{_RELS_NS}}}Relationship"


def rels_xml(rels: Any, base: str) -> bytes:
    """A python-docx relationship collection of a part in folder ``base`` (``/`` for the
    package's own) as its ``.rels`` part: the bytes python-docx writes."""
    items = tuple(
        (rel.rId, rel.reltype, rel.target_ref, True)
        if rel.is_external
        else (rel.rId, rel.reltype, _relative(rel.target_part.partname, base), False)
        for rel in rels.values()
    )
    return _rels_xml(items)


@lru_cache(maxsize=1024)
def _relative(partname: str, base: str) -> str:
    """A part's name relative to the folder ``base``, as python-docx writes it in a target."""
    from docx.opc.packuri import PackURI

    return str(PackURI(partname).relative_ref(base))


@lru_cache(maxsize=256)
def _rels_xml(items: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    """The relationships (id, type, target, external), attributes in python-docx's order."""
    root = etree.Element(_RELATIONSHIPS, nsmap={None: _RELS_NS})
    for rel_id, reltype, target, external in items:
        attrs = {"Id": rel_id, "Type": reltype, "Target": target}
        if external:
            attrs["TargetMode"] = "External"
        etree.SubElement(root, _RELATIONSHIP, attrs)
    data: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return data


_KEPT = 256
_SMALL_PART = 4096
"""Parts up to this size go through :func:`small_entry` (a header that names the company
is the same in every document of the company)."""
_SMALL_ENTRIES: dict[tuple[str, bytes], Entry] = {}


def small_entry(name: str, data: bytes) -> Entry:
    """A member that repeats from document to document (the package relationships, the
    content types, ``app.xml``), compressed once; at most :data:`_KEPT` are kept."""
    key = (name, data)
    entry = _SMALL_ENTRIES.get(key)
    if entry is None:
        if len(_SMALL_ENTRIES) >= _KEPT:
            _SMALL_ENTRIES.clear()
        entry = _SMALL_ENTRIES[key] = zip_entry(name, data)
    return entry


def app_entry() -> Entry:
    return small_entry(APP_PART, app_xml().encode("utf-8"))


def package_entries(package: Any, part_entry: Any = None) -> dict[str, Entry]:
    """Every member of a python-docx package; ``part_entry(part)`` may give a part's
    member ready-made (a part shared with the base), else it is serialized here."""
    parts = list(package.iter_parts())
    entries: dict[str, Entry] = {
        "[Content_Types].xml": small_entry("[Content_Types].xml", content_types(parts)),
        "_rels/.rels": small_entry("_rels/.rels", rels_xml(package.rels, "/")),
    }
    for part in parts:
        name = part.partname.membername
        if name == APP_PART:
            entries[name] = app_entry()
        else:
            entry = part_entry(part) if part_entry is not None else None
            if entry is None:
                data = part.blob
                entry = small_entry(name, data) if len(data) <= _SMALL_PART else zip_entry(name, data)
            entries[name] = entry
        rels = part.rels
        if rels:
            rels_name = part.partname.rels_uri.membername
            entries[rels_name] = small_entry(rels_name, rels_xml(rels, part.partname.baseURI))
    return entries


def package_bytes(package: Any) -> bytes:
    """A python-docx package as .docx bytes, zipped once and reproducibly.

    Saving through python-docx would zip with the current time, and rezipping would
    compress everything twice; the parts are taken from the package instead.
    """
    return write_entries(package_entries(package))
