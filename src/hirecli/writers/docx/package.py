"""The .docx zip written the same way every time, so that exports can be committed and diffed.

Zip entries carry a timestamp and the writing system; python-docx stamps the
current time. Writing every member with a fixed time, a fixed order, fixed
attributes and one compression level makes the same document give the same bytes.
A reference document's ``app.xml`` (its page and word counts, the program that last
saved it) is replaced, since none of it is true of the new document.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import quoteattr

from hirecli.writers.docx.template import app_xml

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")
APP_PART = "docProps/app.xml"


def member_order(names: list[str]) -> list[str]:
    """Content types first (readers look for it there), then the package relationships,
    then everything else by name."""
    first = [n for n in _FIRST if n in names]
    return first + sorted(n for n in names if n not in _FIRST)


def write_zip(parts: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in member_order(list(parts)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}


def _content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``: XML parts by name, binary ones by extension."""
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    overrides: dict[str, str] = {}
    for part in parts:
        name = str(part.partname)
        extension = name.rsplit(".", 1)[-1].lower()
        if extension in ("xml", "rels") or "." not in name.rsplit("/", 1)[-1]:
            overrides[name] = part.content_type
        else:
            defaults.setdefault(extension, part.content_type)
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


def package_bytes(package: Any) -> bytes:
    """A python-docx package as .docx bytes, zipped once and reproducibly.

    Saving through python-docx would zip with the current time, and rezipping would
    compress everything twice; the parts are taken from the package instead.
    """
    parts = list(package.iter_parts())
    members: dict[str, bytes] = {
        "[Content_Types].xml": _content_types(parts),
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    if APP_PART in members:
        members[APP_PART] = app_xml().encode("utf-8")
    return write_zip(members)
