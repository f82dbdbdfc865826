"""The labelled law corpus: unlawful wording is an error, lawful wording never is.

``tests/lint_law_corpus`` holds postings phrases and interview questions written for
these tests, unlawful and lawful, in the many ways ads and interviewers put things.
The figures (recall on unlawful wording, errors on lawful wording) are asserted here
and printed by ``python tests/test_lint_law.py`` for the README.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from hirecli.lint.engine import lint_posting
from hirecli.lint.model import FileReport, Severity
from hirecli.lint.postings import read_posting
from hirecli.screening.protected import find_protected_topics

CORPUS = Path(__file__).resolve().parent / "lint_law_corpus"
TODAY = date(2026, 12, 4)
RECALL = 0.95


@functools.cache
def load(name: str) -> Any:
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def posting_report(text: str) -> FileReport:
    ad = f"# Job\n\nLocation: Chicago, IL\n\n{text}\n"
    return lint_posting(read_posting(ad.encode("utf-8"), "ad.md", ".md"), today=TODAY)


def law_errors(text: str) -> list[str]:
    return [
        f.text
        for f in posting_report(text).findings
        if f.rule == "protected-preference" and f.severity is Severity.error
    ]


def figures() -> dict[str, tuple[int, int]]:
    """(hits, total) for each of the four sets."""
    unlawful_postings = load("postings_unlawful")
    lawful_postings = load("postings_lawful")
    unlawful_questions = load("questions_unlawful")
    lawful_questions = load("questions_lawful")
    return {
        "unlawful postings found": (
            sum(1 for item in unlawful_postings if law_errors(item["text"])),
            len(unlawful_postings),
        ),
        "lawful postings with an error": (
            sum(1 for text in lawful_postings if law_errors(text)),
            len(lawful_postings),
        ),
        "unlawful questions found": (
            sum(1 for item in unlawful_questions if find_protected_topics(item["text"])),
            len(unlawful_questions),
        ),
        "lawful questions flagged": (
            sum(1 for text in lawful_questions if find_protected_topics(text)),
            len(lawful_questions),
        ),
    }


def test_the_corpus_is_large_and_varied() -> None:
    postings, questions = load("postings_unlawful"), load("questions_unlawful")
    assert len(postings) >= 80
    assert len(load("postings_lawful")) >= 50
    assert len(questions) >= 100
    assert len(load("questions_lawful")) >= 50
    assert len({item["topic"] for item in postings}) >= 9
    assert len({item["topic"] for item in questions}) >= 14
    everything = (
        [item["text"] for item in (*postings, *questions)]
        + load("postings_lawful")
        + load("questions_lawful")
    )
    assert len(set(everything)) == len(everything), "no phrase is listed twice"


@pytest.mark.parametrize("item", load("postings_unlawful"), ids=lambda item: item["text"][:40])
def test_unlawful_posting_wording_is_an_error(item: dict[str, str]) -> None:
    errors = [
        f
        for f in posting_report(item["text"]).findings
        if f.rule == "protected-preference" and f.severity is Severity.error
    ]
    assert errors, item
    for finding in errors:
        assert "(" in finding.message, "the message names the law"
        assert ")" in finding.message
        assert finding.suggestion, "every error gives a lawful rewrite"


@pytest.mark.parametrize("text", load("postings_lawful"), ids=lambda text: text[:40])
def test_lawful_posting_wording_is_never_an_error(text: str) -> None:
    errors = [
        (f.rule, f.text)
        for f in posting_report(text).findings
        if f.severity is Severity.error and f.rule in ("protected-preference", "protected-topic-question")
    ]
    assert errors == []


@pytest.mark.parametrize("item", load("questions_unlawful"), ids=lambda item: item["text"][:40])
def test_unlawful_questions_are_found_under_their_topic(item: dict[str, str]) -> None:
    hits = find_protected_topics(item["text"])
    assert hits, item
    assert any(hit.topic.startswith(item["topic"]) for hit in hits), [h.topic for h in hits]
    assert all(hit.law and hit.alternative for hit in hits)


@pytest.mark.parametrize("text", load("questions_lawful"), ids=lambda text: text[:40])
def test_lawful_questions_are_not_flagged(text: str) -> None:
    assert find_protected_topics(text) == []


def test_the_figures_meet_the_bar() -> None:
    found = figures()
    hits, total = found["unlawful postings found"]
    assert hits / total >= RECALL
    hits, total = found["unlawful questions found"]
    assert hits / total >= RECALL
    assert found["lawful postings with an error"][0] == 0
    assert found["lawful questions flagged"][0] == 0


if __name__ == "__main__":  # pragma: no cover - prints the README's figures
    for name, (hits, total) in figures().items():
        print(f"{name}: {hits}/{total} ({100 * hits / total:.1f}%)")
