"""Property tests: whatever text arrives, import either refuses it with a documented error
or writes a role that validates, reads back the same, and places every line."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.errors import ExitCode, HirecliError
from hirecli.importers import Imported, import_bytes
from hirecli.importers.vocab import table
from hirecli.model.loader import load_role_text

HEADINGS = sorted({str(h) for headings in table("headings")["sections"].values() for h in headings})
WORDS = [
    "care",
    "Nurse",
    "team",
    "NO",
    "yes",
    "1.10",
    "21-1014.00",
    "—",
    "&amp;",
    "é",
    "🎯",
    "$",
    "£",
    "€",
    ":",
    "#",
    "*",
    "-",
    "•",
    "years",
    "remote",
    "Hybrid",
    "Full-time",
    "Denver, CO",
    "null",
    "~",
    "'",
    '"',
    "\\",
    "\t",
    "k",
    "0",
    "60",
    "2-7",
    "per hour",
    "Back to Home",
    "Apply now",
]

word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8))
phrase = st.lists(word, min_size=1, max_size=12).map(" ".join)
heading = st.tuples(
    st.sampled_from(HEADINGS),
    st.sampled_from(["{}", "{}:", "{}:".upper(), "## {}", "**{}**", "🎯 {}", "{} ({})", "  {}  "]),
).map(lambda pair: pair[1].replace("{}", pair[0].title(), 1).replace("({})", "(x)"))
bullet = st.tuples(
    st.sampled_from(["- ", "* ", "• ", "– ", "1. ", "2) ", "-", "    -", "✅ ", "  • "]), phrase
).map("".join)
pay = st.tuples(
    st.sampled_from(["$", "£", "€", "CA$", "USD ", "", "¥"]),
    st.integers(0, 300_000),
    st.sampled_from([" - ", "–", " to ", ""]),
    st.integers(0, 300_000),
    st.sampled_from(["", " per hour", " a year", "k", " monthly"]),
).map(lambda p: f"{p[0]}{p[1]:,}{p[2]}{p[0] if p[2] else ''}{p[3] if p[2] else ''}{p[4]}")
label = st.tuples(
    st.sampled_from(
        [
            "Location",
            "Salary",
            "Job type",
            "Job title",
            "Tags",
            "Openings",
            "Schedule",
            "Typical Experience Range",
            "Experience",
            "Workplace",
        ]
    ),
    st.one_of(phrase, pay),
).map(lambda p: f"{p[0]}: {p[1]}")
line = st.one_of(heading, bullet, bullet, phrase, pay, label, st.just(""), st.just(""))
loose = st.lists(line, min_size=0, max_size=40).map("\n".join)
section = st.tuples(heading, st.lists(st.one_of(bullet, bullet, phrase, label, st.just("")), max_size=8)).map(
    lambda s: "\n".join([s[0], *s[1]])
)
shaped = st.tuples(
    phrase, st.lists(st.one_of(pay, label, phrase), max_size=4), st.lists(section, min_size=1, max_size=6)
).map(lambda d: "\n".join([d[0], *d[1], "", *d[2]]))
document = st.one_of(loose, shaped)


def _check(data: bytes, name: str) -> Imported | None:
    refused: HirecliError | None = None
    try:
        imported = import_bytes(data, name)
    except HirecliError as exc:
        refused = exc
    if refused is not None:
        assert refused.exit_code in (ExitCode.INVALID, ExitCode.USAGE)
        assert refused.message
        assert "\n" not in refused.message.strip()
        return None
    built = imported.built
    loaded = load_role_text(built.text, name).model
    assert loaded == built.role
    assert yaml.safe_load(built.text) == json.loads(json.dumps(built.data))
    assert not any("no rule placed" in warning for warning in imported.report.warnings)
    return imported


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_job_description_shaped_text(text: str) -> None:
    _check(text.encode("utf-8"), "job.txt")


@settings(max_examples=150, deadline=None)
@given(document)
def test_job_description_shaped_markdown(text: str) -> None:
    _check(text.encode("utf-8"), "job.md")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["h1", "h2", "p", "li", "strong", "div", "td", "script"]),
            st.one_of(heading, phrase, pay, label),
        ),
        max_size=25,
    )
)
def test_job_description_shaped_html(parts: list[tuple[str, str]]) -> None:
    body = "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)
    _check(f"<html><body><ul>{body}</ul></body></html>".encode(), "job.html")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), "random.txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    _check(data, "random.bin")
