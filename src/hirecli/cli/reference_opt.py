"""``--reference-docx`` for the commands that write one document (posting, interview-kit,
scorecard), as ``export`` has it: a branded .docx whose styles, page setup, header and
footer, and table colours the Word output takes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hirecli.writers import WriteOptions

ReferenceDocxOpt = Annotated[
    str | None,
    typer.Option(
        "--reference-docx",
        metavar="FILE",
        help="With Word output (-o FILE.docx or --format docx): a branded .docx whose "
        "styles, fonts, margins, header, footer and table colours the document uses.",
    ),
]


def reference_options(reference: str | None, fmt: str, base: WriteOptions | None = None) -> WriteOptions:
    """Write options with the reference document, checked before anything is built; a
    reference given for another format than Word is a usage error."""

    from hirecli.errors import UsageError
    from hirecli.writers import WriteOptions, writer_spec

    options = base or WriteOptions()
    if reference is None:
        return options
    if writer_spec(fmt).name != "docx":
        raise UsageError(
            f"--reference-docx applies to Word output only (-o FILE.docx or --format docx), not {fmt}"
        )
    from hirecli.writers.docx.reference import load_base

    load_base(Path(reference))
    return options._replace(reference_docx=Path(reference))
