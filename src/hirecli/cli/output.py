"""Where a command's result goes: stdout, or a file written safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from hirecli.cli.env import Env
from hirecli.errors import UsageError
from hirecli.fileio import write_atomic

if TYPE_CHECKING:
    from hirecli.document import Document
    from hirecli.writers import WriteOptions


def emit(data: str | bytes, output: str | None, *, force: bool, env: Env) -> None:
    """Send ``data`` to ``output`` (``None`` or ``-`` is stdout)."""
    if output in (None, "-"):
        if isinstance(data, bytes):
            env.write_bytes(data)
        else:
            env.stdout.write(data)
            env.stdout.flush()
        return
    write_atomic(Path(output), data, force=force)


DOCUMENT_EXTENSIONS: Mapping[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".json": "json",
    ".docx": "docx",
}
"""The output file extensions a document's format is told by."""
POSTING_EXTENSIONS: Mapping[str, str] = {**DOCUMENT_EXTENSIONS, ".jsonld": "jsonld"}
ROLE_EXTENSIONS: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _is_stream(path: Path) -> bool:
    """A character device or a pipe (``/dev/null``, a FIFO): written into as stdout is."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def file_format(output: str, extensions: Mapping[str, str], *, stream: str) -> str:
    """The format ``output``'s extension names; a device or pipe gets ``stream``, as stdout does.

    Any other extension, or none, is a usage error naming the extensions known, raised before
    anything is written: ``-o posting.pdf`` must not quietly write Markdown into a .pdf.
    """
    path = Path(output)
    found = extensions.get(path.suffix.lower())
    if found is not None:
        return found
    if _is_stream(path):
        return stream
    *most, last = extensions
    said = f"the extension {path.suffix!r}" if path.suffix else "a file name without an extension"
    raise UsageError(
        f"-o {output}: {said} names no format; end the file name in {', '.join(most)} or {last} "
        "(or give --format)"
    )


def choose_format(
    fmt: str | None, output: str | None, env: Env, extensions: Mapping[str, str] = DOCUMENT_EXTENSIONS
) -> str:
    """The format asked for; else the output file's extension; else terminal or Markdown.

    A terminal gets the rich preview; a pipe or file gets Markdown, whatever the
    environment says about colours or width. With ``--format`` the file's name is the
    user's business.
    """
    if fmt:
        return fmt
    if output not in (None, "-"):
        return file_format(str(output), extensions, stream="md")
    return "terminal" if env.stdout_isatty else "md"


def deliver(
    doc: Document, fmt: str, output: str | None, *, force: bool, env: Env, options: WriteOptions | None = None
) -> None:
    """Render ``doc`` and send it where the user asked; the terminal gets a rich preview."""
    from hirecli.writers import get_writer, writer_spec

    spec = writer_spec(fmt)
    if spec.name == "terminal" and output in (None, "-"):
        from hirecli.writers.terminal import print_document

        print_document(doc, env.console())
        return
    if spec.binary and output in (None, "-") and env.stdout_isatty:
        raise UsageError(f"{spec.name} is a binary format; write it to a file with -o FILE")
    from hirecli.writers import WriteOptions

    rendered = get_writer(spec.name).render(doc, options or WriteOptions())
    emit(rendered, output, force=force, env=env)
