"""The JSON Schema of role files, in the draft-07 dialect editors understand."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

SCHEMA_ID = "https://example.com/hirecli/role.schema.json"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _to_draft07(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$defs":
                out["definitions"] = _to_draft07(value)
            elif key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            else:
                out[key] = _to_draft07(value)
        return out
    if isinstance(node, list):
        return [_to_draft07(item) for item in node]
    return node


_MERGED = (
    "Location",
    "Compensation",
    "CareerPath",
    "Responsibilities",
    "Skills",
    "Education",
    "Experience",
    "Qualifications",
    "InterviewPlan",
    "LintExceptions",
)
"""Mappings a role file merges key by key with the one it extends: their lists may be changes."""
_REQUIRED_UNLESS_EXTENDS = {"Compensation": "compensation", "InterviewPlan": "interview_plan"}


def _list_change(array: dict[str, Any]) -> dict[str, Any]:
    """A list property that may also be written as ``{add: [...], remove: [...]}``."""
    plain = {k: v for k, v in array.items() if k not in ("title", "description", "default")}
    items = plain.get("items", {})
    added = {k: v for k, v in plain.items() if k != "minItems"}
    removed = {
        "type": "array",
        "items": items
        if items == {"type": "string"}
        else {"anyOf": [{"type": "string", "minLength": 1}, items]},
    }
    change = {
        "type": "object",
        "description": "A change to the inherited list (with extends:): items to add, items to "
        "remove by their text or name",
        "properties": {"add": added, "remove": removed},
        "additionalProperties": False,
        "minProperties": 1,
    }
    out = {k: v for k, v in array.items() if k in ("title", "description", "default")}
    out["anyOf"] = [plain, change]
    return out


def _with_families(body: dict[str, Any]) -> dict[str, Any]:
    """The role schema as a file with ``extends:`` may be written: lists may be changes, and
    what the family gives (the title, a pay currency, interview stages) need not be repeated."""
    holders = [body, *(body["definitions"][name] for name in _MERGED if name in body.get("definitions", {}))]
    for holder in holders:
        for key, prop in holder.get("properties", {}).items():
            if prop.get("type") == "array":
                holder["properties"][key] = _list_change(prop)
    inherited_required: dict[str, Any] = {}
    for name, field in _REQUIRED_UNLESS_EXTENDS.items():
        definition = body.get("definitions", {}).get(name)
        if definition and definition.get("required"):
            inherited_required[field] = {"required": definition.pop("required")}
    body["required"] = [r for r in body.get("required", []) if r != "title"]
    body["if"] = {"not": {"required": ["extends"]}}
    body["then"] = {"required": ["title"], "properties": inherited_required}
    return body


def json_schema(model: type[BaseModel] | None = None) -> dict[str, Any]:
    """The schema of ``model`` (default: the role file)."""
    from hirecli.model.role import Role

    if model is None:
        model = Role
    name = str(getattr(model, "schema_name", model.__name__.lower()))
    body = _to_draft07(model.model_json_schema(mode="validation"))
    if model is Role:
        body = _with_families(body)
    body["title"] = f"hirecli {name} file" if name in ("role", "company") else f"hirecli {name}"
    return {"$schema": DRAFT_07, "$id": SCHEMA_ID.replace("role", name), **body}


def schema_text(model: type[BaseModel] | None = None) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
