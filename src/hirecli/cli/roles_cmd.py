"""Commands about role files themselves: validate, list, new, schema."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.options import ForceOpt, OutputOpt, ReportFormat, ReportFormatOpt

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hirecli.cli.env import Env

PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Role files or folders (searched recursively); - is stdin."),
]


def validate(
    paths: PathsArg,
    fmt: ReportFormatOpt = ReportFormat.text,
    dependents: Annotated[
        bool,
        typer.Option(
            "--dependents/--no-dependents",
            help="Also check the roles that extend a file named here (directly or "
            "not), found in its catalogue: the folder with company.yaml or .git.",
        ),
    ] = True,
) -> None:
    """Check role files and report every problem as file:line:col: message.

    Folders are searched for *.yaml and *.yml; a company.yaml found there is checked
    as a company profile. Besides keys and values, interview_plan focus names and
    custom interview questions are checked (protected topics are errors). A role that
    says extends: is checked with everything it inherits, and a problem in an inherited
    value is placed in the file that holds it; a family file is checked together with
    every role that extends it. Exit 0 when every file is valid, 1 when any is not.

    Example: hirecli validate roles/

    Example: hirecli validate roles/software-engineer-family.yaml
    """
    import json

    from hirecli.cli.env import Env
    from hirecli.errors import ExitCode
    from hirecli.model.familytree import dependents as find_dependents
    from hirecli.model.loader import iter_role_files
    from hirecli.termsafe import safe
    from hirecli.validation import check_file, duplicate_ids

    env = Env.current()
    files: list[str | Path] = list(iter_role_files(paths, with_company=True, with_abstract=True))
    if dependents:
        files += find_dependents([Path(f) for f in files if f != "-"])
    warned: dict[str, list] = {}  # type: ignore[type-arg]  # folded items, missing facts: not invalid
    results = [
        (
            str(path) if path != "-" else "<stdin>",
            check_file(path, env.stdin, warned.setdefault(str(path) if path != "-" else "<stdin>", [])),
        )
        for path in files
    ]
    twins = duplicate_ids(files)  # export refuses two roles with one id, so validate does too
    results = [(name, problems + twins.get(name, [])) for name, problems in results]
    invalid = sum(1 for _, problems in results if problems)
    if fmt is ReportFormat.json:
        payload = {
            "valid": invalid == 0,
            "files": [
                {
                    "file": name,
                    "valid": not problems,
                    "problems": [p.to_dict() for p in problems],
                    "warnings": [w.to_dict() for w in warned.get(name, [])],
                }
                for name, problems in results
            ],
            "summary": {
                "files": len(results),
                "invalid": invalid,
                "problems": sum(len(p) for _, p in results),
            },
        }
        env.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for name, problems in results:
            for problem in problems:
                env.stdout.write(f"{problem}\n")
            for w in warned.get(name, []):
                env.stdout.write(safe(f"{w.file}:{w.line}:{w.column}: warning: {w.message}") + "\n")
        if env.stdout_isatty:
            _validate_table(env, results)
        else:
            env.stdout.write(f"{len(results)} file(s) checked, {invalid} invalid\n")
    if invalid:
        raise typer.Exit(ExitCode.INVALID)


def _validate_table(env: Env, results: list[tuple[str, list]]) -> None:  # type: ignore[type-arg]
    from rich.table import Table

    from hirecli.termsafe import safe

    table = Table(title="Validation", title_justify="left")
    table.add_column("File")
    table.add_column("Status")
    table.add_column("Problems", justify="right")
    for name, problems in results:
        status = "[red]invalid[/]" if problems else "[green]valid[/]"
        from rich.markup import escape

        table.add_row(escape(safe(name)), status, str(len(problems)))
    env.console().print(table)


def list_roles(
    path: Annotated[str, typer.Argument(help="A folder of role files, or one file.")] = "roles",
    fmt: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Show the roles in a folder: id, title, family, tags, pay and how much each holds.

    The family is the file a role extends at the top of its line (a family file itself
    is marked "(family)"). Invalid files are named on stderr and make the exit code 1.

    Example: hirecli list roles/ --format json
    """
    import json

    from hirecli.cli.env import Env
    from hirecli.errors import ExitCode, ValidationFailed
    from hirecli.model.loader import iter_role_files, load_role_file
    from hirecli.pay import format_pay

    env = Env.current()
    rows = []
    failed = 0
    for file in iter_role_files([path], with_abstract=True):
        try:
            loaded = load_role_file(file, env.stdin)
        except ValidationFailed as exc:
            failed += 1
            env.stderr.write(f"{exc.message}\n")
            continue
        role = loaded.model
        top = loaded.ancestors[-1] if loaded.ancestors else None
        rows.append(
            {
                "id": role.slug,
                "title": role.title,
                "file": str(file),
                "family": top.id if top else (role.slug if role.abstract else None),
                "extends": [a.id for a in loaded.ancestors],
                "abstract": role.abstract,
                "tags": role.tags,
                "compensation": format_pay(role.compensation) if role.compensation else None,
                "responsibilities": len(role.responsibilities.primary) + len(role.responsibilities.secondary),
                "skills": len(role.skills.hard) + len(role.skills.soft),
            }
        )
    if fmt is ReportFormat.json:
        env.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif env.stdout_isatty:
        from hirecli.cli.listview import show_roles

        show_roles(env.console(), f"Roles in {path}", [_cells(row) for row in rows])
    else:
        for row in rows:
            env.stdout.write(
                "\t".join(
                    [
                        str(row["id"]),
                        str(row["title"]),
                        ", ".join(row["tags"]),  # type: ignore[arg-type]
                        str(row["compensation"] or ""),
                        str(row["responsibilities"]),
                        str(row["skills"]),
                        _family(row),
                    ]
                )
                + "\n"
            )
    if failed:
        raise typer.Exit(ExitCode.INVALID)


def _cells(row: Mapping[str, object]) -> tuple[str, ...]:
    """A role's cells in the terminal's list, in :data:`hirecli.cli.listview.HEADERS` order."""
    return (
        str(row["id"]),
        str(row["title"]),
        _family(row),
        ", ".join(row["tags"]),  # type: ignore[arg-type]
        str(row["compensation"] or "-"),
        str(row["responsibilities"]),
        str(row["skills"]),
    )


def _family(row: Mapping[str, object]) -> str:
    """The family column: the top of the role's line, or "(family)" for a family file."""
    if row.get("abstract"):
        return "(family)"
    return str(row.get("family") or "")


def new(
    title: Annotated[str, typer.Argument(help="The role's title, e.g. 'Registered Nurse'.")],
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write a new role file to start from, every key present with a comment.

    Without -o the file goes to roles/<id>.yaml when a roles/ folder is here,
    otherwise to ./<id>.yaml. It never replaces a file without --force.

    Example: hirecli new "Registered Nurse"
    """
    from hirecli.cli.env import Env
    from hirecli.cli.output import emit
    from hirecli.slug import slugify
    from hirecli.starter import starter_role

    env = Env.current()
    slug = slugify(title)
    if output is None:
        folder = Path("roles") if Path("roles").is_dir() else Path(".")
        output = str(folder / f"{slug}.yaml")
    emit(starter_role(title, slug), output, force=force, env=env)
    if output != "-":
        env.stderr.write(f"wrote {output}\n")


class SchemaKind(StrEnum):
    role = "role"
    company = "company"
    kit_data = "kit-data"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option(
            "--kind",
            help="Which schema: role, company, or kit-data (the output of interview-kit --format data).",
        ),
    ] = SchemaKind.role,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Print the JSON Schema of role files (draft-07, for editors and CI).

    The repository ships it as schema/role.schema.json; a first line
    "# yaml-language-server: $schema=../schema/role.schema.json" in a role file lets
    editors check it as you type.

    Example: hirecli schema --kind company -o schema/company.schema.json
    """
    from pydantic import BaseModel

    from hirecli.builders.kit.export import KitData
    from hirecli.cli.env import Env
    from hirecli.cli.output import emit
    from hirecli.model.company import Company
    from hirecli.model.role import Role
    from hirecli.model.schema import schema_text

    models: dict[SchemaKind, type[BaseModel]] = {SchemaKind.company: Company, SchemaKind.kit_data: KitData}
    model = models.get(kind, Role)
    emit(schema_text(model), output, force=force, env=Env.current())


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("list")(list_roles)
    app.command("new")(new)
    app.command("schema")(schema)
