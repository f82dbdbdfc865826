"""Postings of every example role as golden files, read back by a CommonMark parser, and safe
against role text full of markup characters in every format."""

from __future__ import annotations

import html
import json
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console
from typer.testing import CliRunner

from golden_util import assert_golden
from hirecli.builders.posting.build import build_posting
from hirecli.cli.main import app
from hirecli.document import Heading, from_dict
from hirecli.model.fields import CONTROL
from hirecli.model.loader import load_company, load_role, load_role_text
from hirecli.model.role import Role
from hirecli.writers import render
from hirecli.writers.terminal import print_document
from paths import ROLES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "posting"
EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
FORMATS = {"md": "md", "html": "html", "json": "json", "jsonld": "jsonld"}
CHANNELS = {"linkedin": "html", "indeed": "md", "internal": "md", "short": "md"}


def posting(args: list[str]) -> str:
    result = CliRunner().invoke(app, ["posting", *args, "--date", "2026-01-15"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_golden_postings(path: Path, fmt: str) -> None:
    assert_golden(GOLDEN / f"{path.stem}.{FORMATS[fmt]}", posting([str(path), "--format", fmt]))


@pytest.mark.parametrize("channel", CHANNELS)
def test_golden_channels_of_the_seed_role(channel: str) -> None:
    fmt = CHANNELS[channel]
    text = posting([str(ROLES / "mental-health-professional.yaml"), "--channel", channel, "--format", fmt])
    assert_golden(GOLDEN / f"mental-health-professional.{channel}.{fmt}", text)


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token: its text and code children, joined."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(f"<<RAW HTML {child.content}>>")
    return "".join(parts)


def list_items(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    items = []
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = tokens[index + 2]
            assert inline.type == "inline"
            items.append(inline_text(inline))
    return items


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_responsibility_is_a_markdown_list_item(path: Path) -> None:
    role = load_role(path)
    markdown = posting([str(path), "--format", "md"])
    items = list_items(markdown)
    for duty in [*role.responsibilities.primary, *role.responsibilities.secondary]:
        assert " ".join(duty.split()) in items
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert not [t for t in tokens if t.type == "html_block"]


NASTY = [
    "<script>alert('x')</script> & <b>bold</b> &amp; &lt;",
    "[click](javascript:alert(1)) and ![img](http://x/y.png)",
    "# not a heading",
    "1. not a numbered item",
    "- not a bullet",
    "| not | a | table |",
    "**not bold** and _not italic_ and `not code` \\ backslash",
    "[bold]not rich markup[/bold] [link=https://x]y[/link] :smile:",
    "> not a quote",
    "--- not a rule",
    "<!-- not a comment --> {{ not a template }} {% raw %}",
]


def nasty_role() -> str:
    duties = "\n".join(f"    - {json.dumps(line)}" for line in NASTY)
    return (
        textwrap.dedent("""\
        title: "C++ <Developer> [bold]#1[/bold] *star*"
        summary: "A summary with <em>tags</em>, [bold]markup[/bold] and a | pipe."
        responsibilities:
          primary:
        """)
        + duties
        + "\n"
    )


def test_markup_in_role_text_survives_literally_in_every_format(tmp_path: Path) -> None:
    role_file = tmp_path / "nasty.yaml"
    role_file.write_text(nasty_role(), encoding="utf-8")
    role = load_role_text(nasty_role(), "nasty.yaml").model
    company = load_company(ROLES / "company.yaml")
    doc = build_posting(role, company)
    title = "C++ <Developer> [bold]#1[/bold] *star*"

    markdown = render(doc, "md")
    assert isinstance(markdown, str)
    items = list_items(markdown)
    first = items.index(NASTY[0])
    assert items[first : first + len(NASTY)] == NASTY
    parsed = MarkdownIt("commonmark").parse(markdown)
    assert next(inline_text(t) for t in parsed if t.type == "inline") == title
    assert not [t for t in parsed if t.type in ("html_block", "blockquote_open", "hr", "table_open")]
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert len([t for t in parsed if t.type == "heading_open"]) == len(headings)
    children = [c for t in parsed if t.type == "inline" for c in t.children or []]
    assert not [c for c in children if c.type in ("image", "html_inline")]
    hrefs = [str(c.attrs["href"]) for c in children if c.type == "link_open"]
    assert hrefs == ["https://example.com/careers", "mailto:careers@example.com"]

    page = render(doc, "html")
    assert isinstance(page, str)
    assert "<script>" not in page
    assert 'href="javascript' not in page
    lis = [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", page)]
    assert lis[lis.index(NASTY[0]) :][: len(NASTY)] == NASTY
    assert f"<h1>{html.escape(title, quote=False)}</h1>" in page

    text = render(doc, "text")
    assert isinstance(text, str)
    for line in NASTY:
        assert line in text

    data = render(doc, "json")
    assert isinstance(data, str)
    assert from_dict(json.loads(data)) == doc

    console = Console(record=True, width=200, file=open(tmp_path / "screen.txt", "w", encoding="utf-8"))  # noqa: SIM115
    print_document(doc, console)
    screen = console.export_text()
    console.file.close()
    for line in NASTY:
        assert line in screen
    assert title in screen


def test_markup_survives_in_the_jsonld_and_its_script_block(tmp_path: Path) -> None:
    role_file = tmp_path / "nasty.yaml"
    role_file.write_text(nasty_role(), encoding="utf-8")
    data = json.loads(posting([str(role_file), "--format", "jsonld"]))
    assert data["title"] == "C++ <Developer> [bold]#1[/bold] star"
    items = [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", data["description"])]
    assert items[items.index(NASTY[0]) :][: len(NASTY)] == NASTY
    page = posting([str(role_file), "--format", "html"])
    assert page.count("<script") == 1
    start = page.index('<script type="application/ld+json">')
    block = page[start : page.index("</script>", start)]
    assert "<" not in block[1:]
    embedded = json.loads(block[block.index("\n") :])
    assert embedded == data


LINE_TEXT = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: bool(s) and not CONTROL.search(s))
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE_TEXT, min_size=1, max_size=6, unique=True))
def test_any_responsibility_text_comes_back_from_the_markdown(duties: list[str]) -> None:
    role = Role.model_validate({"title": "Tester", "responsibilities": {"primary": duties}})
    markdown = render(build_posting(role), "md")
    assert isinstance(markdown, str)
    assert list_items(markdown)[-len(duties) :] == duties
