"""Checks that look at words: the word lists, gender-coded wording and banned terms."""

from __future__ import annotations

import functools

from hirecli.lint.context import Context
from hirecli.lint.gender import MASCULINE, CodedWord, balance, coded_words
from hirecli.lint.model import Segment, Severity
from hirecli.lint.rules import rules
from hirecli.lint.terms import Entry, TermIndex, add_phrase

_SUGGEST_BALANCE = ("Keep words that are right for the job; where a word only sets a tone, prefer one "
                    "about support, teamwork and growth.")


def check_terms(ctx: Context, index: TermIndex) -> None:
    """A finding for every phrase of the word lists in the posting's text."""
    titles = rules()
    for segment in ctx.body:
        if segment.generated:
            continue
        for hit in index.find(segment.text, ctx.tokens(segment)):
            text = segment.text[hit.start:hit.end]
            ctx.report(hit.entry.rule, f'{titles[hit.entry.rule].title}: "{text}"', segment, hit.start,
                       hit.end, suggestion=hit.entry.suggest, severity=hit.entry.severity)


@functools.cache
def banned_index(terms: tuple[tuple[str, str, str], ...]) -> TermIndex:
    """A word index of configured banned terms: (term, suggestion, severity)."""
    folded: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for term, suggest, severity in terms:
        add_phrase(folded, term, Entry("banned-term", suggest, Severity(severity)), exact=False)
    return TermIndex(folded, {}, {})


def check_gender(ctx: Context) -> None:
    """Count gender-coded words, report masculine ones and the overall balance."""
    found: list[tuple[Segment, CodedWord]] = []
    for segment in ctx.body:
        if segment.generated:
            continue
        for word in coded_words(segment.text, ctx.tokens(segment)):
            if not ctx.is_allowed(segment, word.start, word.end):
                found.append((segment, word))
    result = balance([word for _, word in found])
    ctx.stats["gender"] = result
    for segment, word in found:
        if word.stem.side == MASCULINE:
            text = segment.text[word.start:word.end]
            hint = f"Consider: {word.stem.suggest}." if word.stem.suggest else _SUGGEST_BALANCE
            ctx.report("masculine-coded-word", f'Masculine-coded word: "{text}"', segment, word.start,
                       word.end, suggestion=hint)
    if result.verdict != "neutral":
        masc, fem = sum(result.masculine.values()), sum(result.feminine.values())
        severity = Severity.warning if result.verdict == "strongly masculine" else None
        ctx.report("gender-coded-balance",
                   f"Gender-coded wording is {result.verdict}: {fem} feminine-coded and {masc} "
                   f"masculine-coded words (score {result.score:+d})",
                   severity=severity,
                   suggestion=("Balance masculine-coded words with wording about support and teamwork."
                               if "masculine" in result.verdict else
                               "No change needed: feminine-coded wording does not put men off, and "
                               "draws more women to apply."))
