"""Every writer renders the kit, a packet and the scorecards; golden Markdown for a role whose
kit depends on no library content; no internal words in any document."""

from __future__ import annotations

import json
import re
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
from hirecli.document import Document, PageBreak, Table, from_dict
from hirecli.model.loader import find_company, load_company, load_role_file
from hirecli.writers import WRITERS, render
from paths import ROLES, ROOT, SEED_ROLE

GOLDEN = ROOT / "tests" / "golden" / "kit"
GOLDEN_ROLE = ROOT / "tests" / "kit_roles" / "front-desk-coordinator.yaml"
EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
TURBINE = ROLES / "wind-turbine-technician.yaml"
INTERNAL = re.compile(
    r"variant \d|--variant|must_have|must_have: true|\bTrue\b|\bFalse\b|"
    r"generated:|library:|\{[a-z_]+\}|\bNone\b"
)


@cache
def kit_for(path: Path) -> Kit:
    company = find_company(path)
    return plan_kit(load_role_file(path).model, load_company(company) if company else None)


def documents(kit: Kit) -> list[tuple[str, Document]]:
    docs = [("kit", kit_document(kit)), ("scorecard", scorecard_document(kit))]
    for index in range(len(kit.stages)):
        docs += [
            (f"packet {index + 1}", kit_document(kit, str(index + 1))),
            (f"scorecard {index + 1}", scorecard_document(kit, index)),
        ]
    return docs


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_renders_the_kit_packets_and_scorecards(fmt: str) -> None:
    kit = kit_for(TURBINE)
    for name, doc in documents(kit):
        out = render(doc, fmt)
        assert out, name
        if isinstance(out, bytes):
            assert out.startswith(b"PK")
        elif name.startswith("packet"):
            number = name.split()[1]
            assert f"Stage {number} of {len(kit.stages)}" in out, (fmt, name)


def test_json_reads_back_as_the_same_document() -> None:
    for _, doc in documents(kit_for(TURBINE)):
        assert from_dict(json.loads(str(render(doc, "json")))) == doc


def test_markdown_has_a_page_per_stage_and_a_rating_table_per_question() -> None:
    kit = kit_for(SEED_ROLE)
    doc = kit_document(kit)
    tokens = MarkdownIt("commonmark").enable("table").parse(str(render(doc, "md")))
    rules = sum(1 for t in tokens if t.type == "hr")
    assert rules == sum(1 for b in doc.blocks if isinstance(b, PageBreak))
    assert rules >= len(kit.stages)
    ratings = [b for b in doc.blocks if isinstance(b, Table) and b.kind == "rating"]
    assert len(ratings) == sum(len(s.questions) for s in kit.stages)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_no_internal_words_and_no_empty_stage_in_any_document(path: Path) -> None:
    kit = kit_for(path)
    for name, doc in documents(kit):
        text = str(render(doc, "text"))
        found = INTERNAL.findall(text)
        assert not found, (name, found[:3])
        assert "I will ask you 0 questions" not in text
        assert not re.search(r"(?<![\d.])0 minutes?\b", text), name


def test_a_packet_has_only_its_own_stage() -> None:
    kit = kit_for(SEED_ROLE)
    for index, stage in enumerate(kit.stages):
        text = str(render(kit_document(kit, str(index + 1)), "md"))
        for other in kit.stages:
            if other is not stage:
                assert f"Stage {other.number} of" not in text
        assert "| Candidate | Interviewer | Date |" in text
        assert "Do not ask" in text
        assert "Before your first interview" in text


def test_the_kit_carries_the_decision_protocol_debrief_and_checklist() -> None:
    text = str(render(kit_document(kit_for(SEED_ROLE)), "md"))
    for heading in (
        "## How the hiring decision is made",
        "## Interviewer checklist and calibration",
        "## Debrief guide",
        "## Do not ask",
        "Named interviewers for this round",
    ):
        assert heading in text
    assert "recommendation is yours" not in text


def test_html_escapes_and_marks_checkboxes() -> None:
    html = str(render(scorecard_document(kit_for(TURBINE)), "html"))
    assert "<table" in html
    assert "[ ]" not in html or "☐" in html or "checkbox" in html


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ([], "front-desk-coordinator.md"),
        (["--stage", "3"], "front-desk-coordinator.packet-3.md"),
        (["--scorecard"], "front-desk-coordinator.scorecard.md"),
        (["--scorecard", "--stage", "2"], "front-desk-coordinator.scorecard-2.md"),
    ],
)
def test_golden_kit(args: list[str], name: str) -> None:
    result = CliRunner().invoke(app, ["interview-kit", str(GOLDEN_ROLE), "--format", "md", *args])
    assert result.exit_code == 0, result.stderr
    assert_golden(GOLDEN / name, result.stdout)
