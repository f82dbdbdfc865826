"""Lint reads job ads through the readers ``import`` uses: one section vocabulary, exact places.

Both commands name the section of a heading from the readers' vocabulary, so they agree
on it ("The role" is the summary for both). Every finding points at the characters as
written, whatever the markup around them (Markdown marks, HTML entities, Word paragraphs)
and whatever ends the lines (LF, CR LF or a lone CR). Broken markup is read, not a crash;
a file no reader can take is one line naming it.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirecli.errors import HirecliError, InputFileError
from hirecli.importers import import_text
from hirecli.lint.config import Settings
from hirecli.lint.engine import lint_posting
from hirecli.lint.model import Posting
from hirecli.lint.postings import read_posting
from hirecli.readers.vocabulary import group_of
from test_robustness_support import run

HEADINGS = [
    "The role",
    "About you",
    "What you'll do",
    "What you will need",
    "Essential functions",
    "Nice to have",
    "Perks & Benefits",
    "Skills",
    "Minimum qualifications",
]
DUTIES = [
    "Chart care for every patient on the ward",
    "Give medicines on time and record each dose",
    "Hand over to the night shift with clear notes",
]


def _ad(heading: str) -> str:
    items = "".join(f"- {duty}\n" for duty in DUTIES)
    return f"# Registered Nurse\n\n## {heading}\n\n{items}\n## Responsibilities\n\n{items}"


def _posting(text: str, name: str = "ad.md") -> Posting:
    return read_posting(text.encode("utf-8"), name, Path(name).suffix)


@pytest.mark.parametrize("heading", HEADINGS)
def test_lint_and_import_read_a_heading_as_the_same_section(heading: str) -> None:
    imported = import_text(_ad(heading), "ad.md")
    [kind] = [s.kind for s in imported.report.sections if s.heading == heading]
    bullets = [s for s in _posting(_ad(heading)).segments if s.kind == "bullet" and s.heading == heading]
    assert bullets
    assert {s.section for s in bullets} == {group_of(kind)}, (heading, kind)


def test_the_role_is_the_summary_for_both_commands() -> None:
    bullets = [s for s in _posting(_ad("The role")).segments if s.heading == "The role"]
    assert {s.section for s in bullets} == {"summary"}


def _where(posting: Posting, text: str) -> tuple[int, int]:
    report = lint_posting(posting, Settings())
    [found] = [f for f in report.findings if f.text == text]
    return found.line, found.column


@pytest.mark.parametrize(
    ("name", "source", "text", "place"),
    [
        ("ad.md", "# Nurse\n\n**Location:** Austin, TX · a *rockstar* nurse\n", "rockstar", (3, 31)),
        ("ad.md", "# Nurse\n\n- Work with [a rockstar](https://example.com) team\n", "rockstar", (3, 16)),
        ("ad.md", "Nurse\n=====\n\nWe want a\n**rockstar** nurse.\n", "rockstar", (5, 3)),
        ("ad.html", "<h1>Nurse</h1>\n<p>Sales &amp; Marketing&#8217;s rockstar</p>", "rockstar", (2, 34)),
        ("ad.html", "<h1>Nurse</h1><p>\n    A <b>rock</b>star\n</p>", "rockstar", (2, 10)),
        ("ad.txt", "Nurse\n\n\tWe want a\trockstar.\n", "rockstar", (3, 12)),
    ],
)
def test_findings_point_at_the_characters_as_written(
    name: str, source: str, text: str, place: tuple[int, int]
) -> None:
    assert _where(_posting(source, name), text) == place


@pytest.mark.parametrize("name", ["ad.txt", "ad.md", "ad.html"])
def test_every_line_break_counts_the_same(name: str) -> None:
    body = (
        "<h1>Nurse</h1>\n<p>Location: Austin, TX</p>\n\n<p>We want a\nrockstar who works hard.</p>\n"
        if name.endswith("html")
        else "# Nurse\n\nLocation: Austin, TX\n\nWe want a\nrockstar who works hard.\n"
    )
    places = {
        ending: sorted(
            (f.rule, f.line, f.column)
            for f in lint_posting(_posting(body.replace("\n", ending), name), Settings()).findings
        )
        for ending in ("\n", "\r\n", "\r")
    }
    assert places["\n"] == places["\r\n"] == places["\r"]
    assert ("hero-title", 5 if name.endswith("html") else 6, 1) in places["\r"]


def test_word_paragraphs_and_tables_are_placed_by_paragraph_and_character() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Nurse", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Team"
    table.rows[0].cells[1].text = "A rockstar crew"
    document.add_paragraph("  We want a ninja.")
    buffer = io.BytesIO()
    document.save(buffer)
    posting = read_posting(buffer.getvalue(), "ad.docx", ".docx")
    assert _where(posting, "rockstar") == (3, 3)  # the second cell: the third paragraph
    assert _where(posting, "ninja") == (4, 13)  # two spaces, then "We want a "


MALFORMED = {
    "declaration.html": "<h1>Nurse</h1><p>We want a rockstar</p><![0\n<p>more</p>",
    "conditional.html": "<p>a</p><![if x<p>We want a rockstar",
    "bang.html": "<!x><p>We want a rockstar</p></",
    "references.html": "<p>&#99999999; &#x110000; &nosuchthing; &amp rockstar &#</p>",
    "nesting.html": "<div>" * 3000 + "We want a rockstar" + "</span>" * 10,
    "declaration.md": "# Nurse\n\nWe want a rockstar <![0 and more\n\n<![0\n",
    "html.md": "# Nurse\n\n<div>\n<p>We want a <b>rockstar\n</div>\n\n<!-- never closed\n",
    "fences.md": "# Nurse\n\n```\nunclosed\n\n> > > - [x](\n\n|a|\n|-|\n| rockstar |\n",
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_markup_is_read_not_a_crash(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(MALFORMED[name], encoding="utf-8")
    result = run(["lint", str(path), "--format", "text"])
    assert result.exit_code in (0, 1), result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines
    assert all(line.startswith(f"{path}:") for line in lines), result.stdout
    assert any("rockstar" in line.lower() for line in lines), result.stdout


def test_a_file_no_reader_can_take_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hirecli.readers.html as reader

    def broken(text: str, name: str = "") -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(reader, "read_html", broken)
    path = tmp_path / "ad.html"
    path.write_text("<p>We want a rockstar</p>", encoding="utf-8")
    result = run(["lint", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(path) in line
    assert "cannot read this HTML page" in line


@pytest.mark.parametrize(
    ("name", "data"),
    [("binary.md", b"\x00\x01rockstar"), ("latin1.txt", "Caf\xe9 rockstar".encode("latin-1"))],
)
def test_a_file_that_is_not_text_is_one_line_naming_it(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run(["lint", str(path)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {path}:"), line


def test_an_empty_posting_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "ad.md").write_text("# Nurse\n\nWe want a rockstar.\n", encoding="utf-8")
    result = run(["lint", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    files = {Path(f["file"]).name: f["findings"] for f in json.loads(result.stdout)["files"]}
    assert [f["rule"] for f in files["empty.md"]] == ["invalid-file"]
    assert any(f["rule"] == "hero-title" for f in files["ad.md"])


PIECES = [
    *("<", ">", "<![", "<!", "</", "<p>", "<li>", "<ul>", "<table>", "<tr>", "<td>", "<b>", "<h2>"),
    *("&", "&#", "&amp;", "&#x;", "<!--", "-->", "\n", "\r", "\r\n", "**", "- ", "1. ", "# ", "|"),
    *("`", "> ", "    ", "\t", "rockstar", "Requirements", "Location: Austin, TX"),
]
MARKUP = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP, st.sampled_from(["ad.html", "ad.md", "ad.txt"]))
def test_lint_of_any_markup_points_inside_the_file(text: str, name: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    message = ""
    try:
        posting = read_posting(data, name, Path(name).suffix)
    except HirecliError as exc:
        message = exc.message
    if message:
        assert message.startswith(name)
        assert "\n" not in message
        return
    lines = data.decode("utf-8", "replace").splitlines() or [""]
    for finding in lint_posting(posting, Settings()).findings:
        assert 1 <= finding.line <= len(lines), (finding, lines)
        assert finding.column >= 1
        if finding.text and name != "ad.html":
            assert finding.text.split()[0] in lines[finding.line - 1][finding.column - 1 :]
        elif finding.text:
            rest = html.unescape(lines[finding.line - 1][finding.column - 1 :])
            assert rest[:1] == finding.text[:1] or not rest, (finding, rest)


def test_a_reader_error_is_an_input_error() -> None:
    with pytest.raises(InputFileError, match=r"^ad\.docx: "):
        read_posting(b"not a zip", "ad.docx", ".docx")
