"""Placing a value written as is takes one anchor, and that anchor is the one the walk finds.

:meth:`SourceText.locator` skips the character-by-character walk for values written on one
line without escapes; these tests compare it with the walk on every style of scalar.
"""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from hirecli.lint.roletext import fold
from hirecli.lint.yamlmap import SourceText

STYLES = [None, '"', "'", "|", ">"]
words = st.text(alphabet="ab '\"\\:#-\t\xa0é\u2028", min_size=0, max_size=12)
values = st.lists(words, min_size=1, max_size=4).map(" ".join)


def _same_as_walk(text: str) -> None:
    source = SourceText(text)
    for path, scalar in source.scalars.items():
        for folded in {fold(scalar.value), scalar.value}:
            assert source.locator(path, folded) == source.walk(scalar, folded), (text, path, folded)


@given(st.lists(st.tuples(values, st.sampled_from(STYLES)), min_size=1, max_size=5), st.booleans())
def test_the_shortcut_places_values_as_the_walk_does(items: list[tuple[str, str | None]], crlf: bool) -> None:
    lines = []
    for index, (value, style) in enumerate(items):
        dumped = yaml.safe_dump({f"k{index}": value}, default_style=style, allow_unicode=True, width=20)
        lines.append(dumped)
    text = "".join(lines)
    _same_as_walk(text.replace("\n", "\r\n") if crlf else text)


def test_tags_anchors_and_flow_values_are_placed_as_the_walk_does() -> None:
    _same_as_walk(
        "a: !!str plain value\n"
        "b: &x 'quoted ''twice'''\n"
        'c: "escaped \\"quote\\" and \\u00e9"\n'
        "d: [one, 'two words', \"three\"]\n"
        "e: plain  with  runs\n"
        "f:   spaced\n"
        "g: |-\n  block one\n"
        "h: >\n  folded\n  lines\n"
        "i: 'multi\n  line'\n"
        'j: "\\\\\\\\"\n'  # two backslashes, each escaped
        "k: ''''''\n"  # two quotes, each doubled
    )


@given(st.text(alphabet="ab\r\n\x85\u2028\u2029", max_size=30))
def test_line_starts_follow_yaml_line_breaks(text: str) -> None:
    expected = [0] + [
        i + 1
        for i, c in enumerate(text)
        if c in "\n\x85\u2028\u2029" or (c == "\r" and text[i + 1 : i + 2] != "\n")
    ]
    assert SourceText(text).line_starts == expected
