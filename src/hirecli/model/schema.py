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


def json_schema(model: type[BaseModel] | None = None) -> dict[str, Any]:
    """The schema of ``model`` (default: the role file)."""
    if model is None:
        from hirecli.model.role import Role

        model = Role
    name = str(getattr(model, "schema_name", model.__name__.lower()))
    body = _to_draft07(model.model_json_schema(mode="validation"))
    body["title"] = f"hirecli {name} file" if name in ("role", "company") else f"hirecli {name}"
    return {"$schema": DRAFT_07, "$id": SCHEMA_ID.replace("role", name), **body}


def schema_text(model: type[BaseModel] | None = None) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
