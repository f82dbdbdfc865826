"""Small text tools for the interview kit: phrases, stems, placeholders, stable choices.

Questions are written around a skill's name and the role's duties, so the names
must read well inside a sentence ("Suicide & Risk Assessment Protocols" becomes
"suicide and risk assessment protocols"; "SCADA" and "Python" keep their case), and
the duties that relate to a skill are found by shared word stems.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence

_SPACE = re.compile(r"\s+")
_PARENS = re.compile(r"(?<!\s)\s*\([^()]*\)")  # spaces tried where they start: linear time
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LEADING = re.compile(
    r"^(?:knowledge of|understanding of|experience with|experience in|proficiency in|"
    r"basic|strong|advanced|excellent|solid|good)\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:certification|certificate|license|licence|skills|skill|proficiency|"
    r"principles)$",
    re.IGNORECASE,
)
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "ies",
    "ers",
    "er",
    "es",
    "ed",
    "al",
    "ly",
    "s",
)


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def stable_number(*parts: object) -> int:
    """A number that depends only on ``parts`` (Python's ``hash`` changes per process)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def _keep(word: str, keep_case: frozenset[str]) -> bool:
    """Acronyms, names with inner capitals or digits, and known product names keep their case."""
    return (
        (len(word) >= 2 and word.isupper())
        or any(ch.isupper() for ch in word[1:])
        or any(ch.isdigit() for ch in word)
        or word in keep_case
    )


def _lower_word(word: str, keep_case: frozenset[str]) -> str:
    parts = re.split(r"([/-])", word)
    return "".join(p if p in "/-" or _keep(p, keep_case) else p.lower() for p in parts)


def phrase(name: str, keep_case: Iterable[str] = ()) -> str:
    """A skill or title as it reads inside a sentence: no aside in brackets, "and" for "&",
    no "Knowledge of" or "Certification", lower case except acronyms and product names."""
    keep = frozenset(keep_case)
    text = one_line(_PARENS.sub("", name)).replace("&", "and").replace(" + ", " and ")
    for pattern in (_LEADING, _TRAILING):
        while True:
            trimmed = pattern.sub("", text)
            # "Knife Skills" stays whole: "work that involves knife" does not read
            if trimmed == text or not trimmed.strip() or (pattern is _TRAILING and len(trimmed.split()) < 2):
                break
            text = trimmed
    words = " ".join(_lower_word(w, keep) for w in text.split())
    return words or one_line(name)


def lower_words(text: str, keep_case: Iterable[str] = ()) -> str:
    """Every word in lower case except acronyms and names with inner capitals or digits."""
    keep = frozenset(keep_case)
    return " ".join(_lower_word(w, keep) for w in text.split())


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """``text`` with its first word in lower case, unless that word is an acronym or name."""
    first, _, rest = text.partition(" ")
    if _keep(first.rstrip(",.;:"), frozenset()):
        return text
    return first.lower() + (" " + rest if rest else "")


def sentence(text: str) -> str:
    """One line, ending in a full stop (or the mark it already ends with)."""
    text = one_line(text)
    return text if text.endswith((".", "?", "!")) else text + "."


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; an unknown name is a bug in the data, so it raises."""

    def replace(match: re.Match[str]) -> str:
        return values[match.group(1)]

    text = _PLACEHOLDER.sub(replace, template)
    return one_line(text)


def articles(text: str) -> str:
    """Fix "a" before a word that starts with a vowel letter (a placeholder may put it there)."""
    return re.sub(r"\b([Aa]) (?=[aeioAEIO])", lambda m: m.group(1) + "n ", text)


# ---- stems and related duties -------------------------------------------------------


@functools.cache
def _stopwords() -> frozenset[str]:
    from hirecli.builders.kit.data import kit_data

    return frozenset(kit_data("words")["stopwords"])


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem: enough to see that "inspection" and "inspect" are one word."""
    w = word.lower().strip("'’")
    for _ in range(2):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
    return w


def same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def stems(text: str) -> list[str]:
    """The stems of the meaningful words of ``text``, in order, without repeats."""
    return list(_stems(text))


@functools.lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    stop = _stopwords()
    found = [stem(w) for w in _WORD.findall(text) if w.lower() not in stop and len(w) > 1]
    return tuple(dict.fromkeys(found))


_EXAMPLES = re.compile(r",?\s+(?:such as|including|for example|e\.g\.)\s.*$", re.IGNORECASE)


def without_examples(text: str) -> str:
    """A duty without its list of examples ("... groups on topics such as emotional
    regulation" -> "... groups on topics"), where a soft skill's words mean something else."""
    return _EXAMPLES.sub("", text)


def related(
    texts: Sequence[str],
    name_stems: Sequence[str],
    keywords: Sequence[str] = (),
    *,
    extra_stems: Sequence[str] = (),
    share: float = 0.5,
) -> list[int]:
    """Indexes of ``texts`` that relate to a skill, most related first.

    A text scores for each stem of the skill's name it shares, and less for each stem of
    its description (``extra_stems``) and each library keyword one of its words starts
    with; rarer words count for more, so a word found in every duty ("client") decides
    little. A text needs a stem of the name or two keywords; after the best one, a text
    also needs two hits and at least ``share`` of the best text's score.
    """
    text_stems = [stems(t) for t in texts]
    text_words = [[w.lower() for w in _WORD.findall(t)] for t in texts]
    count = max(len(texts), 1)

    def weight(found: list[bool]) -> float:
        return math.log(1 + count / max(sum(found), 1))

    # which texts hold each stem or keyword, worked out once rather than per text
    name_found = [[any(same_stem(s, t) for t in own) for own in text_stems] for s in name_stems]
    extra_found = [[any(same_stem(s, t) for t in own) for own in text_stems] for s in extra_stems]
    key_found = [[any(w.startswith(k) for w in own) for own in text_words] for k in keywords]
    name_weights = [3 * weight(found) for found in name_found]
    extra_weights = [weight(found) for found in extra_found]
    key_weights = [weight(found) for found in key_found]

    scored: list[tuple[float, int, int]] = []
    for index in range(len(texts)):
        name_hits = sum(1 for found in name_found if found[index])
        key_hits = sum(1 for found in key_found if found[index])
        total = (
            sum(w for found, w in zip(name_found, name_weights, strict=True) if found[index])
            + sum(w for found, w in zip(extra_found, extra_weights, strict=True) if found[index])
            + sum(w for found, w in zip(key_found, key_weights, strict=True) if found[index])
        )
        if name_hits or key_hits >= 2:
            scored.append((total, name_hits + key_hits, index))
    scored.sort(key=lambda item: (-item[0], item[2]))
    if not scored:
        return []
    best = scored[0][0]
    return [scored[0][2]] + [
        index for total, hits, index in scored[1:] if total >= share * best and hits >= 2
    ]
