"""``hirecli import``: job descriptions in text, Markdown, HTML or DOCX to role files.

The stages, each its own module: :mod:`hirecli.readers` reads each format into one
source model (readers/source.py picks the reader and refuses what it cannot read) and
lines.py turns its blocks into raw lines; mend.py repairs scrape damage;
classify.py decides headings, bullets and paragraphs; sections.py maps headings to
parts of a role; place.py puts every line somewhere, reading facts with fields.py,
location.py, titles.py and money.py, and finish.py fills in what is known only at the
end; build.py orders and validates the role; report.py says what went where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from hirecli.errors import InvalidInputError

if TYPE_CHECKING:
    from hirecli.importers.build import Built
    from hirecli.importers.report import ImportReport
    from hirecli.readers.source import Format, Source

_RECOGNISED = frozenset({"preamble", "other", "company", "apply", "equal_opportunity"})


@dataclass(frozen=True, slots=True)
class Imported:
    built: Built
    report: ImportReport


def _read(source: Source) -> tuple[list, str, str | None]:  # type: ignore[type-arg]
    from hirecli.importers.lines import from_doc
    from hirecli.readers import read_source

    read = from_doc(read_source(source))
    return read.lines, read.unit, read.title_hint


def import_source(source: Source, *, role_id: str | None = None, fmt: str = "yaml") -> Imported:
    """Import one decoded input; raises a HirecliError subclass for input it cannot use."""
    from hirecli.importers.build import build
    from hirecli.importers.classify import classify
    from hirecli.importers.mend import clean_line
    from hirecli.importers.place import Placer
    from hirecli.importers.report import ImportReport
    from hirecli.importers.sections import segment

    lines, unit, title_hint = _read(source)
    report = ImportReport(source.name, source.fmt, unit)
    for line in lines:
        line.text, mends = clean_line(line.text, line.pos, entities=source.fmt in ("text", "markdown"))
        report.mends.extend(mends)
    if not any(line.text.strip() for line in lines):
        raise InvalidInputError(f"{source.name}: no text found; there is nothing to import")
    blocks, mends = classify(lines)
    report.mends.extend(mends)
    segments = segment(blocks)
    draft = Placer(report, title_hint).run(segments)
    placed = [
        s
        for s in report.sections
        if s.kind not in _RECOGNISED and any(path not in ("notes", "left out") for path in s.placed)
    ]
    if not placed:
        raise InvalidInputError(
            f"{source.name}: no job description sections found (such as Responsibilities, "
            "Requirements or Skills); nothing to import"
        )
    built = build(draft, report, role_id=role_id, fmt=fmt)
    from hirecli.model.missing import missing_facts

    report.missing = [fact.message for fact in missing_facts(built.role)]
    return Imported(built, report)


def import_bytes(
    data: bytes, name: str, *, hint: Format | None = None, role_id: str | None = None, fmt: str = "yaml"
) -> Imported:
    from hirecli.readers.source import detect

    return import_source(detect(data, name, hint), role_id=role_id, fmt=fmt)


def import_path(
    path: str,
    stdin: BinaryIO | None = None,
    *,
    hint: Format | None = None,
    role_id: str | None = None,
    fmt: str = "yaml",
) -> Imported:
    """Import the file at ``path`` (``-`` reads standard input)."""
    from hirecli.readers.source import read_input

    data, name = read_input(path, stdin)
    return import_bytes(data, name, hint=hint, role_id=role_id, fmt=fmt)


def import_text(
    text: str, name: str = "<text>", *, hint: Format | None = None, role_id: str | None = None
) -> Imported:
    """Import a job description held in a string (for the library and tests)."""
    return import_bytes(text.encode("utf-8"), name, hint=hint, role_id=role_id)
