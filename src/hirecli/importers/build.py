"""A role file from a draft: keys in the model's order, empty parts left out, and the
result checked by the same loader that ``hirecli validate`` uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from hirecli.errors import InvalidInputError, UsageError, ValidationFailed
from hirecli.importers.draft import Draft
from hirecli.importers.report import ImportReport
from hirecli.importers.yamlout import Flow, Folded, dump_json, dump_yaml
from hirecli.model.role import (
    CareerPath,
    Compensation,
    Education,
    Experience,
    Location,
    Qualifications,
    Responsibilities,
    Role,
    Skills,
)
from hirecli.slug import slugify
from hirecli.starter import SCHEMA_MODELINE

_PARTS: dict[str, type[BaseModel]] = {
    "location": Location,
    "compensation": Compensation,
    "career_path": CareerPath,
    "responsibilities": Responsibilities,
    "skills": Skills,
    "education": Education,
    "experience": Experience,
    "qualifications": Qualifications,
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Built:
    """The imported role: its data, its text in the format asked for, and the model."""

    data: dict[str, Any]
    text: str
    role: Role


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _ordered(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` in ``model``'s field order, without empty values."""
    out: dict[str, Any] = {}
    for name in model.model_fields:
        value = data.get(name)
        if name in _PARTS and isinstance(value, dict):
            value = _ordered(_PARTS[name], value)
        if value not in (None, "", [], {}):
            out[name] = value
    return out


def _notes(draft: Draft) -> str | None:
    """Leftovers under one heading that says what they are (so a posting never publishes
    them), each with the line it came from and the heading it stood under."""
    from hirecli.builders.posting.notes import IMPORTED

    if not draft.notes:
        return None
    lines = [f"{IMPORTED} (not published; move each line to its field, or delete it):"]
    for heading, _kind, text, pos in draft.notes:
        under = f" (under {heading!r})" if heading else ""
        lines.append(f"- {draft.unit} {pos}{under}: {text}")
    return "\n".join(lines)


def _block(text: str | None) -> str | None:
    """Long text folds over several lines in the file; text with line breaks keeps them."""
    return Folded(text) if text and "\n" not in text else text


def role_data(draft: Draft, role_id: str) -> dict[str, Any]:
    """The role as plain data, in the documented key order."""
    lists = draft.lists
    place = draft.location
    pay = draft.pay
    summary = "\n\n".join(draft.summary) or None
    data: dict[str, Any] = {
        "id": role_id,
        "title": draft.title,
        "tags": Flow(draft.tags) if draft.tags else None,
        "department": draft.department,
        "reports_to": draft.reports_to,
        "openings": draft.openings,
        "employment_type": draft.employment_type,
        "schedule": draft.schedule,
        "location": {
            "city": place.city,
            "region": place.region,
            "country": place.country,
            "postal_code": place.postal_code,
            "workplace": place.workplace,
            "remote_regions": Flow(place.remote_regions) if place.remote_regions else None,
        },
        "compensation": None
        if pay is None
        else {
            "currency": pay.currency,
            "min": _number(pay.min) if pay.min is not None else None,
            "max": _number(pay.max) if pay.max is not None and pay.min is not None else None,
            "period": pay.period,
            "variable_pay": " ".join(dict.fromkeys(draft.variable_pay)) or None,
        },
        "summary": _block(summary),
        "experience": {
            "min_years": draft.exp_min,
            "max_years": draft.exp_max,
            "description": draft.exp_description,
            "preferred": lists.get("experience.preferred"),
        },
        "benefits": lists.get("benefits"),
        "notes": _block(_notes(draft)),
    }
    for path, items in lists.items():
        if "." in path and path != "experience.preferred":
            parent, child = path.split(".", 1)
            data.setdefault(parent, {})[child] = items
    return _ordered(Role, data)


def check_id(role_id: str) -> str:
    if not _SLUG.match(role_id) or len(role_id) > 80:
        raise UsageError(
            f"--id {role_id!r} is not a valid id: use lower-case letters, digits and "
            "hyphens, e.g. senior-nurse"
        )
    return role_id


def build(draft: Draft, report: ImportReport, *, role_id: str | None, fmt: str) -> Built:
    """Order, render and validate the role; a role that fails validation is an error here."""
    from hirecli.model.loader import load_role_text
    from hirecli.model.yamlsource import MAX_BYTES

    if not draft.title:
        raise InvalidInputError(
            f"{report.source}: no job title found; put the title on the first "
            "line, or add a line like 'Job title: Registered Nurse'"
        )
    chosen = check_id(role_id) if role_id else slugify(draft.title)
    report.role_id = chosen
    data = role_data(draft, chosen)
    yaml_text = dump_yaml(data, header=SCHEMA_MODELINE + "\n")
    text = dump_json(data) if fmt == "json" else yaml_text
    if max(len(yaml_text), len(text)) > MAX_BYTES:
        raise InvalidInputError(
            f"{report.source}: the role would be larger than a role file may be "
            f"({MAX_BYTES // 1_048_576} MB); is this one job description?"
        )
    try:
        loaded = load_role_text(yaml_text, f"{report.source} (imported)")
        if fmt == "json":
            load_role_text(text, f"{report.source} (imported JSON)")
    except ValidationFailed as exc:
        raise InvalidInputError(
            f"{report.source}: the imported role does not validate "
            f"({exc.problems[0].message}); please report this"
        ) from None
    return Built(data, text, loaded.model)
