"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated

import typer

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str | None) -> datetime.date:
    """A ``--date`` value (YYYY-MM-DD), or today; anything else is a usage error."""
    from hirecli.errors import UsageError

    if text is None:
        return datetime.date.today()
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError(text)
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--date must be a date written YYYY-MM-DD, got {text!r}") from None


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


ForceOpt = Annotated[
    bool, typer.Option("--force", "-f", help="Replace output files that already exist.")
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (- is stdout)."),
]
ReportFormatOpt = Annotated[
    ReportFormat,
    typer.Option("--format", help="text for people (a table on a terminal), json for scripts."),
]
