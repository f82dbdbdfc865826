"""What an export makes of every role: the documents, the formats and the file names."""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hirecli.errors import UnknownFormatError, UsageError

ARTIFACTS = ("posting", "interview-kit", "scorecard")
FORMATS = ("docx", "md", "html", "json", "jsonld")
DEFAULT_FORMATS = ("docx", "md")
JSONLD = "jsonld"
EXTENSIONS = {"docx": "docx", "md": "md", "html": "html", "json": "json", JSONLD: "jsonld"}
FORMAT_OF = {ext: fmt for fmt, ext in EXTENSIONS.items()}
_BUILDERS = {
    "posting": ("hirecli.builders.posting.build", "build_posting_with_report"),
    "interview-kit": ("hirecli.builders.kit.document", "build_interview_kit"),
    "scorecard": ("hirecli.builders.kit.scorecard", "build_scorecard"),
}
PARTS = {
    "interview-kit": ("hirecli.builders.kit.document", "build_interview_kit_parts"),
    "scorecard": ("hirecli.builders.kit.scorecard", "build_scorecard_parts"),
}
"""Artifacts that also get one file per interview stage, in a folder named after them:
``interview-kit/2-hiring-manager-interview.docx`` is what that stage's interviewer prints."""
PART_FILE = re.compile(r"\d+-[a-z0-9-]+\.(?:docx|md|html|json)")
_SMALLEST = {"docx": 12 * 1024, "md": 1024, "html": 2048, "json": 4096, JSONLD: 1024}
"""About the least each kind of file takes, for a check of free space before writing."""


def builder(artifact: str) -> Callable[..., Any] | None:
    """The function that builds ``artifact``, or ``None`` while its module does not exist."""
    module_name, function = _BUILDERS[artifact]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    found: Callable[..., Any] | None = getattr(module, function, None)
    return found


def available_artifacts() -> tuple[str, ...]:
    return tuple(a for a in ARTIFACTS if builder(a) is not None)


def parse_list(text: str | None, known: Sequence[str], kind: str) -> tuple[str, ...]:
    """A comma-separated choice (``posting,scorecard``), checked and without repeats."""
    if text is None:
        return ()
    chosen: list[str] = []
    for raw in text.split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name not in known:
            raise UnknownFormatError(kind, raw.strip(), known)
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


@dataclass(frozen=True)
class Settings:
    """What every role is turned into; sent to worker processes as it is."""

    artifacts: tuple[str, ...]
    formats: tuple[str, ...]
    date: datetime.date
    channel: str | None = None
    reference_docx: Path | None = None


def check_settings(settings: Settings) -> None:
    """Usage errors found before any role is read: missing builders, a bad channel or reference."""
    for artifact in settings.artifacts:
        if builder(artifact) is None:
            raise UsageError(f"this version of hirecli cannot build the {artifact} yet")
    if JSONLD in settings.formats and "posting" not in settings.artifacts:
        raise UsageError("--jsonld is schema.org data of the posting; add posting to --what")
    if settings.channel is not None:
        from hirecli.channels import get_channel

        get_channel(settings.channel)
    if settings.reference_docx is not None and "docx" in settings.formats:
        from hirecli.writers.docx.reference import load_base

        load_base(settings.reference_docx)


def output_names(settings: Settings) -> list[str]:
    """The file names each role gets, in the order they are written (the per-stage packets
    in :func:`packet_folders` are named once the loop is planned)."""
    return [
        f"{artifact}.{EXTENSIONS[fmt]}"
        for artifact in settings.artifacts
        for fmt in settings.formats
        if fmt != JSONLD or artifact == "posting"
    ]


def packet_folders(settings: Settings) -> list[str]:
    """The folders of per-stage packets, one for each artifact that has them."""
    if not any(fmt != JSONLD for fmt in settings.formats):
        return []
    return [artifact for artifact in settings.artifacts if artifact in PARTS]


def estimated_bytes(settings: Settings, roles: int) -> int:
    """The least an export of ``roles`` roles will write: too little room is refused up front."""
    names = output_names(settings)
    return roles * sum(_SMALLEST.get(name.rsplit(".", 1)[-1], 1024) for name in names)
