"""The labelled corpus: every planted problem is found, and clean postings get no errors."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
import yaml

from hirecli.lint.engine import POSTING_SUFFIXES, Options, lint_file
from hirecli.lint.model import FileReport, Severity
from hirecli.lint.rules import rules
from paths import ROOT

CORPUS = ROOT / "tests" / "lint_corpus"
TODAY = date(2026, 11, 28)
POSTINGS = sorted(p for p in CORPUS.iterdir() if p.suffix in POSTING_SUFFIXES)


def _labels(posting: Path) -> dict[str, object]:
    sidecar = posting.with_name(posting.stem + ".expected.yaml")
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _lint(posting: Path) -> FileReport:
    report, _ = lint_file(str(posting), Options(use_company=False, today=TODAY))
    return report


def _found(report: FileReport, rule: str, text: str | None) -> bool:
    return any(f.rule == rule and (text is None or f.text == text) for f in report.findings)


def test_the_corpus_is_big_and_varied_enough() -> None:
    assert len(POSTINGS) >= 14
    assert {p.suffix for p in POSTINGS} >= {".md", ".txt", ".html"}
    labels = [_labels(p) for p in POSTINGS]
    assert sum(1 for label in labels if label["clean"]) >= 2
    assert len({label["field"] for label in labels}) >= 12


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.name)
def test_every_planted_problem_is_found(posting: Path) -> None:
    labels = _labels(posting)
    expected = labels["expected"]
    assert isinstance(expected, list)
    report = _lint(posting)
    missing = []
    for item in expected:
        assert item["rule"] in rules(), f"{posting.name}: unknown rule {item['rule']}"
        if not _found(report, item["rule"], item.get("text")):
            missing.append(item)
    assert not missing, f"{posting.name}: not found {missing}; found " + str(
        [(f.rule, f.text) for f in report.findings]
    )


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.name)
def test_no_false_alarms_where_the_label_says_so(posting: Path) -> None:
    report = _lint(posting)
    for item in _labels(posting).get("absent", []):  # type: ignore[attr-defined]
        assert not _found(report, item["rule"], item["text"]), f"{posting.name}: {item}"


@pytest.mark.parametrize("posting", [p for p in POSTINGS if _labels(p)["clean"]], ids=lambda p: p.name)
def test_clean_postings_get_no_errors_or_warnings(posting: Path) -> None:
    report = _lint(posting)
    serious = [(f.rule, f.text) for f in report.findings if f.severity is not Severity.info]
    assert serious == []
    assert report.stats["pay"] == "range"
    assert report.stats["jurisdictions"], "a clean posting should exercise a pay-transparency law"


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.name)
def test_findings_point_at_their_text_in_the_file(posting: Path) -> None:
    lines = posting.read_text(encoding="utf-8").splitlines()
    checked = 0
    for finding in _lint(posting).findings:
        if finding.text and "\n" not in finding.text:
            rest = html.unescape(lines[finding.line - 1][finding.column - 1 :])
            first_word = finding.text.split()[0]
            assert rest.startswith(first_word), (finding.rule, finding.text, rest[:40])
            checked += 1
    assert checked or _labels(posting)["clean"]
