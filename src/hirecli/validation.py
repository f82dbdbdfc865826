"""Everything ``hirecli validate`` checks: the file's shape, then what the role means.

The model catches wrong keys and values; some problems only show when the role is
used, such as an interview stage focused on a competency the role does not have, or
a custom interview question on a protected topic. Those are checked here too, so
that a role ``validate`` accepts is one every command accepts.
"""

from __future__ import annotations

import typing
from pathlib import Path

from hirecli.errors import InputFileError, Problem, ValidationFailed
from hirecli.model.company import Company
from hirecli.model.loader import is_company_file, load_role_file, load_text, read_bytes
from hirecli.model.role import Role
from hirecli.model.yamlsource import SourceMap


def check_file(
    path: str | Path, stdin: typing.BinaryIO | None = None, warnings: list[Problem] | None = None
) -> list[Problem]:
    """Every problem in one role file (or company profile); empty when it is valid.

    With ``warnings``, what a valid role should still fix is added to it: list items
    that look folded into one, and facts a posting should state (model/folded.py and
    model/missing.py)."""
    try:
        if is_company_file(path):
            data, source = read_bytes(path)
            load_text(data, source, Company)
            return []
        loaded = load_role_file(path, stdin)
        role = loaded.model
        if role.interview_plan is not None or any(c.questions for c in role.competencies):
            from hirecli.builders.kit.plan import plan_kit

            plan_kit(role, positions=loaded.positions)
        if warnings is not None and not getattr(role, "abstract", False):  # a family file is no posting
            warnings.extend(role_warnings(loaded.model, loaded.positions, path))
    except ValidationFailed as exc:
        return list(exc.problems)
    return []


def role_warnings(role: Role, positions: SourceMap, path: str | Path) -> list[Problem]:
    """Folded list items and missing facts of a valid role, as located warnings."""
    from hirecli.model.folded import folded_items
    from hirecli.model.loader import company_for
    from hirecli.model.missing import missing_facts

    text = None
    if str(path) != "-":
        try:
            text = Path(path).read_text("utf-8", errors="replace")
        except OSError:
            text = None
    found = [
        Problem(positions.source, f.line, f.column, f.message, "folded-list-item")
        for f in folded_items(role, positions, text)
    ]
    try:
        company = company_for(path) if str(path) != "-" else None
    except ValidationFailed:
        company = None
    for fact in missing_facts(role, company):
        where = positions.locate(fact.path)
        found.append(Problem(positions.source, where.line, where.column, fact.message, fact.code))
    if not role.all_skills and not role.competencies:
        found.append(
            Problem(
                positions.source,
                1,
                1,
                "no skills or competencies: interview-kit, "
                "scorecard and export refuse a role whose interview loop asks nothing; "
                "add skills.hard and skills.soft",
                "empty-interview-loop",
            )
        )
    return found


def duplicate_ids(files: typing.Sequence[str | Path]) -> dict[str, list[Problem]]:
    """Roles that share an id with another role checked in the same run, by the name shown for
    their file: ``export`` refuses them, so ``validate`` does too (families are left out, as an
    export of a folder leaves them out)."""
    seen: dict[str, list[tuple[str, Problem | None, str]]] = {}
    for path in files:
        if str(path) == "-" or is_company_file(path):
            continue
        try:
            loaded = load_role_file(path)
        except (ValidationFailed, InputFileError):
            continue
        if loaded.model.abstract:
            continue
        role_id = loaded.model.slug
        at = loaded.positions.locate(("id",)) if ("id",) in loaded.positions.values else None
        seen.setdefault(role_id, []).append(
            (
                str(path),
                None if at is None else Problem(loaded.source, at.line, at.column, "", "duplicate-id"),
                loaded.source,
            )
        )
    found: dict[str, list[Problem]] = {}
    for role_id, owners in seen.items():
        if len(owners) < 2:
            continue
        for index, (name, where, source) in enumerate(owners):
            other = owners[1][2] if index == 0 else owners[0][2]
            message = f"role id {role_id!r} is also the id of {other}; each role needs its own id"
            if where is None:
                problem = Problem(
                    source, 1, 1, message + " (the id comes from the file name; set 'id:')", "duplicate-id"
                )
            else:
                problem = Problem(source, where.line, where.column, message, "duplicate-id")
            found.setdefault(name, []).append(problem)
    return found
