"""Checks that look at words: the word lists, gender-coded wording and banned terms."""

from __future__ import annotations

import functools

from hirecli.lint.context import Context
from hirecli.lint.gender import MASCULINE, CodedWord, coded_in
from hirecli.lint.gender import balance as tally
from hirecli.lint.model import Segment, Severity
from hirecli.lint.rules import rules
from hirecli.lint.screen import accommodation
from hirecli.lint.terms import Entry, TermIndex, add_phrase, find_cached

_RESTATED = frozenset({"ageism", "origin-wording", "gendered-term", "ability-wording", "gendered-pronoun"})
"""Word-list rules that an error of the protected-characteristic screen already covers."""

_SUGGEST_BALANCE = (
    "Keep words that are right for the job; where a word only sets a tone, prefer one "
    "about support, teamwork and growth."
)


def check_terms(ctx: Context, index: TermIndex) -> None:
    """A finding for every phrase of the word lists in the posting's text."""
    titles = rules()
    for segment in ctx.checked:
        if segment.generated:
            continue
        normal = ctx.normal(segment)
        for hit in find_cached(index, normal.text):
            if hit.entry.rule == "ability-wording" and accommodated(ctx, segment):
                continue
            start, end = normal.span(hit.start, hit.end)
            if hit.entry.rule in _RESTATED and ctx.is_claimed(segment, start, end):
                continue
            text = segment.text[start:end]
            ctx.report(
                hit.entry.rule,
                f'{titles[hit.entry.rule].title}: "{text}"',
                segment,
                start,
                end,
                suggestion=hit.entry.suggest,
                severity=hit.entry.severity,
            )


def accommodated(ctx: Context, segment: Segment) -> bool:
    """True when the segment, or the lead-in of its list, has an accommodation clause."""
    clause = accommodation()
    if clause.search(ctx.normal(segment).text):
        return True
    if segment.group < 0:
        return False
    body = ctx.body
    try:
        index = next(i for i, s in enumerate(body) if s is segment)
    except StopIteration:
        return False
    first = index
    while first > 0 and body[first - 1].group == segment.group:
        first -= 1
    lead = body[first - 1] if first > 0 else None
    return (
        lead is not None
        and lead.kind in ("heading", "paragraph")
        and bool(clause.search(ctx.normal(lead).text))
    )


@functools.cache
def banned_index(terms: tuple[tuple[str, str, str], ...]) -> TermIndex:
    """A word index of configured banned terms: (term, suggestion, severity)."""
    folded: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for term, suggest, severity in terms:
        add_phrase(folded, term, Entry("banned-term", suggest, Severity(severity)), exact=False)
    return TermIndex(folded, {}, {})


def _eeo(ctx: Context, segment: Segment) -> bool:
    return _is_eeo(ctx.normal(segment).text)


@functools.lru_cache(maxsize=16384)
def _is_eeo(text: str) -> bool:
    """Whether ``text`` is an equal-opportunity statement; the same one ends every posting."""
    from hirecli.lint.compliance import eeo_pattern

    return bool(eeo_pattern().search(text))


def check_gender(ctx: Context, *, balance: bool = True) -> None:
    """Count gender-coded words, report masculine ones and (with ``balance``) the overall verdict."""
    found: list[tuple[Segment, CodedWord]] = []
    company = ctx.posting.company
    names = (company.name,) if company is not None and company.name else ()
    for segment in ctx.body:
        if segment.generated or segment.section == "eeo" or _eeo(ctx, segment):
            continue  # the equal-opportunity statement is legal boilerplate, not the job's tone
        normal = ctx.normal(segment)
        for word in coded_in(normal.text, names):
            start, end = normal.span(word.start, word.end)
            if not ctx.is_allowed(segment, start, end):
                found.append((segment, CodedWord(word.stem, start, end)))
    result = tally([word for _, word in found])
    ctx.stats["gender"] = result
    for segment, word in found:
        if word.stem.side == MASCULINE:
            text = segment.text[word.start : word.end]
            hint = f"Consider: {word.stem.suggest}." if word.stem.suggest else _SUGGEST_BALANCE
            ctx.report(
                "masculine-coded-word",
                f'Masculine-coded word: "{text}"',
                segment,
                word.start,
                word.end,
                suggestion=hint,
            )
    if balance and result.verdict != "neutral":
        masc, fem = sum(result.masculine.values()), sum(result.feminine.values())
        severity = Severity.warning if "masculine" in result.verdict else None
        ctx.report(
            "gender-coded-balance",
            f"Gender-coded wording is {result.verdict}: {fem} feminine-coded and {masc} "
            f"masculine-coded words (score {result.score:+d})",
            severity=severity,
            suggestion=(
                "Balance masculine-coded words with wording about support and teamwork."
                if "masculine" in result.verdict
                else "No change needed: feminine-coded wording does not put men off, and "
                "draws more women to apply."
            ),
        )
