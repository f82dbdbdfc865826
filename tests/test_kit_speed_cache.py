"""The kit planner's shortcuts: bounded caches, and never a reason for a kit to differ.

Planning memoises pure functions of names, templates and duties across roles, and
looks things up in sets where it once looped over words. A kit must read the same
whether its role is planned alone, first or after many others; no cache may grow
without bound over a large export; and each shortcut must agree with the plain rule
it stands for (written out again here).
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

import hirecli.builders.kit as kit_package
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.text import articles, fill, one_line, related, stems, without_examples
from hirecli.competencies import MATCHES_KEPT, Library, load_library
from hirecli.model.loader import load_role_file
from paths import ROLES, ROOT

EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")
FAMILY = sorted((ROOT / "tests" / "family_roles").glob("*.yaml"))
KIT_ROLES = sorted((ROOT / "tests" / "kit_roles").glob("*.yaml"))
EVERY_ROLE = [*EXAMPLES, *FAMILY]

LOADERS = {
    "kit_data",
    "templates",
    "leads",
    "_patterns",
    "_stopwords",
    "_filler",
    "_false_friends",
    "families",
}
"""Caches of the package's own data files: one entry per file or template list."""
CACHE_MOST = 4096


def _cached_functions() -> Iterator[tuple[str, Any]]:
    names = [f"hirecli.builders.kit.{m.name}" for m in pkgutil.iter_modules(kit_package.__path__)]
    for name in (*names, "hirecli.skillnames", "hirecli.families"):
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                yield f"{name}.{attr}", value


def _clear_caches() -> None:
    for _, function in _cached_functions():
        function.cache_clear()


def _plan(paths: Sequence[Path], variant: int) -> dict[Path, str]:
    kits: dict[Path, str] = {}
    for path in paths:
        loaded = load_role_file(path)
        try:
            kits[path] = repr(plan_kit(loaded.model, variant=variant, positions=loaded.positions))
        except Exception as exc:  # a role whose kit stops must stop the same way every time
            kits[path] = f"{type(exc).__name__}: {exc}"
    return kits


@pytest.mark.parametrize("variant", [0, 1])
def test_kits_do_not_depend_on_the_order_roles_are_planned_in(variant: int) -> None:
    roles = [*EVERY_ROLE, *KIT_ROLES]
    _clear_caches()
    forward = _plan(roles, variant)
    _clear_caches()
    backward = _plan(roles[::-1], variant)
    assert forward == backward
    assert _plan(roles, variant) == forward  # again, with every cache warm
    for path in EXAMPLES[::3]:  # and alone, with nothing cached from any other role
        _clear_caches()
        assert _plan([path], variant) == {path: forward[path]}


def test_caches_of_role_text_are_bounded() -> None:
    """A 10,000-role export must not grow a cache per role: only caches of the package's
    data files may be unbounded."""
    found = dict(_cached_functions())
    assert {"hirecli.builders.kit.select.question_key", "hirecli.skillnames.score"} <= set(found)
    unbounded = [
        name
        for name, function in found.items()
        if function.cache_info().maxsize is None and name.rsplit(".", 1)[1] not in LOADERS
    ]
    assert unbounded == []


def test_caches_of_the_kit_plan_hold_a_kit_or_two() -> None:
    """Bounded is not enough: caches of 65,536 skill words each grew a 10,000-role export by
    megabytes over a 1,000-role one. A kit's own working set is a few thousand entries."""
    too_big = {
        name: function.cache_info().maxsize
        for name, function in _cached_functions()
        if (function.cache_info().maxsize or 0) > CACHE_MOST
    }
    assert too_big == {}


def test_a_library_keeps_a_bounded_number_of_skill_matches() -> None:
    library = Library(dict(load_library().entries))
    names = [f"Zyx {i} Welding" for i in range(MATCHES_KEPT + 50)]
    first = library.match(names[0])
    for name in names:
        library.match(name)
    assert 0 < len(library._cache) <= MATCHES_KEPT
    assert library.match(names[0]) == first


# ---- each shortcut against the plain rule ----------------------------------------------


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _one_line(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template))


def _articles(text: str) -> str:
    return re.sub(r"\b([Aa]) (?=[aeioAEIO])", lambda m: m.group(1) + "n ", text)


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def _related(
    texts: Sequence[str], name_stems: Sequence[str], keywords: Sequence[str], extra_stems: Sequence[str]
) -> list[int]:
    """:func:`related` as first written: a loop over every word of every text."""
    text_stems = [stems(t) for t in texts]
    text_words = [[w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9'’]*", t)] for t in texts]
    count = max(len(texts), 1)

    def weight(found: list[bool]) -> float:
        return math.log(1 + count / max(sum(found), 1))

    name_found = [[any(_same_stem(s, t) for t in own) for own in text_stems] for s in name_stems]
    extra_found = [[any(_same_stem(s, t) for t in own) for own in text_stems] for s in extra_stems]
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
    return [scored[0][2]] + [i for total, hits, i in scored[1:] if total >= 0.5 * best and hits >= 2]


def _role_texts() -> tuple[list[tuple[str, ...]], list[str]]:
    duties: list[tuple[str, ...]] = []
    names: list[str] = []
    for path in EVERY_ROLE:
        role = load_role_file(path).model
        duties.append((*role.responsibilities.primary, *role.responsibilities.secondary))
        names += [s.name for s in (*role.skills.hard, *role.skills.soft)]
        names += [s.description for s in (*role.skills.hard, *role.skills.soft) if s.description]
    return duties, names


def test_related_duties_match_the_plain_rule() -> None:
    duties, names = _role_texts()
    keywords = ["clin", "safe", "", "a", "document", "inspect", "commun", "x"]
    for texts in duties:
        for searched in (texts, tuple(without_examples(d) for d in texts)):
            for number, name in enumerate(names[::9]):  # a sample: the plain rule is slow
                own = stems(name)
                extra = stems(names[(number + 1) % len(names)])
                words = keywords[number % 4 : number % 4 + 4]
                expected = _related(searched, own, words, extra)
                assert related(searched, own, words, extra_stems=extra) == expected, name


_SAMPLES = [
    "",
    "   ",
    "one",
    "  two\twords \n",
    "a\u00a0non-breaking\u2009thin space\x1c and a file separator",
    "A apple, a egg and a idea: a orange; an owl; a unit; data entry; A Ebb",
    "{lead} {duty} Tell me about a {skill}.",
    "Ask about {Skill}\n   in the {role}   role  ",
]


@pytest.mark.parametrize("sample", _SAMPLES)
def test_text_helpers_match_the_plain_rule(sample: str) -> None:
    values = {"lead": " Lead:\n", "duty": "a\u00a0duty.", "skill": "ops", "Skill": "Ops", "role": ""}
    assert one_line(sample) == _one_line(sample)
    assert articles(sample) == _articles(sample)
    assert fill(sample, values) == _fill(sample, values)
    assert fill(sample, values) == fill(sample, values)  # the second time from the cache


def test_an_unknown_placeholder_still_raises() -> None:
    with pytest.raises(KeyError):
        fill("Tell me about {nothing}.", {"skill": "x"})
