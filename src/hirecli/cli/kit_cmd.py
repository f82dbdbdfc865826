"""``hirecli interview-kit`` and ``hirecli scorecard``: structured interviews from a role file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hirecli.cli.options import ForceOpt, OutputOpt
from hirecli.cli.reference_opt import ReferenceDocxOpt

if TYPE_CHECKING:
    from hirecli.builders.kit.model import Kit
    from hirecli.cli.env import Env
    from hirecli.model.yamlsource import SourceMap

RoleArg = Annotated[str, typer.Argument(metavar="ROLE", help="The role file (- reads standard input).")]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="terminal, md, html, text, json, docx, or data (the kit's own model as JSON, "
        "with a format version). Default: a preview on a terminal, Markdown in a "
        "pipe, or the -o file's extension.",
    ),
]
CompanyOpt = Annotated[
    str | None,
    typer.Option(
        "--company",
        metavar="FILE",
        help="The company profile (default: company.yaml next to the role or in a parent folder).",
    ),
]
VariantOpt = Annotated[
    int,
    typer.Option(
        "--variant",
        metavar="N",
        min=0,
        help="Pick question set N: another, equally balanced set of questions for a new "
        "hiring round. The same N always gives the same kit.",
    ),
]
StageOpt = Annotated[
    str | None,
    typer.Option(
        "--stage", metavar="NAME", help="Only this stage (its name or number), e.g. 'Recruiter screen' or 2."
    ),
]


def _table(rows: list[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell, for stderr when it is not a terminal."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return (
        "\n".join(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
        )
        + "\n"
    )


def explain_rows(kit: Kit) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The match table and the loop table that ``--explain`` prints."""
    matches: list[tuple[str, ...]] = [("Skill", "Matched competency", "How", "Confidence", "Note")]
    for row in kit.matches:
        confidence = f"{row.confidence:.0f}" if row.confidence is not None else "—"
        matches.append((row.skill, row.matched, row.how, confidence, row.note or ""))
    loop: list[tuple[str, ...]] = [
        ("Stage", "Minutes", "Question minutes", "Questions", "Reserve", "Competencies")
    ]
    for stage in kit.stages:
        loop.append(
            (
                stage.name,
                str(stage.minutes),
                f"{stage.timing.used}/{stage.timing.questions}",
                str(len(stage.questions)),
                str(len(stage.reserve)),
                str(len(stage.competencies)),
            )
        )
    return matches, loop


def draft_findings(kit: Kit, positions: SourceMap | None) -> list[str]:
    """One line per skill with draft questions, at the skill's place in the role file."""
    lines = []
    for comp in kit.drafts:
        where = positions.locate(comp.path) if positions is not None and comp.path else None
        place = f"{kit.source}:{where.line}:{where.column}" if where else kit.source
        lines.append(
            f"{place}: skill {comp.name!r} matches no library competency of this role's "
            "field: its questions are drafts (review before use; --drafts prints them "
            "to edit into the role file)"
        )
    return lines


def _report(kit: Kit, env: Env, *, explain: bool, positions: SourceMap | None = None) -> None:
    """Warnings always, and with ``explain`` what matched and how the loop is planned."""
    if explain:
        fields = ", ".join(kit.fields) or "unknown (every family allowed)"
        env.stderr.write(f"role's field: {fields}\n")
        matches, loop = explain_rows(kit)
        if env.stderr_isatty:
            from rich.markup import escape
            from rich.table import Table

            console = env.console(stderr=True)
            for title, rows in (
                ("Skills matched to the competency library", matches),
                ("Interview loop", loop),
            ):
                table = Table(title=title, title_justify="left")
                for column in rows[0]:
                    table.add_column(column)
                for row in rows[1:]:
                    table.add_row(*(escape(cell) for cell in row))
                console.print(table)
        else:
            env.stderr.write(_table(matches) + "\n" + _table(loop))
        for note in kit.notes:
            env.stderr.write(f"note: {note}\n")
    for warning in kit.warnings:
        env.stderr.write(f"warning: {warning}\n")
    for line in draft_findings(kit, positions):
        env.stderr.write(f"warning: {line}\n")
    env.stderr.flush()


def _strict(kit: Kit, positions: SourceMap | None) -> None:
    """With --strict, draft questions are an error: the kit is not ready to hand out."""
    if not kit.drafts:
        return
    from hirecli.errors import Problem, ValidationFailed

    problems = []
    for comp in kit.drafts:
        where = positions.locate(comp.path) if positions is not None and comp.path else None
        problems.append(
            Problem(
                kit.source,
                where.line if where else 1,
                where.column if where else 1,
                f"skill {comp.name!r} has only draft questions (--strict)",
                "draft-questions",
            )
        )
    raise ValidationFailed(problems)


def _refuse_empty(kit: Kit, *, drafts: bool = False) -> None:
    """A loop that asks nothing about the role is an error (exit 1), with what to add."""
    from hirecli.builders.kit.empty import empty_loop
    from hirecli.errors import InvalidInputError

    problem = None if drafts else empty_loop(kit)
    if problem:
        raise InvalidInputError(problem)


def _check_format(fmt: str | None) -> str | None:
    from hirecli.writers import writer_spec

    if fmt is not None and fmt.strip() == DATA:
        return DATA
    return writer_spec(fmt.strip()).name if fmt is not None else None


DATA = "data"
"""The kit's own model as JSON (``--format json`` is the document tree)."""


def interview_kit(
    role: RoleArg,
    stage: StageOpt = None,
    competency: Annotated[
        list[str] | None,
        typer.Option(
            "--competency", metavar="NAME", help="Plan the kit for this competency only; repeat for several."
        ),
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    company: CompanyOpt = None,
    variant: VariantOpt = 0,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show on stderr what each skill matched in the competency "
            "library, how sure the match is, and how the loop is planned.",
        ),
    ] = False,
    scorecard: Annotated[
        bool, typer.Option("--scorecard", help="Print the scorecard instead of the kit.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) when a skill has only draft questions.")
    ] = False,
    drafts: Annotated[
        bool,
        typer.Option(
            "--drafts",
            help="Print, as YAML for the role file's competencies: block, the "
            "draft questions of skills the library does not know.",
        ),
    ] = False,
    reference_docx: ReferenceDocxOpt = None,
) -> None:
    """Write a structured interview kit: the loop, questions, rating scales and guides.

    Every skill of the role (and every competency it declares) is matched to the
    packaged competency library; skills the library does not know get questions written
    from the role's own duties. The kit plans a loop sized to the role (two stages for an
    hourly role with a few skills, up to four for a senior one) or the role's
    interview_plan: at most six competencies an interview, must-haves in two stages, a
    scored work sample for roles with hard skills, and what the interviews cannot assess
    named with how it is assessed instead. The kit states the decision rule, the debrief
    guide and the interviewer checklist; each stage's packet (--stage) has lines for
    candidate, interviewer and date, the rules, scripts, a timing plan, each question with
    probes, signals, a reserve and a 1-4 rating scale, and the topics never to ask about.
    The same role always gives the same kit. A custom question that touches a protected
    topic is an error (exit 1).

    Example: hirecli interview-kit roles/mental-health-professional.yaml

    Example: hirecli interview-kit roles/wind-turbine-technician.yaml --stage 3 -o skills.docx

    Example: hirecli interview-kit roles/software-engineer.yaml --variant 2 --explain
    """
    from hirecli.api import build_kit, build_scorecard, find_company, plan_kit, read_role
    from hirecli.builders.kit.document import find_stage
    from hirecli.cli.env import Env
    from hirecli.cli.output import choose_format, deliver
    from hirecli.cli.reference_opt import reference_options
    from hirecli.companyfind import announce
    from hirecli.fileio import refuse_existing

    env = Env.current()
    chosen = _check_format(fmt)
    if output not in (None, "-"):
        refuse_existing([Path(str(output))], force=force)
    loaded = read_role(role, stdin=env.stdin)
    kit = plan_kit(
        loaded.model,
        find_company(role, company),
        variant=variant,
        competencies=competency or None,
        positions=loaded.positions,
    )
    index = find_stage(kit, stage) if stage is not None else None
    _report(kit, env, explain=explain, positions=loaded.positions)
    _refuse_empty(kit, drafts=drafts)
    if strict:
        _strict(kit, loaded.positions)
    if drafts:
        from hirecli.builders.kit.drafts import drafts_yaml
        from hirecli.cli.output import emit

        emit(drafts_yaml(kit), output, force=force, env=env)
        return
    if chosen == DATA:
        _emit_data(kit, index, output, force=force, env=env)
        return
    doc = build_scorecard(kit, stage=stage) if scorecard else build_kit(kit, stage=stage)
    final = choose_format(chosen, output, env)
    announce(env.stderr, role, company, terminal=final == "terminal" or env.stderr_isatty)
    deliver(doc, final, output, force=force, env=env, options=reference_options(reference_docx, final))


def _emit_data(kit: Kit, index: int | None, output: str | None, *, force: bool, env: Env) -> None:
    """The kit's own model as JSON; with a stage, only that stage and what it asks."""
    from dataclasses import replace

    from hirecli.builders.kit.export import kit_data_json
    from hirecli.cli.output import emit

    if index is not None:
        kit = replace(kit, stages=(kit.stages[index],))
    emit(kit_data_json(kit), output, force=force, env=env)


def scorecard(
    role: RoleArg,
    stage: StageOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    company: CompanyOpt = None,
    variant: VariantOpt = 0,
    reference_docx: ReferenceDocxOpt = None,
) -> None:
    """Write the scorecard for a role's interview loop.

    One anchored 1-4 rating per competency (a description of a 1, 2, 3 and 4 answer,
    with no neutral middle) with room for evidence, the competencies' weights and how
    the weighted score is worked out, and an overall recommendation: Strong No, No,
    Yes or Strong Yes. With --stage the scorecard holds only that stage's competencies.

    Example: hirecli scorecard roles/registered-nurse.yaml -o scorecard.docx

    Example: hirecli scorecard roles/wind-turbine-technician.yaml --stage 'Recruiter screen'
    """
    from hirecli.api import build_scorecard, find_company, plan_kit, read_role
    from hirecli.builders.kit.document import find_stage
    from hirecli.cli.env import Env
    from hirecli.cli.output import choose_format, deliver
    from hirecli.cli.reference_opt import reference_options
    from hirecli.companyfind import announce
    from hirecli.fileio import refuse_existing

    env = Env.current()
    chosen = _check_format(fmt)
    if output not in (None, "-"):
        refuse_existing([Path(str(output))], force=force)
    loaded = read_role(role, stdin=env.stdin)
    kit = plan_kit(loaded.model, find_company(role, company), variant=variant, positions=loaded.positions)
    index = find_stage(kit, stage) if stage is not None else None
    _report(kit, env, explain=False, positions=loaded.positions)
    _refuse_empty(kit)
    if chosen == DATA:
        _emit_data(kit, index, output, force=force, env=env)
        return
    final = choose_format(chosen, output, env)
    announce(env.stderr, role, company, terminal=final == "terminal" or env.stderr_isatty)
    deliver(
        build_scorecard(kit, stage=stage),
        final,
        output,
        force=force,
        options=reference_options(reference_docx, final),
        env=env,
    )


def register(app: typer.Typer) -> None:
    app.command("interview-kit")(interview_kit)
    app.command("scorecard")(scorecard)
