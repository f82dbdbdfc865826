"""The light value classes (:mod:`hirecli.frozen`) behave as the frozen dataclasses they stand for."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, fields, replace
from typing import Any

import pytest

from hirecli import document
from hirecli.model.loader import Loaded
from hirecli.model.yamlsource import Position, SourceMap


@dataclass(frozen=True, slots=True)
class Reference:
    """What ``Table`` was as a frozen dataclass."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: str = "grid"
    caption: str | None = None


def _table(**changes: Any) -> document.Table:
    return document.Table(**{"header": ("a",), "rows": (("b",),), **changes})


def test_equality_hash_and_repr_are_a_frozen_dataclasses() -> None:
    table, reference = _table(caption="c"), Reference(("a",), (("b",),), caption="c")
    assert repr(table) == repr(reference).replace("Reference", "Table")
    assert hash(table) == hash(reference)
    assert table == _table(caption="c")
    assert table != _table()
    assert document.Text("x") != document.Strong("x")
    assert document.Text("x").__eq__(("x",)) is NotImplemented
    assert len({document.Text("x"), document.Text("x"), document.Emph("x")}) == 2


def test_fields_cannot_change() -> None:
    text = document.Text("x")
    with pytest.raises(FrozenInstanceError):
        text.text = "y"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del text.text
    with pytest.raises(AttributeError):
        text.other = 1  # type: ignore[attr-defined]


def test_dataclass_tools_work_on_them() -> None:
    meta = document.Meta("Title", "posting")
    assert [f.name for f in fields(meta)] == list(document.Meta.__match_args__)
    assert replace(meta, date="2026-01-15") == document.Meta("Title", "posting", date="2026-01-15")
    assert [f.name for f in fields(document.Table)] == ["header", "rows", "kind", "caption"]
    assert document.block_from_dict(document.block_to_dict(_table(kind="facts"))) == _table(kind="facts")
    match document.Heading(2, "About"):
        case document.Heading(level=2, text=text):
            assert text == "About"
        case _:
            pytest.fail("no match")


def test_they_survive_pickling_and_copies() -> None:
    doc = document.Document(document.Meta("T", "posting", keywords=("a",)), (_table(), document.PageBreak()))
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert copy.deepcopy(doc) == doc
    assert copy.copy(doc) == doc
    position = Position(3, 4)
    assert pickle.loads(pickle.dumps(position)) == position


def test_source_maps_and_loaded_files_keep_their_shape() -> None:
    smap = SourceMap("role.yaml")
    smap.values[("title",)] = Position(2, 8)
    assert smap.locate(("title", "x")) == Position(2, 8)
    assert SourceMap("role.yaml", {("title",): Position(2, 8)}) == smap
    loaded = Loaded("model", "role.yaml", smap)
    assert loaded.ancestors == ()
    assert replace(loaded, source="other.yaml").source == "other.yaml"
    assert repr(Position(1, 2)) == "Position(line=1, column=2)"
