"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated

import typer

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(9999, 12, 31)
"""Dates every option accepts; a date and the days after it must stay inside them."""


def parse_date(text: str | None) -> datetime.date:
    """A ``--date`` value (YYYY-MM-DD), or today; anything else is a usage error."""
    from hirecli.errors import UsageError

    if text is None:
        return datetime.date.today()
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError(text)
        found = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--date must be a date written YYYY-MM-DD, got {text!r}") from None
    if not EARLIEST <= found <= LATEST:
        raise UsageError(f"--date must be between {EARLIEST} and {LATEST}, got {text!r}")
    return found


def check_days_after(date: datetime.date, days: int | None, option: str = "--valid-days") -> None:
    """``date`` plus ``days`` must still be a date (``--date 9999-12-20 --valid-days 30`` is not)."""
    from hirecli.errors import UsageError

    if days is None:
        return
    if (LATEST - date).days < days:
        raise UsageError(
            f"{option} {days} from {date} goes past {LATEST}, the last date there is; "
            "choose an earlier --date or fewer days"
        )


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace output files that already exist.")]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout (- is stdout)."),
]
ReportFormatOpt = Annotated[
    ReportFormat,
    typer.Option("--format", help="text for people (a table on a terminal), json for scripts."),
]
