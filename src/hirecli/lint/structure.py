"""Structure checks: length, bullets per list, must-haves, readability, copy-paste damage.

Figures come from ``structure.yaml``. Reading ease is the Flesch formula with syllables
counted by a vowel-group rule: textstat, the usual library, fetches a pronouncing
dictionary over the network on first use for English, which a command-line tool must
not do, and costs a fifth of a second to import.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from hirecli.lint.context import Context
from hirecli.lint.model import Segment, Severity
from hirecli.lint.tokens import tokenize
from hirecli.screening.tables import load_data

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_VOWELS = re.compile(r"[aeiouy]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_GLUED = re.compile(r"^[-–—•*·]\s?(?=[^\W\d_])")
_PROSE = ("paragraph", "bullet")
_NORMAL = re.compile(r"[\W_]+")
_LONG_WORDS = 1.6
"""Syllables a word above which word length, not sentence length, is what makes text hard."""


@functools.cache
def settings() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = load_data("structure.yaml")
    return data


def _figure(section: str, name: str) -> int | float:
    value = settings()[section][name]
    assert isinstance(value, int | float)
    return value


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """An estimate of a word's syllables: vowel groups, less a silent final e."""
    lower = word.lower()
    count = len(_VOWELS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


@functools.lru_cache(maxsize=16384)
def _word_count(text: str) -> int:
    """Words in ``text``; kept for the texts seen last, as sentences recur across postings."""
    return sum(1 for token in tokenize(text) if token.text[0].isalnum())


def check_length(ctx: Context) -> None:
    total = sum(_word_count(ctx.normal(s).text) for s in ctx.body)
    ctx.stats["words"] = total
    low, high = _figure("length", "min_words"), _figure("length", "max_words")
    if total and total < low:
        ctx.report(
            "posting-length",
            f"The posting has {total:,} words; about {low}-{high} read best, and "
            "shorter postings leave candidates' questions unanswered",
            suggestion="Add what a candidate needs to decide: the main duties, the schedule, pay "
            "and benefits, and how the team works.",
        )
    elif total > high:
        ctx.report("posting-length", f"The posting has {total:,} words; about {low}-{high} read best")


def check_bullets(ctx: Context) -> None:
    groups: dict[int, list[Segment]] = defaultdict(list)
    for segment in ctx.body:
        if segment.kind == "bullet":
            groups[segment.group].append(segment)
    ctx.stats["lists"] = [len(items) for items in groups.values()]
    most, fewest = _figure("bullets", "max_per_list"), _figure("bullets", "min_per_list")
    for items in groups.values():
        if len(items) > most:
            where = items[0].heading or items[0].section or "a list"
            ctx.report(
                "bullets-per-section",
                f'"{where}" has {len(items)} bullets; lists of about {fewest}-{most} are read, '
                "longer ones are skimmed",
                items[0],
            )
    applies = settings()["bullets"]["min_applies_to"]
    assert isinstance(applies, list)
    for kind in applies:
        duties = [s for items in groups.values() for s in items if s.section == kind]
        if 0 < len(duties) < fewest:
            ctx.report(
                "bullets-per-section",
                f"The list of {kind} has only {len(duties)} bullets; about {fewest}-{most} give "
                "candidates a clear picture of the job",
                duties[0],
                severity=Severity.info,
                suggestion="Add the main duties a new hire will spend their week on.",
            )


_MUST_HAVE = ("requirements", "skills")
"""Sections whose bullets are must-haves in a posting written elsewhere."""


def check_requirements(ctx: Context) -> None:
    counts = ctx.posting.requirement_counts
    required_items = [s for s in ctx.body if s.kind == "bullet" and s.section in _MUST_HAVE]
    if counts is None:
        preferred = sum(1 for s in ctx.body if s.kind == "bullet" and s.section == "preferred")
        counts = (len(required_items), preferred)
    required, preferred = counts
    ctx.stats["requirements"] = {"must_have": required, "preferred": preferred}
    limit = _figure("requirements", "max_required")
    start = _figure("requirements", "check_ratio_from")
    ratio = _figure("requirements", "min_preferred_ratio")
    if required > limit or (required >= start and preferred < ratio * required):
        ctx.report(
            "requirement-inflation",
            f"{required} must-have requirements next to {preferred} nice-to-have; qualified "
            "people who miss one must-have often do not apply",
            required_items[0] if required_items else None,
        )


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


@functools.lru_cache(maxsize=16384)
def _sentence_figures(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(start, end, words, syllables) of each sentence of ``text`` that has words; kept for the
    texts seen last, as sentences recur across postings."""
    figures: list[tuple[int, int, int, int]] = []
    offset = 0
    for sentence in _sentences(text):
        start = text.index(sentence, offset)
        offset = start + len(sentence)
        words = [w for w in _WORD.findall(sentence) if not w.isdigit()]
        if words:
            figures.append((start, start + len(sentence.rstrip()), len(words), sum(map(syllables, words))))
    return tuple(figures)


def check_readability(ctx: Context) -> None:
    total_words = total_sentences = total_syllables = 0
    longest = _figure("readability", "long_sentence_words")
    for segment in ctx.body:
        if segment.kind not in _PROSE:
            continue
        for start, end, words, syllable_count in _sentence_figures(segment.text):
            total_sentences += 1
            total_words += words
            total_syllables += syllable_count
            if words > longest:
                ctx.report("long-sentence", f"A sentence of {words} words", segment, start, end)
    if not total_sentences or not total_words:
        return
    average = total_words / total_sentences
    ease = 206.835 - 1.015 * average - 84.6 * (total_syllables / total_words)
    ctx.stats["reading_ease"] = round(ease, 1)
    ctx.stats["average_sentence_words"] = round(average, 1)
    warn, note = _figure("readability", "warning_below"), _figure("readability", "info_below")
    target = _figure("readability", "target_reading_ease")
    per_word = total_syllables / total_words
    ctx.stats["syllables_per_word"] = round(per_word, 2)
    if ease < note:
        causes = []
        if average > _figure("readability", "max_average_sentence_words"):
            causes.append(f"sentences average {average:.0f} words (aim for about 8-13)")
        if per_word > _LONG_WORDS:
            causes.append(f"words average {per_word:.1f} syllables")
        detail = f": {' and '.join(causes)}" if causes else ""
        ctx.report(
            "reading-ease",
            f"Flesch reading ease {ease:.0f} (aim for {target} or more){detail}",
            severity=Severity.warning if ease < warn else Severity.info,
        )


def _candidate_pairs(keys: list[str], usable: list[int]) -> list[tuple[int, int]]:
    """Pairs of bullets worth comparing, in order, without comparing every pair.

    Exact repeats pair with their first copy; other bullets pair only when they share
    one of their three rarest word triples (near-repeats share most of them), so that
    the work grows with the number of bullets, not with its square.
    """
    pairs: set[tuple[int, int]] = set()
    first_copy: dict[str, int] = {}
    distinct: list[int] = []
    for i in usable:
        if keys[i] in first_copy:
            pairs.add((first_copy[keys[i]], i))
        else:
            first_copy[keys[i]] = i
            distinct.append(i)
    shingles: dict[int, set[tuple[str, ...]]] = {}
    for i in distinct:
        words = keys[i].split()
        shingles[i] = {tuple(words[j : j + 3]) for j in range(max(len(words) - 2, 1))}
    frequency = Counter(sh for found in shingles.values() for sh in found)
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in distinct:
        for sh in sorted(shingles[i], key=lambda sh: (frequency[sh], sh))[:3]:
            buckets[sh].append(i)
    for members in buckets.values():
        for place, a in enumerate(members):
            pairs.update((a, b) for b in members[place + 1 :])
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def check_duplicates(ctx: Context) -> None:
    bullets = [s for s in ctx.body if s.kind == "bullet"]
    keys = [_NORMAL.sub(" ", s.text.casefold()).strip() for s in bullets]
    least = _figure("duplicates", "min_words")
    usable = [i for i, key in enumerate(keys) if len(key.split()) >= least]
    if len(usable) < 2:
        return
    from rapidfuzz import fuzz

    cutoff = _figure("duplicates", "similarity")
    shortest = cutoff / (200 - cutoff)  # ratio = 2M/(a+b) cannot reach the cut-off below this
    reported: set[int] = set()
    for a, b in _candidate_pairs(keys, usable):
        if min(len(keys[a]), len(keys[b])) < shortest * max(len(keys[a]), len(keys[b])):
            continue
        first, later = a, b
        if later in reported or not fuzz.ratio(keys[a], keys[b], score_cutoff=cutoff):
            continue
        reported.add(later)
        original, copy = bullets[first], bullets[later]
        line = original.where.position(0)[0]
        if (original.file, original.where.position(0)) == (copy.file, copy.where.position(0)):
            ctx.report(
                "duplicate-bullet",
                f"The generated posting shows this item twice, under "
                f'"{original.heading}" and "{copy.heading}"',
                copy,
                0,
                len(copy.text),
                severity=Severity.info,
                suggestion="Nothing to change in the role file; choose the sections to show "
                "with hirecli posting --sections if the repetition matters.",
            )
            continue
        same = "repeats" if keys[first] == keys[later] else "nearly repeats"
        ctx.report("duplicate-bullet", f"This bullet {same} the one on line {line}", copy, 0, len(copy.text))


def check_damage(ctx: Context) -> None:
    groups: dict[int, list[Segment]] = defaultdict(list)
    for segment in ctx.body:
        if segment.kind == "bullet":
            groups[segment.group].append(segment)
        glued = _GLUED.match(segment.text) if segment.kind in _PROSE else None
        if glued:
            word = segment.text[glued.end() :].split(maxsplit=1)[0]
            lost = ", and the text probably lost its first letters" if word[0].islower() else ""
            ctx.report(
                "damaged-bullet",
                f'Damaged bullet "{segment.text[: glued.end()]}{word}": the marker '
                f"is glued to the text{lost}",
                segment,
                0,
                glued.end() + len(word),
            )
    for items in groups.values():
        starts = [s.text[0] for s in items if s.text[:1].isalpha()]
        upper = sum(1 for c in starts if c.isupper())
        if len(items) < 3 or upper < 0.75 * len(starts):
            continue
        for segment in items:
            if segment.text[:1].islower():
                word = segment.text.split(maxsplit=1)[0]
                ctx.report(
                    "damaged-bullet",
                    f'Bullet starts in lower case ("{word}") among capitalized '
                    "ones; it may have lost its first letters",
                    segment,
                    0,
                    len(word),
                )


@functools.cache
def _mojibake() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = load_data("structure.yaml")["mojibake"]
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), table


def check_mojibake(ctx: Context) -> None:
    pattern, table = _mojibake()
    for segment in ctx.body:
        for match in pattern.finditer(segment.text):
            fixed = table[match.group()]
            ctx.report(
                "mojibake",
                f'Garbled characters "{match.group()}"',
                segment,
                match.start(),
                match.end(),
                suggestion=f'Replace with "{fixed}" and save the text as UTF-8.'
                if fixed.strip()
                else "Remove them and save the text as UTF-8.",
            )
