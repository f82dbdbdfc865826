"""Every writer renders the kit and the scorecard; golden Markdown kits for every example role."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from golden_util import assert_golden
from hirecli.builders.kit.document import kit_document
from hirecli.builders.kit.model import Kit
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.scorecard import scorecard_document
from hirecli.cli.main import app
from hirecli.document import Document, from_dict
from hirecli.model.loader import load_role_file
from hirecli.writers import WRITERS, render
from paths import ROLES, ROOT, SEED_ROLE

GOLDEN = ROOT / "tests" / "golden" / "kit"
EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
TURBINE = ROLES / "wind-turbine-technician.yaml"


@cache
def kit_for(path: Path) -> Kit:
    return plan_kit(load_role_file(path).model)


def documents() -> list[tuple[str, Document]]:
    kit = kit_for(TURBINE)
    return [("kit", kit_document(kit)), ("packet", kit_document(kit, "1")),
            ("scorecard", scorecard_document(kit))]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_renders_the_kit_and_scorecard(fmt: str) -> None:
    kit = kit_for(TURBINE)
    first = kit.stages[2].questions[0].text
    for name, doc in documents():
        out = render(doc, fmt)
        assert out, name
        if isinstance(out, bytes):
            assert out.startswith(b"PK")
            continue
        if name != "scorecard":
            probe = "Stage 1 of 4" if name == "packet" else first.split(",")[0]
            assert probe in out.replace("\\", "") or fmt == "html", (fmt, name)


def test_json_reads_back_as_the_same_document() -> None:
    for _, doc in documents():
        assert from_dict(json.loads(str(render(doc, "json")))) == doc


def test_markdown_has_a_page_per_stage_and_a_rating_table_per_question() -> None:
    kit = kit_for(SEED_ROLE)
    tokens = MarkdownIt("commonmark").enable("table").parse(str(render(kit_document(kit), "md")))
    rules = sum(1 for t in tokens if t.type == "hr")
    tables = sum(1 for t in tokens if t.type == "table_open")
    questions = sum(len(s.questions) + len(s.reserve) for s in kit.stages)
    assert rules == len(kit.stages)
    fixed = 3 + sum(3 if s.requirements else 2 for s in kit.stages)
    assert tables == questions + fixed


def test_html_escapes_and_marks_checkboxes() -> None:
    html = str(render(scorecard_document(kit_for(TURBINE)), "html"))
    assert "<table" in html
    assert "[ ]" not in html or "☐" in html or "checkbox" in html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_golden_kits(path: Path) -> None:
    result = CliRunner().invoke(app, ["interview-kit", str(path), "--format", "md"])
    assert result.exit_code == 0, result.stderr
    assert_golden(GOLDEN / f"{path.stem}.md", result.stdout)


def test_golden_scorecard() -> None:
    result = CliRunner().invoke(app, ["scorecard", str(SEED_ROLE), "--format", "md"])
    assert result.exit_code == 0, result.stderr
    assert_golden(GOLDEN / "mental-health-professional.scorecard.md", result.stdout)
