"""Building and rendering one role's files in memory, in this process or in a worker.

The role is read again from its file (a planned role keeps only its source and id),
and its interview loop is planned once for the kit, the stage packets and the scorecard.
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hirecli.errors import InputFileError, InvalidInputError, UsageError, ValidationFailed
from hirecli.export.records import Job, OutputFile, Rendered
from hirecli.export.settings import EXTENSIONS, JSONLD, PARTS, Settings, builder

if TYPE_CHECKING:
    from hirecli.builders.kit.model import Kit
    from hirecli.document import Document
    from hirecli.model.company import Company
    from hirecli.model.role import Role
    from hirecli.model.yamlsource import SourceMap


_WITHOUT_JSONLD = frozenset({"docx", "md"})
"""Formats that do not carry the posting's JSON-LD: without html, json or jsonld among the
formats, it is not built (its HTML description is a fifth of a Word posting's time)."""


def _dated(doc: Document, date: datetime.date) -> Document:
    """The document stamped with the export date, which the DOCX properties use."""
    return replace(doc, meta=replace(doc.meta, date=date.isoformat()))


def _role(job: Job) -> tuple[Role, SourceMap | None]:
    """The planned role, read again, with its positions for the kit's messages; a file whose
    id changed since it was checked fails."""
    if job.role is not None:
        return job.role, None
    from hirecli.model.loader import load_role_file

    try:
        loaded = load_role_file(job.source)
        role = loaded.model
    except InputFileError as exc:  # gone or unreadable since it was checked: this role fails
        raise InvalidInputError(exc.message.removeprefix(f"{job.source}: ")) from None
    if role.slug != job.role_id:
        raise InvalidInputError(
            f"its role id changed from {job.role_id!r} to {role.slug!r} during the export; export it again"
        )
    return role, loaded.positions


class _Build:
    """One role's documents, with its interview loop planned once, when first needed."""

    def __init__(
        self, role: Role, company: Company | None, settings: Settings, positions: SourceMap | None = None
    ) -> None:
        self.role = role
        self.positions = positions
        self.company = company
        self.settings = settings
        self.kit: Kit | None = None

    def planned(self) -> Kit:
        if self.kit is None:
            from hirecli.builders.kit.plan import plan_kit

            self.kit = plan_kit(self.role, self.company, positions=self.positions)
        return self.kit

    def documents(self, artifact: str) -> tuple[list[tuple[str, Document]], dict[str, Any] | None]:
        """The artifact's documents, each with its part name ("" for the whole, or a stage's
        file name), and the posting's JSON-LD."""
        if artifact == "posting":
            make = builder(artifact)
            assert make is not None
            shows_jsonld = not _WITHOUT_JSONLD.issuperset(self.settings.formats)
            kwargs: dict[str, Any] = {"date": self.settings.date if shows_jsonld else None}
            if self.settings.channel:
                kwargs["channel"] = self.settings.channel
            result = make(self.role, self.company, **kwargs)
            return [("", result.document)], result.jsonld
        module_name, function = PARTS[artifact]
        parts: list[tuple[str, Document]] = getattr(importlib.import_module(module_name), function)(
            self.role, self.company, kit=self.planned()
        )
        return parts, None


def render_job(job: Job, settings: Settings) -> Rendered:
    """Every file of one role, rendered in memory; errors become part of the answer."""
    from hirecli.writers import WriteOptions, get_writer

    options = WriteOptions(reference_docx=settings.reference_docx)
    files: list[OutputFile] = []
    documents = 0
    try:
        from hirecli.builders.kit.empty import check_role

        role, positions = _role(job)
        build = _Build(role, job.company, settings, positions)
        check_role(build.role, settings.artifacts)  # a loop with nothing to ask fails the role
        for artifact in settings.artifacts:
            parts, jsonld = build.documents(artifact)
            for part, built in parts:
                doc = _dated(built, settings.date)
                documents += 1
                stem = f"{artifact}/{part}" if part else artifact
                for fmt in settings.formats:
                    if fmt == JSONLD:
                        if artifact != "posting":
                            continue
                        from hirecli.builders.posting.jsonld import jsonld_text

                        data: str | bytes = jsonld_text(jsonld or {})
                    else:
                        data = get_writer(fmt).render(doc, options)
                    payload = data.encode("utf-8") if isinstance(data, str) else data
                    files.append(OutputFile(artifact, fmt, f"{stem}.{EXTENSIONS[fmt]}", payload))
    except ValidationFailed as exc:
        return Rendered(job.index, problems=exc.problems)
    except UsageError as exc:
        return Rendered(job.index, usage_error=exc.message)
    except InvalidInputError as exc:
        return Rendered(job.index, error=exc.message)
    except Exception as exc:  # a bug in one builder must not stop the other roles
        return Rendered(job.index, error=f"internal error: {type(exc).__name__}: {exc}")
    return Rendered(job.index, tuple(files), documents=documents)
