"""The library API: the functions every hirecli command is built on.

Each function imports what it needs when it is called, so that importing ``hirecli`` costs
next to nothing and a command loads only its own part of the library. Every error is a
:class:`hirecli.errors.HirecliError` with the exit code the command line would use.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import datetime

    from hirecli.builders.kit.model import Kit
    from hirecli.builders.posting.build import PostingResult
    from hirecli.channels import Channel
    from hirecli.document import Document
    from hirecli.importers import Imported
    from hirecli.lint.config import Settings
    from hirecli.lint.engine import Options as LintOptions
    from hirecli.lint.model import FileReport
    from hirecli.model.company import Company
    from hirecli.model.loader import Loaded
    from hirecli.model.role import Role
    from hirecli.model.yamlsource import SourceMap
    from hirecli.readers.source import Format
    from hirecli.writers import WriteOptions


def load_role(path: str | Path, *, stdin: BinaryIO | None = None) -> Role:
    """Load and validate one role file (``-`` reads ``stdin``).

    Raises :class:`~hirecli.errors.ValidationFailed` listing every problem at its
    file:line:col.
    """
    return read_role(path, stdin=stdin).model


def read_role(path: str | Path, *, stdin: BinaryIO | None = None) -> Loaded[Role]:
    """The role of ``path`` with the YAML position of each of its items, for messages
    (and kits) that point back into the file."""
    from hirecli.model.loader import load_role_file

    return load_role_file(path, stdin)


def load_company(path: str | Path) -> Company:
    """Load and validate a company profile (``company.yaml``)."""
    from hirecli.model.loader import load_company as load

    return load(path)


def find_company(role_path: str | Path, explicit: str | Path | None = None) -> Company | None:
    """The profile a role uses: ``explicit`` when given, else the nearest ``company.yaml``
    from the role's folder up to the repository root."""
    from hirecli.model.loader import company_for

    return company_for(role_path, explicit)


def build_posting(
    role: Role,
    company: Company | None = None,
    *,
    channel: str | Channel = "careers",
    max_bullets: int | None = None,
    sections: Sequence[str] | None = None,
    date: datetime.date | None = None,
    valid_days: int | None = None,
) -> PostingResult:
    """The posting of ``role`` for ``channel``: ``.document`` to render, ``.notices`` for
    everything trimmed to fit, and ``.jsonld`` (schema.org JobPosting) when ``date`` is given."""
    from hirecli.builders.posting.build import build_posting_with_report

    return build_posting_with_report(
        role,
        company,
        channel=channel,
        max_bullets=max_bullets,
        sections=sections,
        date=date,
        valid_days=valid_days,
    )


def plan_kit(
    role: Role,
    company: Company | None = None,
    *,
    variant: int = 0,
    competencies: Sequence[str] | None = None,
    positions: SourceMap | None = None,
) -> Kit:
    """The interview plan of ``role`` (competencies, stages, questions, decision rule), from
    which :func:`build_kit` and :func:`build_scorecard` make documents without planning again.
    ``positions`` (from :func:`read_role`) lets errors and drafts name their line."""
    from hirecli.builders.kit.plan import plan_kit as plan

    return plan(role, company, variant=variant, competencies=competencies, positions=positions)


def _kit_of(role_or_kit: Role | Kit, company: Company | None) -> Kit:
    from hirecli.builders.kit.model import Kit

    return role_or_kit if isinstance(role_or_kit, Kit) else plan_kit(role_or_kit, company)


def build_kit(
    role_or_kit: Role | Kit, company: Company | None = None, *, stage: str | None = None
) -> Document:
    """The structured interview kit, or one stage's packet with ``stage`` (its number or name)."""
    from hirecli.builders.kit.document import kit_document

    return kit_document(_kit_of(role_or_kit, company), stage)


def build_scorecard(
    role_or_kit: Role | Kit, company: Company | None = None, *, stage: str | None = None
) -> Document:
    """The scorecard of the whole loop, or of one stage with ``stage`` (its number or name)."""
    from hirecli.builders.kit.document import find_stage
    from hirecli.builders.kit.scorecard import scorecard_document

    kit = _kit_of(role_or_kit, company)
    return scorecard_document(kit, None if stage is None else find_stage(kit, stage))


def render(document: Document, fmt: str = "md", options: WriteOptions | None = None) -> str | bytes:
    """``document`` in format ``fmt`` (md, html, text, json, docx, terminal); bytes for DOCX."""
    from hirecli.writers import WriteOptions, get_writer

    return get_writer(fmt).render(document, options or WriteOptions())


def lint(
    paths: Sequence[str | Path], options: LintOptions | None = None, *, stdin: BinaryIO | None = None
) -> list[tuple[FileReport, Settings]]:
    """Lint role files, company profiles and job ads (text, Markdown, HTML, DOCX); each
    file's report with the settings that applied to it."""
    from hirecli.lint.engine import Options, lint_paths

    return lint_paths([str(p) for p in paths], options or Options(), stdin)


def import_document(
    path: str | Path,
    *,
    stdin: BinaryIO | None = None,
    hint: Format | None = None,
    role_id: str | None = None,
    fmt: str = "yaml",
) -> Imported:
    """Read a job description (text, Markdown, HTML or DOCX; ``-`` reads ``stdin``) into a
    role: ``.built`` holds the role file's text, ``.report`` what was found and what is missing."""
    from hirecli.importers import import_path

    return import_path(str(path), stdin, hint=hint, role_id=role_id, fmt=fmt)
