"""Options shared by several commands, so they read the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


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
