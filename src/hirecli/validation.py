"""Everything ``hirecli validate`` checks: the file's shape, then what the role means.

The model catches wrong keys and values; some problems only show when the role is
used, such as an interview stage focused on a competency the role does not have, or
a custom interview question on a protected topic. Those are checked here too, so
that a role ``validate`` accepts is one every command accepts.
"""

from __future__ import annotations

import typing
from pathlib import Path

from hirecli.errors import Problem, ValidationFailed
from hirecli.model.company import Company
from hirecli.model.loader import is_company_file, load_role_file, load_text, read_bytes


def check_file(path: str | Path, stdin: typing.BinaryIO | None = None) -> list[Problem]:
    """Every problem in one role file (or company profile); empty when it is valid."""
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
    except ValidationFailed as exc:
        return list(exc.problems)
    return []
