"""The loader's fast path makes exactly the model pydantic makes, or leaves the file to pydantic.

Whatever the fast path accepts, pydantic accepts too, and the two models are equal value for
value (with the same types, ``1`` is not ``1.0``) and field set for field set, so that nothing
downstream can tell which path made a model. Everything pydantic refuses, the fast path leaves
to pydantic, so that every error message stays the model's.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from hirecli.model import company as company_module
from hirecli.model import fastpath
from hirecli.model import role as role_module
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import parse
from paths import ROOT

ROLE_FILES = sorted(
    path
    for folder in ("roles", "tests/family_roles", "tests/kit_roles", "tests/golden")
    for path in (ROOT / folder).rglob("*.y*ml")
)


def differences(fast: Any, full: Any, where: str = "model") -> list[str]:
    """Where two values differ, comparing types, model field sets and private attributes too."""
    if type(fast) is not type(full):
        return [f"{where}: {type(fast).__name__} is not {type(full).__name__}"]
    if isinstance(fast, BaseModel):
        found = []
        if fast.model_fields_set != full.model_fields_set:
            found.append(f"{where}: fields set {fast.model_fields_set} != {full.model_fields_set}")
        if fast.__pydantic_private__ != full.__pydantic_private__:
            found.append(f"{where}: private attributes differ")
        for name in type(fast).model_fields:
            found += differences(getattr(fast, name), getattr(full, name), f"{where}.{name}")
        return found
    if isinstance(fast, list):
        if len(fast) != len(full):
            return [f"{where}: {len(fast)} items, not {len(full)}"]
        return [
            d
            for i, pair in enumerate(zip(fast, full, strict=True))
            for d in differences(*pair, f"{where}[{i}]")
        ]
    if isinstance(fast, dict):
        if fast.keys() != full.keys():
            return [f"{where}: keys differ"]
        return [d for key in fast for d in differences(fast[key], full[key], f"{where}[{key}]")]
    return [] if fast == full else [f"{where}: {fast!r} != {full!r}"]


def compare(data: Any, model: type[BaseModel]) -> BaseModel | None:
    """The fast path's model for ``data``, checked against pydantic's."""
    fast = fastpath.quick(copy.deepcopy(data), model)
    try:
        full = model.model_validate(copy.deepcopy(data))
    except Exception:
        assert fast is None, "the fast path accepted what the model refuses"
        return None
    if fast is not None:
        assert differences(fast, full) == []
        assert fast == full
    return fast


def _model_for(path: Path) -> type[BaseModel]:
    return Company if path.name in ("company.yaml", "company.yml") else Role


def test_every_model_check_covers_its_model() -> None:
    checks = [value for value in vars(fastpath).values() if isinstance(value, fastpath.ModelCheck)]
    models = {
        value
        for module in (role_module, company_module)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__
    }
    assert {check.model for check in checks} == models
    for check in checks:
        assert check.usable, f"{check.model.__name__}: the fast path's table is out of step with the model"
        assert set(check.table) == set(check.model.model_fields)
        required = {name for name, field in check.model.model_fields.items() if field.is_required()}
        assert check.required == required, check.model.__name__


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_files_take_the_fast_path(path: Path) -> None:
    data, _, problems = parse(path.read_text(encoding="utf-8"), str(path))
    if problems or not isinstance(data, dict) or "extends" in data:
        pytest.skip("not a plain role or company file")
    made = compare(data, _model_for(path))
    try:
        _model_for(path).model_validate(data)
    except Exception:
        return
    assert made is not None, "a valid file the fast path does not vouch for"


SEED = parse((ROOT / "roles" / "mental-health-professional.yaml").read_text(encoding="utf-8"), "seed")[0]
COMPANY = parse((ROOT / "roles" / "company.yaml").read_text(encoding="utf-8"), "company")[0]
ODD_VALUES = st.sampled_from(
    [
        None,
        "",
        " ",
        "x",
        " padded ",
        "two\nlines",
        "tab\there",
        "bell\x07",
        "\x85",
        "\u00a0",
        "NO",
        "US",
        "us",
        "USD",
        "XXX",
        "XAU",
        "1",
        "0",
        "-1",
        "+3",
        "01",
        "5",
        "6",
        "60",
        "61",
        "90",
        "480",
        "1.5",
        "5.0",
        "1e3",
        "19.999",
        "0.001",
        "1234567890123456",
        "true",
        "yes",
        "False",
        "onsite",
        "remote",
        "hour",
        "technical",
        "full_time",
        "registered-nurse",
        "Nurse-1",
        "21-1014.00",
        "２１-1014",
        "https://example.com/jobs",
        "http://example.com/ x",
        "jobs@example.com",
        "a@b",
        [],
        ["x"],
        ["x", "x"],
        {},
        {"name": "x"},
        {"text": "x"},
        {"name": "Stage", "minutes": "30"},
    ]
)


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        found += [p for key, item in value.items() for p in _paths(item, (*at, key))]
    elif isinstance(value, list):
        found += [p for index, item in enumerate(value) for p in _paths(item, (*at, index))]
    return found


def _mutated(base: Any, changes: list[tuple[int, Any, bool]]) -> Any:
    data = copy.deepcopy(base)
    for pick, value, as_key in changes:
        paths = [p for p in _paths(data) if p]
        path = paths[pick % len(paths)]
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        if as_key and isinstance(parent, dict) and isinstance(value, str):
            parent[value] = parent.pop(last)
        else:
            parent[last] = copy.deepcopy(value)
    return data


CHANGES = st.lists(st.tuples(st.integers(0, 10_000), ODD_VALUES, st.booleans()), min_size=1, max_size=3)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(CHANGES)
def test_changed_roles_are_made_alike_or_left_to_pydantic(changes: list[tuple[int, Any, bool]]) -> None:
    compare(_mutated(SEED, changes), Role)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(CHANGES)
def test_changed_companies_are_made_alike_or_left_to_pydantic(changes: list[tuple[int, Any, bool]]) -> None:
    compare(_mutated(COMPANY, changes), Company)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("compensation", {"currency": "USD", "min": "55000", "max": "40000"}),
        ("compensation", {"currency": "JPY", "min": "10.5"}),
        ("compensation", {"currency": "USD", "max": "10"}),
        ("experience", {"min_years": "5", "max_years": "2"}),
        (
            "interview_plan",
            {"stages": [{"name": "Onsite", "minutes": "30"}, {"name": "onsite", "minutes": "30"}]},
        ),
        ("interview_plan", {"stages": [{"name": "2", "minutes": "30"}]}),
        ("interview_plan", {"stages": []}),
        ("skills", {"hard": ["  "]}),
        ("occupation_code", "٢١-1014"),
        ("id", "a" * 81),
    ],
)
def test_what_a_model_validator_refuses_goes_to_pydantic(field: str, value: Any) -> None:
    data = {**copy.deepcopy(SEED), field: value}
    assert fastpath.quick(data, Role) is None
    with pytest.raises(Exception):  # noqa: B017, PT011 - pydantic's ValidationError
        Role.model_validate(data)


def test_plain_text_items_become_models_as_pydantic_makes_them() -> None:
    data = {
        "title": "Nurse",
        "skills": {"hard": ["Triage", {"name": "IV therapy", "weight": "2"}]},
        "competencies": [{"name": "Judgment", "questions": ["Tell me about a hard call."]}],
        "compensation": {"currency": "USD", "min": "19.50", "period": "hour"},
    }
    made = compare(data, Role)
    assert made is not None
    assert isinstance(made, Role)
    assert made.skills.hard[1].weight == 2
    assert made.compensation is not None
    assert type(made.compensation.min) is float


def test_a_valid_role_builds_no_validator() -> None:
    """Loading a plain role and its company leaves pydantic's validators unbuilt (a fresh process)."""
    code = (
        "from hirecli.model.loader import company_for, load_role_file\n"
        "from hirecli.model.company import Company\n"
        "from hirecli.model.role import Role\n"
        f"loaded = load_role_file({str(ROOT / 'roles' / 'mental-health-professional.yaml')!r})\n"
        f"company = company_for({str(ROOT / 'roles' / 'mental-health-professional.yaml')!r})\n"
        "assert loaded.model.title and company is not None and company.name\n"
        "print(Role.__pydantic_complete__, Company.__pydantic_complete__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_once_the_validator_is_built_it_checks_every_file() -> None:
    code = (
        "from hirecli.errors import ValidationFailed\n"
        "from hirecli.model import checking\n"
        "from hirecli.model.loader import load_role_text\n"
        "from hirecli.model.role import Role\n"
        "calls = []\n"
        "quick = checking.quick\n"
        "checking.quick = lambda data, model: calls.append(model) or quick(data, model)\n"
        "load_role_text('title: Nurse\\n')\n"
        "try:\n"
        "    load_role_text('title: Nurse\\nopenings: many\\n')\n"
        "except ValidationFailed:\n"
        "    pass\n"
        "load_role_text('title: Nurse\\n')\n"
        "print(len(calls), Role.__pydantic_complete__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # the fast path saw the first two files (it left the second to pydantic), not the third
    assert done.stdout.split() == ["2", "True"]
