"""Commands about role files themselves: validate, list, new, schema."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.options import ForceOpt, OutputOpt, ReportFormat, ReportFormatOpt

if TYPE_CHECKING:
    from hirecli.cli.env import Env

PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Role files or folders (searched recursively); - is stdin."),
]


def validate(paths: PathsArg, fmt: ReportFormatOpt = ReportFormat.text) -> None:
    """Check role files and report every problem as file:line:col: message.

    Folders are searched for *.yaml and *.yml; a company.yaml found there is checked
    as a company profile. Besides keys and values, interview_plan focus names and
    custom interview questions are checked (protected topics are errors).
    Exit 0 when every file is valid, 1 when any is not.

    Example: hirecli validate roles/
    """
    import json

    from hirecli.cli.env import Env
    from hirecli.errors import ExitCode
    from hirecli.model.loader import iter_role_files
    from hirecli.validation import check_file

    env = Env.current()
    results = [(str(path) if path != "-" else "<stdin>", check_file(path, env.stdin))
               for path in iter_role_files(paths, with_company=True)]
    invalid = sum(1 for _, problems in results if problems)
    if fmt is ReportFormat.json:
        payload = {
            "valid": invalid == 0,
            "files": [
                {"file": name, "valid": not problems, "problems": [p.to_dict() for p in problems]}
                for name, problems in results
            ],
            "summary": {"files": len(results), "invalid": invalid,
                        "problems": sum(len(p) for _, p in results)},
        }
        env.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        for _, problems in results:
            for problem in problems:
                env.stdout.write(f"{problem}\n")
        if env.stdout_isatty:
            _validate_table(env, results)
        else:
            env.stdout.write(f"{len(results)} file(s) checked, {invalid} invalid\n")
    if invalid:
        raise typer.Exit(ExitCode.INVALID)


def _validate_table(env: Env, results: list[tuple[str, list]]) -> None:  # type: ignore[type-arg]
    from rich.table import Table

    table = Table(title="Validation", title_justify="left")
    table.add_column("File")
    table.add_column("Status")
    table.add_column("Problems", justify="right")
    for name, problems in results:
        status = "[red]invalid[/]" if problems else "[green]valid[/]"
        from rich.markup import escape

        table.add_row(escape(name), status, str(len(problems)))
    env.console().print(table)


def list_roles(
    path: Annotated[str, typer.Argument(help="A folder of role files, or one file.")] = "roles",
    fmt: ReportFormatOpt = ReportFormat.text,
) -> None:
    """Show the roles in a folder: id, title, tags, pay and how much each holds.

    Invalid files are named on stderr and make the exit code 1.

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
    for file in iter_role_files([path]):
        try:
            role = load_role_file(file, env.stdin).model
        except ValidationFailed as exc:
            failed += 1
            env.stderr.write(f"{exc.message}\n")
            continue
        rows.append({
            "id": role.slug,
            "title": role.title,
            "file": str(file),
            "tags": role.tags,
            "compensation": format_pay(role.compensation) if role.compensation else None,
            "responsibilities": len(role.responsibilities.primary) + len(role.responsibilities.secondary),
            "skills": len(role.skills.hard) + len(role.skills.soft),
        })
    if fmt is ReportFormat.json:
        env.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif env.stdout_isatty:
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=f"Roles in {escape(path)}", title_justify="left")
        for column in ("ID", "Title", "Tags", "Compensation", "Duties", "Skills"):
            table.add_column(column, justify="right" if column in ("Duties", "Skills") else "left")
        for row in rows:
            table.add_row(escape(str(row["id"])), escape(str(row["title"])),
                          escape(", ".join(row["tags"])),  # type: ignore[arg-type]
                          escape(str(row["compensation"] or "-")),
                          str(row["responsibilities"]), str(row["skills"]))
        env.console().print(table)
    else:
        for row in rows:
            env.stdout.write("\t".join([
                str(row["id"]), str(row["title"]), ", ".join(row["tags"]),  # type: ignore[arg-type]
                str(row["compensation"] or ""), str(row["responsibilities"]), str(row["skills"]),
            ]) + "\n")
    if failed:
        raise typer.Exit(ExitCode.INVALID)


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
        SchemaKind, typer.Option("--kind", help="Which schema: role, company, or kit-data (the "
                                                "output of interview-kit --format data).")
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
