"""The loader and validator: one test per kind of bad input, with message and position."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from hirecli.errors import InputFileError, ValidationFailed
from hirecli.model.loader import load_role, load_role_text
from hirecli.model.yamlsource import MAX_BYTES, MAX_NODES
from hirecli.validation import check_file


def problems_of(text: str | bytes, source: str = "role.yaml") -> list[tuple[int, int, str]]:
    with pytest.raises(ValidationFailed) as info:
        load_role_text(text, source)
    return [(p.line, p.column, p.message) for p in info.value.problems]


def test_minimal_role_gets_its_id_from_the_file_name() -> None:
    role = load_role_text("title: Nurse\n", "roles/Night Nurse.yaml").model
    assert role.title == "Nurse"
    assert role.id == "night-nurse"
    assert role.responsibilities.primary == []


def test_explicit_id_wins() -> None:
    assert load_role_text("id: rn-2\ntitle: Nurse\n", "x.yaml").model.id == "rn-2"


def test_bad_id_is_reported_at_its_value() -> None:
    [(line, col, message)] = problems_of("title: X\nid: Not A Slug\n")
    assert (line, col) == (2, 5)
    assert message.startswith("id:")


def test_unknown_key_has_did_you_mean_at_top_level() -> None:
    [(line, col, message)] = problems_of("title: X\nresponsibilites:\n  primary: [a]\n")
    assert (line, col) == (2, 1)
    assert "did you mean 'responsibilities'" in message


def test_unknown_key_has_did_you_mean_when_nested() -> None:
    text = "title: X\nresponsibilities:\n  primry: [a]\n"
    [(line, col, message)] = problems_of(text)
    assert (line, col) == (3, 3)
    assert "did you mean 'primary'" in message
    assert "in responsibilities" in message


def test_unknown_key_inside_a_list_item_mapping() -> None:
    text = "title: X\nskills:\n  hard:\n    - name: A\n      must_hav: true\n"
    [(line, _, message)] = problems_of(text)
    assert line == 5
    assert "did you mean 'must_have'" in message


@pytest.mark.parametrize("value", ["NO", "no", "off", "ON", "Yes"])
def test_yaml11_booleans_stay_text_in_text_fields(value: str) -> None:
    role = load_role_text(f"title: X\ntags: [{value}]\n", "x.yaml").model
    assert role.tags == [value]


def test_country_no_stays_norway() -> None:
    role = load_role_text("title: X\nlocation:\n  country: NO\n", "x.yaml").model
    assert role.location is not None
    assert role.location.country == "NO"


@pytest.mark.parametrize("value", ["1.10", "01234", "1:30", "2024-01-02", "0x1F", "1e3", ".inf"])
def test_number_like_text_is_never_converted(value: str) -> None:
    role = load_role_text(f"title: {value}\n", "x.yaml").model
    assert role.title == value


@pytest.mark.parametrize("value", ["yes", "true", "on", "1.5", "two"])
def test_integer_field_refuses_non_integers(value: str) -> None:
    [(line, col, message)] = problems_of(f"title: X\nexperience:\n  min_years: {value}\n")
    assert (line, col) == (3, 14)
    assert "experience.min_years" in message
    assert "whole number" in message


def test_integer_field_refuses_leading_zeros() -> None:
    [(_, _, message)] = problems_of("title: X\nopenings: 007\n")
    assert "leading zeros" in message


@pytest.mark.parametrize("value", ["yes", "no", "on", "1"])
def test_bool_field_takes_only_true_or_false(value: str) -> None:
    text = f"title: X\nskills:\n  hard:\n    - name: A\n      must_have: {value}\n"
    [(line, _, message)] = problems_of(text)
    assert line == 5
    assert "true or false" in message


def test_duplicate_keys_name_both_lines() -> None:
    [(line, col, message)] = problems_of("title: X\nsummary: a\ntags: []\nsummary: b\n")
    assert (line, col) == (4, 1)
    assert "duplicate key 'summary'" in message
    assert "line 2" in message


def test_duplicate_list_items_are_errors() -> None:
    [(line, _, message)] = problems_of("title: X\ntags:\n  - A\n  - B\n  - A\n")
    assert line == 5
    assert "duplicate item 'A'" in message
    assert "line 3" in message


def test_empty_list_items_are_errors() -> None:
    [(line, _, message)] = problems_of("title: X\ntags:\n  - A\n  - ''\n")
    assert line == 4
    assert "must not be empty" in message


def test_null_list_item_is_an_error() -> None:
    [(line, _, message)] = problems_of("title: X\ntags:\n  - A\n  -\n")
    assert line == 4
    assert "expected text" in message


def test_multi_document_file() -> None:
    [(line, _, message)] = problems_of("title: X\n---\ntitle: Y\n")
    assert line == 2
    assert "more than one YAML document" in message


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "a list"), ("just text\n", "a single value")])
def test_top_level_must_be_a_mapping(text: str, what: str) -> None:
    [(line, col, message)] = problems_of(text)
    assert (line, col) == (1, 1)
    assert what in message


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_file(text: str) -> None:
    [(_, _, message)] = problems_of(text)
    assert "empty" in message


def test_tab_indentation() -> None:
    [(line, _, message)] = problems_of("title: X\nresponsibilities:\n\tprimary: []\n")
    assert line == 3
    assert "tab" in message


def test_invalid_utf8_names_the_byte_position() -> None:
    [(line, col, message)] = problems_of(b"title: X\nsummary: caf\xe9 ok\n")
    assert (line, col) == (2, 13)
    assert "UTF-8" in message


def test_utf8_bom_is_accepted() -> None:
    assert load_role_text(b"\xef\xbb\xbftitle: Caf\xc3\xa9\n", "x.yaml").model.title == "Café"


@pytest.mark.parametrize(
    "tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!custom"]
)
def test_python_and_other_tags_are_refused(tag: str) -> None:
    [(line, _, message)] = problems_of(f"title: X\nsummary: {tag} abc\n")
    assert line == 2
    assert "tag" in message


def test_syntax_error_has_a_position() -> None:
    [(line, _, message)] = problems_of("title: X\ntags: [a, b\nsummary: c\n")
    assert line >= 2
    assert message.startswith("YAML syntax error")


def test_control_characters_name_the_field() -> None:
    [(line, col, message)] = problems_of("title: X\nsummary: bad\x07bell\n")
    assert (line, col) == (2, 13)
    assert "U+0007" in message
    assert "summary" in message


def test_escaped_control_characters_name_the_field() -> None:
    [(line, _, message)] = problems_of('title: X\nbenefits: ["ok", "bad\\x1b[31m"]\n')
    assert line == 2
    assert "U+001B" in message
    assert "benefits[1]" in message


def test_compensation_min_above_max_points_at_max() -> None:
    text = "title: X\ncompensation:\n  currency: USD\n  min: 90000\n  max: 50000\n"
    [(line, col, message)] = problems_of(text)
    assert (line, col) == (5, 8)
    assert "less than compensation.min" in message


def test_compensation_must_be_positive() -> None:
    [(line, _, message)] = problems_of("title: X\ncompensation:\n  currency: USD\n  min: -5\n")
    assert line == 4
    assert "greater than 0" in message


def test_compensation_refuses_currency_signs_and_commas() -> None:
    [(_, _, message)] = problems_of("title: X\ncompensation:\n  currency: USD\n  min: 55,000\n")
    assert "no currency signs or commas" in message


def test_experience_min_above_max() -> None:
    [(line, _, message)] = problems_of("title: X\nexperience:\n  min_years: 8\n  max_years: 3\n")
    assert line == 4
    assert "max_years" in message


def test_every_problem_of_a_file_is_reported() -> None:
    text = "titel: X\ntags: [a, a]\nopenings: many\nlocation:\n  workplace: moon\n"
    found = problems_of(text)
    assert [line for line, _, _ in found] == sorted(line for line, _, _ in found)
    messages = " | ".join(m for _, _, m in found)
    for expected in ("'titel'", "duplicate item", "openings", "workplace", "missing required key 'title'"):
        assert expected in messages


def test_alias_bomb_is_refused_quickly_with_bounded_memory() -> None:
    lines = ["a: &a [x, y, z, w, v, u, t, s, r]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\ntitle: X\n"
    tracemalloc.start()
    started = time.perf_counter()
    found = problems_of(text)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert any(f"{MAX_NODES:,}" in m for _, _, m in found)
    assert elapsed < 1.0
    assert peak < 50 * 1024 * 1024


def test_deep_nesting_is_refused() -> None:
    found = problems_of("title: X\nnotes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert any("nesting" in m or "deep" in m for _, _, m in found)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"title: X\nnotes: " + b"a" * (MAX_BYTES + 10) + b"\n")
    started = time.perf_counter()
    [problem] = check_file(big)
    assert time.perf_counter() - started < 1.0
    assert "too large" in problem.message


def test_merge_keys_are_refused() -> None:
    [(_, _, message)] = problems_of("base: &b {city: X}\ntitle: X\nlocation:\n  <<: *b\n")
    assert "merge keys" in message


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        load_role(tmp_path / "nope.yaml")


def test_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="is a folder"):
        load_role(tmp_path)


def test_skill_shorthand_and_mapping_forms() -> None:
    text = "title: X\nskills:\n  hard:\n    - A\n    - name: B\n      must_have: true\n      weight: 3\n"
    hard = load_role_text(text, "x.yaml").model.skills.hard
    assert [(s.name, s.must_have, s.weight) for s in hard] == [("A", False, 1), ("B", True, 3)]
