"""Text that hides what it says, or says things to the terminal.

A protected-topic question hidden with a zero-width space, a soft hyphen, look-alike
letters, fullwidth forms, combining accents or odd spacing is still caught by
``validate``, ``lint`` and ``interview-kit``, at its line and column. Escape sequences
and other controls in a linted posting, in a value or in a file name never reach the
terminal raw: they are shown as escapes. Messages speak in words, not regular
expressions or Python advice, and a lone CR counts as the line break it is everywhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.screening.normalize import normalize_loose
from hirecli.screening.protected import find_protected_topics
from hirecli.termsafe import safe, safe_block
from test_hostile_support import ESCAPES
from test_robustness_support import run

HIDDEN = {
    "zero-width space": "Are you marr\u200bied?",
    "zero-width joiner": "Are you mar\u200dried?",
    "word joiner": "How old a\u2060re you?",
    "soft hyphen": "Are you mar\u00adried?",
    "combining grapheme joiner": "Are you mar\u034fried?",
    "variation selector": "Are you mar\ufe0fried?",
    "tag character": "Do you have any chil\U000e0061dren?",
    "Hangul filler": "Are you mar\u3164ried?",
    "byte order mark": "\ufeffAre you married?",
    "Cyrillic look-alikes": "Are yоu mаrriеd?",
    "Greek look-alikes": "Are you marrιed? Ηow οld are you?",
    "all Cyrillic": "Аrе уоu mаrriеd?",
    "small capitals": "Are you ᴍᴀʀʀɪᴇᴅ?",
    "dotless i": "Are you marrıed?",
    "fullwidth": "Ａｒｅ ｙｏｕ ｍａｒｒｉｅｄ?",
    "mathematical bold": "Are you 𝐦𝐚𝐫𝐫𝐢𝐞𝐝?",
    "circled letters": "Are you ⓜⓐⓡⓡⓘⓔⓓ?",
    "combining accent": "Are you ma\u0301rried?",
    "precomposed accent": "Are you márried?",
    "no-break spaces": "Are\u00a0you\u00a0married?",
    "ideographic space": "Are\u3000you married?",
    "double spaces": "Are   you    married?",
    "tab": "Are you\tmarried?",
    "line separator": "Are you\u2028married?",
    "bidi override": "Are you \u202emarried\u202c?",
    "upper case": "ARE YOU MARRIED?",
    "typographic apostrophe": "What’s your date of birth?",
}


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: white space and separators YAML would fold or
    refuse written as escapes, every other character as it is."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    for char in "\u2028\u2029\ufeff\x85":
        body = body.replace(char, f"\\u{ord(char):04x}")
    return f'"{body}"'


def _question_role(folder: Path, question: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hidden.yaml"
    path.write_text(
        "id: hidden\ntitle: Registered Nurse\nskills:\n  hard: [Patient Care]\ncompetencies:\n"
        "  - name: Patient Care\n    questions:\n"
        f"      - text: {_quoted(question)}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", list(HIDDEN))
def test_a_hidden_protected_question_is_caught_by_every_command(tmp_path: Path, name: str) -> None:
    role = _question_role(tmp_path, HIDDEN[name])
    checked = run(["validate", str(role)])
    assert checked.exit_code == 1, checked.stdout
    assert "hidden.yaml:8:15: interview question touches a protected topic" in checked.stdout
    linted = run(["lint", str(role), "--format", "json", "--no-kit"])
    findings = [
        f
        for f in json.loads(linted.stdout)["files"][0]["findings"]
        if f["rule"] == "protected-topic-question"
    ]
    assert findings, f"lint missed the question hidden with {name}"
    assert findings[0]["line"] == 8
    assert findings[0]["column"] >= 16  # where the question's words start in the file
    kit = run(["interview-kit", str(role), "--format", "md"])
    assert kit.exit_code == 1
    assert "protected topic" in kit.stderr
    assert "married" not in kit.stdout.lower()


@pytest.mark.parametrize("name", list(HIDDEN))
def test_the_hit_points_at_the_characters_as_written(name: str) -> None:
    text = HIDDEN[name]
    hits = find_protected_topics(text)
    assert hits, name
    hit = hits[0]
    assert hit.matched == text[hit.start : hit.end]
    assert not hit.matched[:1].isspace()
    assert not hit.matched[-1:].isspace()


LETTERS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ")) | st.sampled_from(
    ["\u200b", "\u00ad", "\u0301", "\u2060", "\ufeff", "ı", "а", "ο", "Ａ", "\u3000", "  ", "\t", "\r"]
)


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LETTERS, max_size=60).map("".join))
def test_normalised_positions_always_point_into_the_original(text: str) -> None:
    normal = normalize_loose(text)
    size = len(normal.text)
    for start in range(size + 1):
        for end in (start, min(size, start + 1), size):
            first, last = normal.span(start, end)
            assert 0 <= first <= last <= len(text)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["married", "marr\u200bied", "mar\u00adried", "mаrried", "ｍａｒｒｉｅｄ"]),
        min_size=1,
        max_size=1,
    ),
    st.sampled_from(["Are you ", "Are  you ", "Are\u00a0you ", "ARE YOU "]),
)
def test_any_mix_of_hiding_tricks_is_caught(word: list[str], lead: str) -> None:
    assert find_protected_topics(f"{lead}{word[0]}?")


# ---- terminal injection -----------------------------------------------------------------------

NASTY = "\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x9b31m\u202eevil"


def _no_raw_escapes(text: str) -> None:
    for char in ESCAPES:
        assert char not in text, repr(text[:400])


@pytest.mark.parametrize("fmt", ["terminal", "text", "github"])
def test_escape_sequences_in_a_linted_posting_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    posting = tmp_path / "ad.md"
    posting.write_text(
        f"# Rockstar ninja wanted{NASTY}\n\nWe want young energetic {NASTY} digital natives.\n"
        "Join our rockstar team.\n",
        encoding="utf-8",
    )
    result = run(["lint", str(posting), "--format", fmt], env={"COLUMNS": "200"})
    assert result.exit_code in (0, 1)
    _no_raw_escapes(result.output)
    assert "\\x1b[2J" in result.output or fmt != "terminal"
    assert "rockstar" in result.output.lower()


def test_escape_sequences_on_standard_input_are_shown_as_escapes() -> None:
    result = run(["lint", "-", "--format", "terminal"], input=f"# Rockstar{NASTY}\n\nA ninja.\n".encode())
    _no_raw_escapes(result.output)


@pytest.mark.skipif(os.name != "posix", reason="file names with control characters")
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["lint", "--format", "text"],
        ["lint", "--format", "terminal"],
        ["posting", "--format", "md"],
        ["list"],
    ],
)
def test_file_names_with_controls_are_shown_as_escapes(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    bad = folder / f"bad{NASTY}.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    target = str(bad) if command[0] == "posting" else str(folder)
    result = run([command[0], target, *command[1:]])
    assert result.exit_code in (1, 2)
    _no_raw_escapes(result.output)
    if command[-1] != "terminal":  # the terminal report may shorten a long name to fit
        assert "bad\\x1b[2J" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["posting", "{role}", "--format", "x\x1b]0;t\x07"],
        ["posting", "{role}", "--channel", "\x1b[2Jlinkedin"],
        ["posting", "{role}", "--sections", "summary,\x1b[2J"],
        ["interview-kit", "{role}", "--stage", "\x1b[2J\x07"],
        ["posting", "{role}", "--bogus\x1b[2J"],
        ["export", "{role}", "-o", "{tmp}/out", "--what", "posting,\x1b[31mx"],
        ["lint", "{tmp}/missing\x1b[2J.md"],
    ],
)
def test_values_with_controls_are_echoed_as_escapes(tmp_path: Path, args: list[str]) -> None:
    role = tmp_path / "role.yaml"
    role.write_text("title: Registered Nurse\nskills:\n  hard: [Patient Care]\n", encoding="utf-8")
    result = run([a.format(role=role, tmp=tmp_path) for a in args])
    assert result.exit_code in (1, 2)
    _no_raw_escapes(result.output)


def test_a_control_character_in_a_value_is_named_not_echoed(tmp_path: Path) -> None:
    role = tmp_path / "ctl.yaml"
    role.write_text('title: "Nurse\\e[2J\\a"\nsummary: "ok\\x9b31m"\n', encoding="utf-8")
    for args in (["validate", str(role)], ["posting", str(role)], ["lint", str(role)]):
        result = run(args)
        assert result.exit_code == 1
        _no_raw_escapes(result.output)
        assert "U+001B" in result.output


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "L", "Zs", "P")), max_size=80))
def test_safe_text_holds_nothing_a_terminal_obeys(text: str) -> None:
    for shown in (safe(text), safe_block(text)):
        assert not any((0 <= ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown)
        assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\n" not in safe(text)


@pytest.mark.parametrize("junk", ["\x1b[2J", "\x07", "\x9b6n", "\u202e", "\x00", "\r"])
def test_lint_of_any_controls_prints_none_raw(tmp_path: Path, junk: str) -> None:
    posting = tmp_path / "ad.txt"
    posting.write_text(f"Nurse{junk}\n\nWe want a rockstar{junk} who works hard{junk}.\n", encoding="utf-8")
    for fmt in ("terminal", "text", "github"):
        result = run(["lint", str(posting), "--format", fmt])
        _no_raw_escapes(result.output)
        assert "\x00" not in result.output


# ---- messages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("id: Bad_Id", "must be a slug"),
        ("location: {country: usa}", "two capital letters"),
        ("compensation: {currency: usd, min: 5}", "three capital letters"),
        ('occupation_code: "21-10"', "O*NET-SOC code"),
        ("openings: " + "9" * 5000, "has more than 15 digits"),
        ("experience: {min_years: " + "1" * 300 + "}", "has more than 15 digits"),
        ("skills: {hard: [{name: X, weight: " + "5" * 4400 + "}]}", "has more than 15 digits"),
    ],
)
def test_messages_speak_in_words(tmp_path: Path, line: str, words: str) -> None:
    role = tmp_path / "words.yaml"
    role.write_text(f"title: Registered Nurse\n{line}\n", encoding="utf-8")
    result = run(["validate", str(role)])
    assert result.exit_code == 1
    assert words in result.stdout, result.stdout
    for raw in ("pattern", "^[", "]$", "\\d", "set_int_max_str_digits", "Value error"):
        assert raw not in result.stdout, result.stdout


def test_a_lone_cr_is_a_line_break_for_lint_as_for_validate(tmp_path: Path) -> None:
    role = tmp_path / "cr.yaml"
    role.write_bytes(b"title: Nurse\rsummary: We want a rockstar.\r\nnotes: Another rockstar\rtitle: Two\n")
    checked = run(["validate", str(role)])
    assert "cr.yaml:4:1:" in checked.stdout, checked.stdout
    role.write_bytes(b"title: Nurse\rsummary: We want a rockstar.\r\nnotes: Another rockstar\r")
    linted = json.loads(run(["lint", str(role), "--format", "json", "--no-kit"]).stdout)
    places = sorted(
        (f["line"], f["column"]) for f in linted["files"][0]["findings"] if f["rule"] == "hero-title"
    )
    assert places == [(2, 20), (3, 16)], places
