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
from dataclasses import dataclass

_PARENS = re.compile(r"(?<!\s)\s*\([^()]*\)")  # spaces tried where they start: linear time
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD_PARTS = re.compile(r"([/-])")
_BARE_A = re.compile(r"\b([Aa]) (?=[aeioAEIO])")
_A_VOWEL = re.compile(r"[Aa] [aeioAEIO]")
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
    """``text`` with every run of whitespace as one space, and none at either end."""
    return " ".join(text.split())


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
    parts = _WORD_PARTS.split(word)
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


@functools.lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[str, ...]:
    """A template split at its placeholders (text, name, text, ..., text), or the filled
    text alone when it has none. Cached: the same templates are filled for every role."""
    parts = _PLACEHOLDER.split(template)
    return tuple(parts) if len(parts) > 1 else (one_line(template),)


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; an unknown name is a bug in the data, so it raises."""
    parts = _parts(template)
    if len(parts) == 1:
        return parts[0]
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return one_line(parts[0] + "".join(values[name] + after for name, after in pairs))


def has_placeholder(template: str) -> bool:
    return _PLACEHOLDER.search(template) is not None


def articles(text: str) -> str:
    """Fix "a" before a word that starts with a vowel letter (a placeholder may put it there)."""
    if _A_VOWEL.search(text) is None:  # a quick test first: most texts have nothing to fix
        return text
    return _BARE_A.sub(r"\1n ", text)


# ---- stems and related duties -------------------------------------------------------


@functools.cache
def _stopwords() -> frozenset[str]:
    from hirecli.builders.kit.data import kit_data

    return frozenset(kit_data("words")["stopwords"])


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A rough stem: enough to see that "inspection" and "inspect" are one word."""
    w = word.lower().strip("'’")
    for _ in range(2):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
    return w


def stems(text: str) -> list[str]:
    """The stems of the meaningful words of ``text``, in order, without repeats."""
    return list(_stems(text))


@functools.lru_cache(maxsize=2048)
def _stems(text: str) -> tuple[str, ...]:
    stop = _stopwords()
    found = [stem(w) for w in _WORD.findall(text) if w.lower() not in stop and len(w) > 1]
    return tuple(dict.fromkeys(found))


_EXAMPLES = re.compile(r",?\s+(?:such as|including|for example|e\.g\.)\s.*$", re.IGNORECASE)


def without_examples(text: str) -> str:
    """A duty without its list of examples ("... groups on topics such as emotional
    regulation" -> "... groups on topics"), where a soft skill's words mean something else."""
    return _EXAMPLES.sub("", text)


@functools.lru_cache(maxsize=4096)
def _forms(stem_: str) -> tuple[str, ...]:
    """``stem_`` and its shorter forms that count as the same stem: at least four
    letters, at most three fewer ("inspect" for "inspection")."""
    return (stem_, *(stem_[:n] for n in range(max(4, len(stem_) - 3), len(stem_))))


@dataclass(frozen=True, slots=True)
class _Features:
    """What :func:`related` looks up in one text, as sets rather than loops over its words."""

    stems: frozenset[str]
    stem_starts: frozenset[str]
    """Every shorter form of its stems (see :func:`_forms`)."""
    word_starts: frozenset[str]
    """Every prefix of every word, in lower case."""

    def has_stem(self, stem_: str) -> bool:
        """Whether the text has ``stem_``, a shorter form of it, or a longer stem it is a
        shorter form of."""
        return stem_ in self.stem_starts or not self.stems.isdisjoint(_forms(stem_))


@functools.lru_cache(maxsize=1024)
def _features(text: str) -> _Features:
    """Cached: a role's duties are searched once per skill, and roles share duties."""
    own = _stems(text)
    words = [w.lower() for w in _WORD.findall(text)]
    return _Features(
        frozenset(own),
        frozenset(form for s in own for form in _forms(s)[1:]),
        frozenset(w[:n] for w in words for n in range(len(w) + 1)),
    )


def _weights(hits: Sequence[Sequence[int]], size: int, texts: int) -> list[float]:
    """The weight of each of ``size`` stems or keywords: the fewer of the ``texts`` hold
    it (``hits`` lists what each text holds), the more it counts."""
    held = [0] * size
    for found in hits:
        for i in found:
            held[i] += 1
    count = max(texts, 1)
    return [math.log(1 + count / max(n, 1)) for n in held]


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
    features = [_features(t) for t in texts]
    # for each text, which stems and keywords it holds (by position): few hold any
    name_hits = [[i for i, s in enumerate(name_stems) if f.has_stem(s)] for f in features]
    extra_hits = [[i for i, s in enumerate(extra_stems) if f.has_stem(s)] for f in features]
    key_hits = [[i for i, k in enumerate(keywords) if k in f.word_starts] for f in features]
    name_weights = [3 * w for w in _weights(name_hits, len(name_stems), len(texts))]
    extra_weights = _weights(extra_hits, len(extra_stems), len(texts))
    key_weights = _weights(key_hits, len(keywords), len(texts))

    scored: list[tuple[float, int, int]] = []
    for index, (names, keys) in enumerate(zip(name_hits, key_hits, strict=True)):
        if names or len(keys) >= 2:
            total = (
                sum([name_weights[i] for i in names])
                + sum([extra_weights[i] for i in extra_hits[index]])
                + sum([key_weights[i] for i in keys])
            )
            scored.append((total, len(names) + len(keys), index))
    scored.sort(key=lambda item: (-item[0], item[2]))
    if not scored:
        return []
    best = scored[0][0]
    return [scored[0][2]] + [
        index for total, hits, index in scored[1:] if total >= share * best and hits >= 2
    ]
