"""Shared pieces of the second robustness round (``test_hostile_*``): running hirecli in a
child process under a memory limit, and hostile Word files.

This module holds no tests. What every run must satisfy is
:func:`test_robustness_support.check_clean`: a documented exit code, no traceback, no
"internal error".
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from peak_child import Launch

HIRECLI = [sys.executable, "-m", "hirecli"]
LIMIT = 1024**3
"""Address space a child reading a hostile file may use."""
ESCAPES = ("\x1b", "\x07", "\x9b", "\x90", "\x9d")
"""Characters a terminal obeys: none may reach it raw."""

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def env() -> dict[str, str]:
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "HIRECLI_TRACEBACK", "COLUMNS", "LINES")
    }


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>'


def docx(body_xml: str, extra: dict[str, bytes] | None = None, *, big_part: int = 0) -> bytes:
    """A Word package around ``body_xml`` (the whole document part), with ``extra`` parts and,
    when ``big_part`` is set, a part of that many zero bytes (which packs to almost nothing)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", body_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        if big_part:
            with archive.open("word/media/image1.bin", "w", force_zip64=True) as handle:
                chunk = bytes(1 << 20)
                for _ in range(big_part // len(chunk)):
                    handle.write(chunk)
    return buffer.getvalue()


def hostile_docx() -> dict[str, bytes]:
    """Word files that break readers: by name, the bytes of each."""
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document(paragraph("Registered Nurse")))
        for number in range(3000):
            archive.writestr(f"customXml/item{number}.xml", "<a/>")
    return {
        "not-a-zip": b"Registered Nurse\nThis is plain text saved with the wrong name.\n",
        "truncated-zip": docx(document(paragraph("Registered Nurse")))[:200],
        "malformed-xml": docx(document(paragraph("Registered Nurse")).replace("</w:body>", "")),
        "entity-expansion": docx(
            f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
            f"<w:document {W_NS}><w:body>{paragraph('&a9;')}</w:body></w:document>"
        ),
        "external-entity": docx(
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f"<w:document {W_NS}><w:body>{paragraph('&x;')}</w:body></w:document>"
        ),
        "deep-nesting": docx(document("<w:p>" * 20_000 + "</w:p>" * 20_000)),
        "zip-bomb": docx(document(paragraph("Registered Nurse")), big_part=300 * 1024 * 1024),
        "many-parts": many.getvalue(),
    }


@dataclass(frozen=True)
class Run:
    code: int
    stdout: bytes
    stderr: str
    seconds: float
    peak_mb: float


def run_limited(
    args: Sequence[str],
    cwd: Path,
    *,
    stdin: bytes | None = None,
    extra_env: dict[str, str] | None = None,
    timeout: float = 300,
) -> Run:
    """Run hirecli in a child process with an address-space limit: exit code, output, seconds
    and peak resident memory (of that child alone)."""
    environment = env()
    environment.update(extra_env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = Launch(
            [*HIRECLI, *args],
            LIMIT,
            cwd=cwd,
            env=environment,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
        if stdin is not None:
            assert child.process.stdin is not None
            with contextlib.suppress(BrokenPipeError):
                child.process.stdin.write(stdin)
            child.process.stdin.close()
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            measured = child.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Run(
            measured.code,
            out.read(),
            err.read().decode("utf-8", "replace"),
            seconds,
            measured.peak_mb,
        )


def check_quiet(run: Run) -> None:
    """No traceback, no internal error, no Python warning about a failed flush."""
    for bad in ("Traceback", "internal error", "Exception ignored", "KeyboardInterrupt"):
        assert bad not in run.stderr, run.stderr[-2000:]
