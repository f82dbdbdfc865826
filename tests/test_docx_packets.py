"""Interview packets and scorecards as Word files a hiring team prints: nothing splits,
every page says whose and which stage it is, and the packets stay small. The XML is
checked directly; LibreOffice prints the packets to count pages and find split blocks
(skipped without it, unless HIRECLI_REQUIRE_TOOLS=1)."""

from __future__ import annotations

import io
import re
import subprocess
from functools import cache
from typing import Any

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from hirecli.builders.kit.document import kit_document
from hirecli.builders.kit.model import Kit
from hirecli.builders.kit.packet import note_lines
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.scorecard import scorecard_document
from hirecli.model.loader import find_company, load_company, load_role
from hirecli.writers.docx.writer import render_docx
from paths import SEED_ROLE
from test_docx_tools import tool

QUESTION = re.compile(r"^(?:Q\d+|R\d+)\. |^Scoring the ")
MAX_PACKET_PAGES = 15
MAX_SCORECARD_PAGES = 2


@cache
def seed_kit() -> Kit:
    company = find_company(SEED_ROLE)
    return plan_kit(load_role(SEED_ROLE), load_company(company) if company else None)


def opened(data: bytes) -> Any:
    return open_docx(io.BytesIO(data))


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _style(element: Any) -> str | None:
    found = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if found is None else found.get(qn("w:val"))


def _keeps(p: Any) -> bool | None:
    keep = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    if keep is None:
        return None
    return keep.get(qn("w:val")) not in ("0", "false")


def question_blocks(body: Any) -> list[list[Any]]:
    """Each question block: its heading paragraph and every body element down to its notes."""
    blocks: list[list[Any]] = []
    children = list(body)
    for index, element in enumerate(children):
        if element.tag == qn("w:p") and _style(element) == "Heading3" and QUESTION.match(_text(element)):
            block = [element]
            for following in children[index + 1 :]:
                block.append(following)
                style = following.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
                if following.tag == qn("w:tbl") and style is not None and style.get(qn("w:val")) == "HCNotes":
                    break
            blocks.append(block)
    return blocks


def test_question_blocks_keep_together_and_rows_never_split() -> None:
    kit = seed_kit()
    for index in range(len(kit.stages)):
        body = opened(render_docx(kit_document(kit, str(index + 1)))).element.body
        blocks = question_blocks(body)
        assert len(blocks) >= len(kit.stages[index].questions)
        for block in blocks:
            *inside, notes = block
            assert notes.tag == qn("w:tbl"), _text(block[0])
            for element in inside:
                if element.tag == qn("w:p"):
                    assert _keeps(element) is not False, _text(element)
                    assert _keeps(element) or _style(element) == "Heading3", _text(element)
                else:
                    assert all(
                        tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
                        for tr in element.iter(qn("w:tr"))
                    )
            rows = notes.findall(qn("w:tr"))
            assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
            last = rows[-1].find(f".//{qn('w:p')}")
            assert _keeps(last) is False, "the last notes line must end the block"


def test_a_block_that_does_not_fit_starts_a_new_page() -> None:
    kit = seed_kit()
    body = opened(render_docx(kit_document(kit, "3"))).element.body
    starts = [b[0] for b in question_blocks(body)]
    assert any(p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None for p in starts)


def test_notes_grow_with_the_minutes() -> None:
    kit = seed_kit()
    stage = kit.stages[1]
    body = opened(render_docx(kit_document(kit, "2"))).element.body
    blocks = question_blocks(body)
    for question, block in zip(stage.questions, blocks, strict=False):
        assert len(block[-1].findall(qn("w:tr"))) == note_lines(question.minutes)
        assert note_lines(question.minutes) == question.minutes or question.minutes > 10


def test_every_page_names_the_role_and_the_stage() -> None:
    kit = seed_kit()
    whole = opened(render_docx(kit_document(kit)))
    assert len(whole.sections) == len(kit.stages) + 1
    for section, stage in zip(whole.sections[1:], kit.stages, strict=True):
        header = "\n".join(p.text for p in section.header.paragraphs)
        assert kit.title in header
        assert f"Stage {stage.number} of {len(kit.stages)}: {stage.name}" in header
    for index, stage in enumerate(kit.stages):
        for doc in (kit_document(kit, str(index + 1)), scorecard_document(kit, index)):
            document = opened(render_docx(doc))
            header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
            assert kit.title in header
            assert stage.name in header
            first = document.tables[0]
            assert [c.text for c in first.rows[0].cells][:2] == ["Candidate", "Interviewer"]


def test_no_internal_words_in_the_word_files() -> None:
    kit = seed_kit()
    for doc in (kit_document(kit), scorecard_document(kit), kit_document(kit, "1")):
        text = _text(opened(render_docx(doc)).element.body)
        for word in ("variant 0", "must_have", "--variant", "generated:", "recommendation is yours"):
            assert word not in text


# ---- printed by LibreOffice ---------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The seed role's packets and stage scorecards printed to PDF, as text page by page."""
    soffice, pdftotext = tool("soffice"), tool("pdftotext")
    kit = seed_kit()
    folder = tmp_path_factory.mktemp("packets")
    names = []
    for index in range(len(kit.stages)):
        for name, doc in (
            (f"packet-{index + 1}", kit_document(kit, str(index + 1))),
            (f"scorecard-{index + 1}", scorecard_document(kit, index)),
        ):
            (folder / f"{name}.docx").write_bytes(render_docx(doc))
            names.append(name)
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{n}.docx") for n in names),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pages = {}
    for name in names:
        text = subprocess.run(
            [pdftotext, "-layout", str(folder / f"{name}.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        pages[name] = text.split("\f")[:-1]
    return pages


def split_blocks(pages: list[str]) -> list[str]:
    """Question blocks whose heading is on one page and rating table or notes on another."""
    split = []
    for page in pages:
        for found in re.finditer(r"^\s*((?:Q\d+|R\d+)\. .+|Scoring the .+)$", page, re.M):
            rest = page[found.end() :]
            following = re.search(r"^\s*(?:Q\d+|R\d+)\. |^\s*Scoring the ", rest, re.M)
            block = rest[: following.start()] if following else rest
            if "Beyond the bar" not in block or "Notes" not in block:
                split.append(found.group(1).strip())
    return split


def test_packets_and_stage_scorecards_are_small_enough_to_print(printed: dict[str, list[str]]) -> None:
    for name, pages in printed.items():
        limit = MAX_PACKET_PAGES if name.startswith("packet") else MAX_SCORECARD_PAGES
        assert len(pages) <= limit, (name, len(pages))


def test_no_question_block_splits_across_pages(printed: dict[str, list[str]]) -> None:
    for name, pages in printed.items():
        if name.startswith("packet"):
            assert split_blocks(pages) == [], name


def test_a_stage_scorecard_decides_on_one_page(printed: dict[str, list[str]]) -> None:
    kit = seed_kit()
    for index, stage in enumerate(kit.stages):
        first = printed[f"scorecard-{index + 1}"][0]
        words = " ".join(first.split())
        for name in stage.competencies:
            assert " ".join(name.split()) in words
        assert "Strong Yes" in words
        assert "Only if your recommendation differs" in words
