"""Where a command's result goes: stdout, or a file written safely."""

from __future__ import annotations

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


_EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".json": "json",
    ".docx": "docx",
}


def choose_format(fmt: str | None, output: str | None, env: Env) -> str:
    """The format asked for; else the output file's extension; else terminal or Markdown.

    A terminal gets the rich preview; a pipe or file gets Markdown, whatever the
    environment says about colours or width.
    """
    if fmt:
        return fmt
    if output not in (None, "-"):
        return _EXTENSIONS.get(Path(str(output)).suffix.lower(), "md")
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
