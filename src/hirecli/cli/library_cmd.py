"""``hirecli competencies``: list, show and search the competency library."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hirecli.cli.options import ReportFormat, ReportFormatOpt

if TYPE_CHECKING:
    from hirecli.cli.env import Env
    from hirecli.competencies import Library, LibraryCompetency


class Action(StrEnum):
    list = "list"
    show = "show"
    search = "search"


def _summary(entry: LibraryCompetency) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "family": entry.family,
        "kind": entry.kind,
        "questions": len(entry.questions),
        "origin": entry.origin,
    }


def _detail(entry: LibraryCompetency) -> dict[str, Any]:
    return {
        **_summary(entry),
        "definition": entry.definition,
        "aliases": list(entry.aliases),
        "anchors": {str(n): entry.anchors[n - 1] for n in (1, 2, 3, 4)},
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "minutes": q.minutes,
                "text": q.text,
                "probes": list(q.probes),
                "strong": list(q.strong),
                "red_flags": list(q.red_flags),
                "scoring_key": list(q.scoring_key),
            }
            for q in entry.questions
        ],
    }


def _rows(env: Env, title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if env.stdout_isatty:
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(title), title_justify="left")
        for column in header:
            table.add_column(
                column,
                no_wrap=column == "ID",
                justify="right" if column in ("Questions", "Match") else "left",
            )
        for row in rows:
            table.add_row(*(escape(cell) for cell in row))
        env.console().print(table)
    else:
        for row in rows:
            env.stdout.write("\t".join(row) + "\n")


def _show_text(env: Env, entry: LibraryCompetency) -> None:
    lines = [
        f"{entry.name} ({entry.id})",
        f"family: {entry.family} · kind: {entry.kind}"
        f" · {len(entry.questions)} questions"
        + (f" · from {entry.origin}" if entry.origin != "packaged" else ""),
        "",
        entry.definition,
        "",
        "Also called: " + ", ".join(entry.aliases),
        "",
        "Anchors:",
    ]
    lines += [f"  {n}. {entry.anchors[n - 1]}" for n in (1, 2, 3, 4)]
    for q in entry.questions:
        lines += ["", f"{q.id} · {q.type.replace('_', ' ')} · {q.minutes} min", f"  {q.text}"]
        lines += [f"  probe: {p}" for p in q.probes]
        lines += [f"  strong: {s}" for s in q.strong]
        lines += [f"  red flag: {r}" for r in q.red_flags]
        lines += [f"  scoring key: {k}" for k in q.scoring_key]
    env.stdout.write("\n".join(lines) + "\n")


def _load(company: str | None) -> Library:
    from hirecli.competencies import load_library
    from hirecli.model.loader import find_company, load_company

    path = company or find_company(".")
    profile = load_company(path) if path is not None else None
    return load_library(profile.competency_folders() if profile else ())


def competencies(
    action: Annotated[
        Action, typer.Argument(help="list (the default), show ID, or search TEXT.")
    ] = Action.list,
    value: Annotated[
        str | None, typer.Argument(metavar="[ID|TEXT]", help="The id to show or the skill name to search.")
    ] = None,
    family: Annotated[
        str | None,
        typer.Option(
            "--family",
            metavar="FAMILY",
            help="Only this job family (list), or only families that fit it (search).",
        ),
    ] = None,
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            metavar="FILE",
            help="The company profile whose own competency folder extends the library "
            "(default: company.yaml in this folder or a parent).",
        ),
    ] = None,
    fmt: ReportFormatOpt = ReportFormat.text,
) -> None:
    """List, show or search the competency library that interview kits draw on.

    Each competency has a definition, aliases, a job family, 1-4 anchors and at least
    five questions with probes, signals and, for technical questions and work samples, a
    scoring key. A company profile may name a folder of its own competency files
    (`competencies: <folder>` in company.yaml) that extend or override the packaged ones.

    Example: hirecli competencies --family food-hospitality

    Example: hirecli competencies show food-safety

    Example: hirecli competencies search "Forklift Certification" --format json
    """
    import json

    from hirecli.cli.env import Env
    from hirecli.errors import UnknownFormatError, UsageError
    from hirecli.families import families

    env = Env.current()
    if family is not None and family not in families().by_id:
        raise UnknownFormatError("family", family, list(families().by_id))
    lib = _load(company)
    if action is Action.list:
        if value is not None:
            raise UsageError("competencies list takes no argument (use --family to filter)")
        entries = [e for e in lib.entries.values() if family is None or e.family == family]
        entries.sort(key=lambda e: (e.family, e.id))
        if fmt is ReportFormat.json:
            env.stdout.write(json.dumps([_summary(e) for e in entries], indent=2) + "\n")
        else:
            _rows(
                env,
                f"Competency library ({len(entries)})",
                ("ID", "Name", "Family", "Kind", "Questions"),
                [(e.id, e.name, e.family, e.kind, str(len(e.questions))) for e in entries],
            )
        return
    if not value:
        raise UsageError(f"competencies {action.value} needs {'an ID' if action is Action.show else 'TEXT'}")
    if action is Action.show:
        if value not in lib:
            import difflib

            close = difflib.get_close_matches(value, list(lib.entries), n=5, cutoff=0.6)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise UsageError(
                f"unknown competency {value!r}; {hint}try: hirecli competencies search {value!r}"
            )
        entry = lib[value]
        if fmt is ReportFormat.json:
            env.stdout.write(json.dumps(_detail(entry), indent=2, ensure_ascii=False) + "\n")
        else:
            _show_text(env, entry)
        return
    fields = frozenset({family}) if family else frozenset()
    found = lib.search(value, fields)
    if fmt is ReportFormat.json:
        env.stdout.write(
            json.dumps(
                [{**_summary(e), "confidence": c, "matched": m} for e, c, m in found],
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        _rows(
            env,
            f"Library competencies for {value!r}",
            ("ID", "Name", "Family", "Match", "Via"),
            [(e.id, e.name, e.family, f"{c:.0f}", m) for e, c, m in found],
        )
    if not found:
        env.stderr.write(f"no competency close to {value!r}\n")


def register(app: typer.Typer) -> None:
    app.command("competencies")(competencies)
