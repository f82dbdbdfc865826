"""The screens' shortcuts find exactly what a plain search finds.

Line-by-line search (:mod:`hirecli.screening.lines`) and the literal-text test
(:mod:`hirecli.screening.literals`) only skip work: these tests compare them with a plain
search over the whole text, on the shipped patterns and on random ones.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hirecli.lint import screen
from hirecli.screening import fastre, protected
from hirecli.screening.fastre import Alternative, FastPattern, PatternSet, lower_text
from hirecli.screening.lines import LineScanner, line_local
from hirecli.screening.literals import required
from hirecli.screening.prefilter import LiteralIndex, Prefilter
from paths import ROOT

SETS = {"screen": lambda: screen._scanner().patterns, "protected": lambda: protected._table()[1]}


def plain(patterns: PatternSet, lowered: str) -> list[tuple[int, int, int]]:
    """The first-word index alone, as :class:`PatternSet` searched before any shortcut: an
    alternative runs when the text has one of its whole first words, or a part of a word it
    starts with, or when its start is unknown."""
    tokens = set(re.findall(r"[a-z0-9]+", lowered))
    found: list[tuple[int, int, int]] = []
    for number, pattern in enumerate(patterns.patterns):
        for alternative in pattern.alternatives:
            heads = alternative.heads()
            if heads is None or any(head in (tokens if whole else lowered) for head, whole in heads):
                found += [(number, a, b) for a, b in alternative.spans(lowered)]
    return sorted(found)


def _words() -> list[str]:
    """Words the shipped patterns look for, and a few that trip them up."""
    words = {"no", "not", "casino", "women", "young", "25", "30", "native", "us", "citizens", "only"}
    for patterns in (f() for f in SETS.values()):
        for pattern in patterns.patterns:
            for alternative in pattern.alternatives:
                for factor in required(alternative.source):
                    for text in sorted(factor)[:6]:
                        words.update(text.split())
                for needle, _ in alternative.needles or ():
                    words.update(needle.split())
    return sorted(w for w in words if w)


WORDS = _words()
SEPARATORS = [" ", " ", " ", "\n", "-", ", ", "? ", ". ", "'s ", "\n\n", "_"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _corpus() -> list[str]:
    folders = [ROOT / "tests" / "lint_corpus", ROOT / "tests" / "lint_law_corpus", ROOT / "roles"]
    return [
        lower_text(path.read_text(encoding="utf-8", errors="replace"))
        for folder in folders
        for path in sorted(Path(folder).rglob("*"))
        if path.suffix in (".md", ".txt", ".html", ".yaml")
    ]


@pytest.mark.parametrize("name", sorted(SETS))
def test_shipped_patterns_find_the_same_in_files(name: str) -> None:
    patterns = SETS[name]()
    scanner = LineScanner(patterns, size=64)
    for lowered in _corpus():
        assert sorted(scanner.matches(lowered)) == plain(patterns, lowered)
        assert sorted(patterns.matches(lowered)) == plain(patterns, lowered)


@given(texts)
def test_shipped_screen_finds_the_same_line_by_line(text: str) -> None:
    patterns = SETS["screen"]()
    lowered = lower_text(text)
    assert sorted(screen._scanner().matches(lowered)) == plain(patterns, lowered)


@given(texts)
def test_shipped_question_patterns_find_the_same_with_the_literal_test(text: str) -> None:
    patterns = SETS["protected"]()
    lowered = lower_text(text)
    assert sorted(patterns.matches(lowered)) == plain(patterns, lowered)


def test_a_mid_word_match_counts_only_when_the_text_has_the_word() -> None:
    # "(?:no|not) ..." has no leading \b: it matches inside "casino", but the word index only
    # lets it run where "no" stands on its own somewhere in the text
    patterns = PatternSet([_pattern(r"(?:no|not) women")])
    scanner = LineScanner(patterns)
    assert scanner.loose == {(0, 0): ("no", "not")}
    assert scanner.matches("casino women") == []
    assert sorted(scanner.matches("casino women\nno way")) == [(0, 4, 12)]
    assert sorted(scanner.matches("casino women\nno way")) == plain(patterns, "casino women\nno way")


def test_alternatives_that_may_cross_a_line_run_on_the_whole_text() -> None:
    patterns = PatternSet([_pattern(r"\byoung\s+team|\bgender: male(?= *$)|\bmale team")])
    scanner = LineScanner(patterns)
    assert scanner.local == {(0, 2)}
    for text in ("a young\nteam", "gender: male\nx", "x\ngender: male", "male team\nyoung \n team"):
        assert sorted(scanner.matches(text)) == plain(patterns, text)


def _pattern(source: str) -> FastPattern:
    return FastPattern(source)


# --- random patterns ---------------------------------------------------------------------------

ATOMS = [
    "a",
    "b",
    "c",
    " ",
    "ab",
    "ba",
    "\\.",
    ".",
    "[ab]",
    "[^a]",
    "\\s",
    "\\w",
    "\\W",
    "\\d",
    "\\b",
    "$",
    "^",
]
QUANTIFIERS = ["", "", "", "?", "*", "+", "{1,2}", "{0,2}", "{2}", "??"]


def _regex(draw: st.DrawFn, depth: int) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            head = draw(st.sampled_from(["(?:", "(", "(?=", "(?!", "(?<=", "(?<!"]))
            if head.startswith("(?<"):
                inner = draw(st.sampled_from(["a", "b ", "\\s", "[ab]", "a|b"]))
            else:
                inner = "|".join(_regex(draw, depth + 1) for _ in range(draw(st.integers(1, 3))))
            atom = head + inner + ")"
        else:
            atom = draw(st.sampled_from(ATOMS))
        quantifier = draw(st.sampled_from(QUANTIFIERS))
        if atom in ("\\b", "$", "^") or atom.startswith(("(?=", "(?!", "(?<")):
            quantifier = ""
        parts.append(atom + quantifier)
    return "".join(parts)


regexes = st.composite(lambda draw: _regex(draw, 0))()
samples = st.text(alphabet="abc .\n1", max_size=30)


@given(regexes, st.lists(samples, min_size=1, max_size=8))
def test_required_texts_are_in_every_match(source: str, found_in: list[str]) -> None:
    needed = required(source)
    compiled = re.compile(source)
    for text in found_in:
        match = compiled.search(text)
        if match is not None:
            for factor in needed:
                assert any(t in match.group() for t in factor), (source, text, needed)


@given(regexes, st.booleans(), st.lists(samples, min_size=1, max_size=8))
def test_a_line_local_pattern_finds_the_same_line_by_line(
    source: str, boundary: bool, lines: list[str]
) -> None:
    if not line_local(source):
        return
    alternative = Alternative(("\\b" if boundary else "") + source, boundary, None)
    text = "\n".join(line.replace("\n", " ") for line in lines)
    by_line: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        by_line += [(offset + a, offset + b) for a, b in alternative.spans(line)]
        offset += len(line) + 1
    assert by_line == list(alternative.spans(text)), source


@pytest.mark.parametrize(
    ("source", "factors"),
    [
        ("abc", [{"abc"}]),
        ("a?bc", [{"bc"}]),
        ("(?:ab|cd)e", [{"ab", "cd"}]),
        ("x(?=yy)zz", [{"zz"}]),
        ("\\bfoo\\b", [{"foo"}]),
        ("(?:the )?big dog", [{"big dog"}]),
        ("ab\\.cd", [{"ab.cd"}]),
        ("(?:ab)*cd|ef", [{"cd", "ef"}]),
        ("a(?:b|)cd", [{"cd"}]),
        ("young (?:a|b)? team only", [{" team only"}, {"young "}]),
        ("(?:ab|c)x", []),  # one-character texts rule out too little to be worth a test
        ("(?i)abc", []),
        ("\\x41bc", []),
        ("[ab]+", []),
    ],
)
def test_required_reads_plain_syntax(source: str, factors: list[set[str]]) -> None:
    assert required(source) == tuple(frozenset(f) for f in factors)


@pytest.mark.parametrize(
    ("source", "local"),
    [
        ("young team", True),
        ("\\bmale\\b(?= candidates)", True),
        ("[a-z]+ \\w+", True),
        ("young\\s+team", False),
        ("male(?= *$)", False),
        ("^any kids", False),
        ("[^.]+ only", False),
        ("(?s)a.b", False),
        ("a\\nb", False),
    ],
)
def test_line_local_errs_towards_no(source: str, local: bool) -> None:
    assert line_local(source) is local


# --- the literal index and the prefilter ---------------------------------------------------------

small_texts = st.text(alphabet="abc ", min_size=1, max_size=4)


@given(st.sets(small_texts, max_size=12), st.text(alphabet="abc d", max_size=30))
def test_the_literal_index_finds_every_text_a_string_contains(texts: set[str], text: str) -> None:
    assert LiteralIndex(texts).present(text) == {t for t in texts if t in text}


@given(
    st.dictionaries(
        st.integers(0, 20), st.lists(st.frozensets(small_texts, min_size=1), max_size=3), max_size=10
    ),
    st.text(alphabet="abc d", max_size=30),
)
def test_the_prefilter_keeps_what_has_a_text_of_every_factor(
    needs: dict[int, list[frozenset[str]]], text: str
) -> None:
    prefilter = Prefilter({key: tuple(factors) for key, factors in needs.items()})
    expected = [key for key in sorted(needs) if all(any(t in text for t in factor) for factor in needs[key])]
    assert prefilter.runnable(prefilter.present(text)) == expected


def _generic_words() -> list[str]:
    found = {"you", "your", "do", "are", "?", "married", "KIDS", "kıds", "ſingle", "İll", "\u212aids", "Sick"}
    for _, pattern in protected._generic().topics:
        for factor in required(pattern.pattern.lower())[:2]:
            found.update(sorted(factor)[:4])
    return sorted(found)


@given(st.lists(st.sampled_from(_generic_words()), min_size=1, max_size=12).map(" ".join))
def test_the_generic_screen_skips_only_topics_that_cannot_match(text: str) -> None:
    check = protected._generic()
    possible = set(check.needs.runnable(check.needs.present(protected._caseless(text))))
    for place, (_, pattern) in enumerate(check.topics):
        if pattern.search(text):
            assert place in possible, (text, pattern.pattern[:60])


@pytest.mark.parametrize(
    "text", ["Do you have KIDS?", "do you have kıds?", "Are you \u212aind to ſick people?"]
)
def test_case_insensitive_topics_are_still_tried(text: str) -> None:
    check = protected._generic()
    possible = set(check.needs.runnable(check.needs.present(protected._caseless(text))))
    matching = {place for place, (_, pattern) in enumerate(check.topics) if pattern.search(text)}
    assert matching
    assert matching <= possible


# --- reading pattern sources with regexes instead of character loops ----------------------------


def _by_hand(pattern: str, start: int, empty_class: bool) -> Iterator[tuple[int, str, int]]:
    """The character loop :func:`split_alternatives` and :func:`_closing` replaced: each
    character outside escapes and classes, with the group depth once it is read.
    ``empty_class``: a ``]`` right after ``[`` is a literal, as the split reads it."""
    depth, index, in_class = 0, start, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if empty_class and pattern[index + 1 : index + 2] == "]":
                index += 1
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield index, char, depth
        index += 1


def _split_by_hand(pattern: str) -> list[str]:
    bars = [i for i, char, depth in _by_hand(pattern, 0, True) if char == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in itertools.pairwise([-1, *bars, len(pattern)])]


def _closing_by_hand(pattern: str, opening: int) -> int:
    found = (i for i, char, depth in _by_hand(pattern, opening, False) if char == ")" and depth == 0)
    return next(found, -1)


sources = st.text(alphabet="ab|()[]\\^?Σ", max_size=25)


@given(sources)
@example("[]|a")
@example("(a[]|)]b)|c")
@example("[\\]|]|x\\")
@example("(?:[)]|b)|ΣA")
def test_pattern_sources_are_read_as_by_the_character_loops(source: str) -> None:
    assert fastre.split_alternatives(source) == _split_by_hand(source)
    for opening in range(len(source)):
        assert fastre._closing(source, opening) == _closing_by_hand(source, opening)
    out, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            out.append(source[index : index + 2])
            index += 2
            continue
        out.append(source[index].lower())
        index += 1
    assert fastre.lower_pattern(source) == "".join(out)
