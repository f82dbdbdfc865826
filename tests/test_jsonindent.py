"""The fast indented JSON is ``json.dumps(value, indent=2, ensure_ascii=False)`` byte for byte."""

from __future__ import annotations

import enum
import json
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirecli.document import to_dict
from hirecli.jsonindent import dumps
from hirecli.writers.json_writer import WRITER


def _same(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(VALUES)
def test_any_json_value_gives_the_same_text(value: Any) -> None:
    _same(value)


class Level(enum.IntEnum):
    HIGH = 3


def test_odd_values_give_the_same_text_or_the_same_error() -> None:
    for value in (
        {1: "a", None: [], 2.5: {}},
        [math.nan, -math.inf, Level.HIGH, '\u2028\x00é"\\'],
        {"nested": [[[]], [{}], {"a": ()}]},
    ):
        _same(value)
    for bad in ({"a": {1, 2}}, [object()]):
        with pytest.raises(TypeError) as expected:
            json.dumps(bad, indent=2)
        with pytest.raises(TypeError, match=re.escape(str(expected.value))):
            dumps(bad)


def test_the_json_writer_uses_it(tmp_path: Any) -> None:
    from hirecli.builders.kit.document import build_interview_kit_parts
    from hirecli.model.loader import load_role
    from hirecli.writers import WriteOptions
    from paths import ROLES

    for _, doc in build_interview_kit_parts(load_role(ROLES / "registered-nurse.yaml")):
        rendered = WRITER.render(doc, WriteOptions())
        assert rendered == json.dumps(to_dict(doc), indent=2, ensure_ascii=False) + "\n"
