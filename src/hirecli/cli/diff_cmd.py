"""``hirecli diff``: what a change to role files changes in the posting and the interview kit."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hirecli.cli.options import ForceOpt, OutputOpt


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            help="A role file or folder, or git:REF:path for it as "
            "it was in a commit (e.g. git:main:roles/).",
        ),
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="The same, as it is now (a file, a folder, or git:REF:path).")
    ],
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", help="text for people, md for a pull-request comment, json for scripts."),
    ] = DiffFormat.text,
    channel: Annotated[
        str, typer.Option("--channel", metavar="NAME", help="The channel whose posting is compared.")
    ] = "careers",
    company: Annotated[
        Path | None,
        typer.Option(
            "--company",
            metavar="FILE",
            help="One company profile for both sides (default: each role's own, from the same "
            "commit for git:REF:path).",
        ),
    ] = None,
    no_company: Annotated[
        bool, typer.Option("--no-company", help="Compare the roles without any company profile.")
    ] = False,
    kit: Annotated[bool, typer.Option("--kit/--no-kit", help="Also compare the interview kits.")] = True,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when anything published changes (like git diff --exit-code)."
        ),
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Show what changes in postings and interview kits between two versions of roles.

    OLD and NEW are role files, folders of role files (roles are matched by id, and
    family files that say abstract: true are left out), or git:REF:path to read a file
    or folder as it was in a commit with git, following extends: and the company profile
    within that commit. For each role that changes: pay and location first, then the
    title and the other key facts, then the added, removed and changed lines of the
    posting and of the interview kit. --format md writes a pull-request comment, json
    a document for scripts. Exit 0 (1 with --exit-code when something changes).

    Example: hirecli diff git:HEAD:roles/registered-nurse.yaml roles/registered-nurse.yaml

    Example: hirecli diff git:main:roles/ roles/ --format md -o diff.md

    Example: hirecli diff old/nurse.yaml roles/registered-nurse.yaml --format json --no-kit
    """
    from hirecli.cli.env import Env
    from hirecli.cli.output import emit
    from hirecli.diff import compare
    from hirecli.diffreport import rendered
    from hirecli.errors import ExitCode
    from hirecli.model.loader import load_company

    env = Env.current()
    profile = load_company(company) if company is not None and not no_company else None
    report = compare(old, new, channel=channel, kit=kit, company=profile, use_company=not no_company)
    emit(rendered(report, fmt.value), output, force=force, env=env)
    if exit_code and report.changed:
        raise typer.Exit(ExitCode.INVALID)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
