"""The shipped JSON Schema accepts every example role and rejects what the loader rejects."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from hirecli.model.schema import DRAFT_07, json_schema
from paths import ROLES, ROOT


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((ROOT / "schema" / "role.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schema_is_draft07_without_newer_keywords() -> None:
    schema = json_schema()
    assert schema["$schema"] == DRAFT_07
    text = json.dumps(schema)
    assert "$defs" not in text
    assert "prefixItems" not in text


@pytest.mark.parametrize(
    "path", sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml"), ids=lambda p: p.stem
)
def test_example_roles_pass_the_schema(validator: jsonschema.Draft7Validator, path: object) -> None:
    data = yaml.safe_load(path.read_text())  # type: ignore[attr-defined]
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "bad",
    [
        {"title": "X", "responsibilites": []},
        {"tags": ["a"]},
        {"title": "X", "employment_type": "fulltime"},
        {"title": "X", "skills": {"hard": [{"must_have": True}]}},
    ],
)
def test_schema_rejects_bad_roles(validator: jsonschema.Draft7Validator, bad: dict[str, object]) -> None:
    assert list(validator.iter_errors(bad))


def test_example_roles_carry_the_schema_modeline() -> None:
    for path in ROLES.glob("*.yaml"):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../schema/"), path.name
