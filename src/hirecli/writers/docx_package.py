"""The .docx zip written the same way every time, so that exports can be committed and diffed.

Zip entries carry a timestamp and the writing system; python-docx stamps the
current time. Rewriting every member with a fixed time, a fixed order, fixed
attributes and one compression level makes the same document give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from hirecli.writers.docx_template import app_xml

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


def normalize(data: bytes) -> bytes:
    """Rewrite a saved package reproducibly, with hirecli's own application properties.

    A reference document's ``app.xml`` carries its page and word counts and the
    name of the program that last saved it; none of that is true of the new document.
    """
    parts = read_zip(data)
    if APP_PART in parts:
        parts[APP_PART] = app_xml().encode("utf-8")
    return write_zip(parts)
