"""Publishing channels (careers page, LinkedIn, Indeed, ...) read from ``data/channels.yaml``.

A channel is data, not a code path: which sections a posting has and in what order,
which key facts it shows, and the limits of the place it is published in. The posting
builder reads these settings; nothing else in the code knows a channel by name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from hirecli.errors import UnknownFormatError

SECTIONS = (
    "summary",
    "responsibilities",
    "requirements",
    "preferred",
    "skills",
    "career_path",
    "pay",
    "notes",
    "about",
    "eeo",
    "apply",
)
"""Every section a posting can have, in the default order."""

FACTS = ("pay", "location", "employment_type", "schedule", "department", "reports_to", "openings")
"""Every key fact a posting can show near its top."""

PARTS = {
    "responsibilities": ("primary", "secondary"),
    "skills": ("hard", "soft"),
    "career_path": ("entry_points", "advancement", "lateral_moves"),
}
"""Sections made of several lists, with the lists' default order."""

DEFAULT_CHANNEL = "careers"
DATA_FILE = Path(__file__).parent / "data" / "channels.yaml"

_KEYS = frozenset(
    {
        "description",
        "sections",
        "facts",
        "max_bullets",
        "max_words",
        "min_bullets",
        "title_max_chars",
        "description_min_chars",
        "description_max_chars",
        "html_tags",
        "plain_title",
        "trim_order",
        "keep",
        "headings",
        "parts",
        "labels",
        "pay_in_body",
    }
)


_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Channel(NamedTuple):
    """Where a posting goes and what that place allows (a named tuple: cheaper to define than
    a frozen dataclass, which every command that writes a posting would pay for at start-up)."""

    name: str
    description: str
    sections: tuple[str, ...]
    facts: tuple[str, ...]
    max_bullets: Mapping[str, int] = _EMPTY
    max_words: int | None = None
    min_bullets: int = 3
    title_max_chars: int | None = None
    description_min_chars: int | None = None
    description_max_chars: int | None = None
    html_tags: frozenset[str] = frozenset()
    plain_title: bool = False
    pay_in_body: bool = True
    """Repeat the pay line in the pay section even when the key facts show it."""
    trim_order: tuple[str, ...] = ()
    keep: frozenset[str] = frozenset()
    headings: Mapping[str, str] = _EMPTY
    parts: Mapping[str, tuple[str, ...]] = _EMPTY
    labels: Mapping[str, str] = _EMPTY

    @property
    def has_limits(self) -> bool:
        """True when the channel limits the posting's length."""
        return bool(self.max_words or self.description_max_chars)


class TitleRules(NamedTuple):
    """What a plain title leaves out: compiled patterns for pay, shift, urgency and workplace words."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    place_lead: tuple[str, ...]


def _names(value: Any, known: tuple[str, ...], where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"channels.yaml: {where} must be a list of names")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise ValueError(f"channels.yaml: {where}: unknown name(s) {', '.join(unknown)}")
    return tuple(value)


def _int(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"channels.yaml: {where} must be a whole number")
    return value


def _strings(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(f"channels.yaml: {where} must map names to text")
    return dict(value)


def _channel(name: str, spec: dict[str, Any]) -> Channel:
    unknown = set(spec) - _KEYS
    if unknown:
        raise ValueError(f"channels.yaml: channel {name}: unknown key(s) {', '.join(sorted(unknown))}")
    sections = _names(spec.get("sections"), SECTIONS, f"{name}.sections")
    max_bullets = {
        section: _int(count, f"{name}.max_bullets.{section}") or 0
        for section, count in dict(spec.get("max_bullets") or {}).items()
    }
    _names(list(max_bullets), SECTIONS, f"{name}.max_bullets")
    parts = {
        section: _names(order, PARTS.get(section, ()), f"{name}.parts.{section}")
        for section, order in dict(spec.get("parts") or {}).items()
    }
    all_parts = tuple(p for group in PARTS.values() for p in group)
    labels = _strings(spec.get("labels") or {}, f"{name}.labels")
    _names(list(labels), all_parts, f"{name}.labels")
    headings = _strings(spec.get("headings") or {}, f"{name}.headings")
    _names(list(headings), SECTIONS, f"{name}.headings")
    return Channel(
        name=name,
        description=str(spec.get("description", "")).strip(),
        sections=sections,
        facts=_names(spec.get("facts", list(FACTS)), FACTS, f"{name}.facts"),
        max_bullets=max_bullets,
        max_words=_int(spec.get("max_words"), f"{name}.max_words"),
        min_bullets=_int(spec.get("min_bullets"), f"{name}.min_bullets") or 3,
        title_max_chars=_int(spec.get("title_max_chars"), f"{name}.title_max_chars"),
        description_min_chars=_int(spec.get("description_min_chars"), f"{name}.description_min_chars"),
        description_max_chars=_int(spec.get("description_max_chars"), f"{name}.description_max_chars"),
        html_tags=frozenset(spec.get("html_tags") or ()),
        plain_title=bool(spec.get("plain_title", False)),
        pay_in_body=bool(spec.get("pay_in_body", True)),
        trim_order=_names(spec.get("trim_order", list(reversed(sections))), SECTIONS, f"{name}.trim_order"),
        keep=frozenset(_names(spec.get("keep", []), SECTIONS, f"{name}.keep")),
        headings=headings,
        parts=parts,
        labels=labels,
    )


@cache
def _data() -> dict[str, Any]:
    from hirecli.yamlimport import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = DATA_FILE.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=loader)
    if not isinstance(data, dict):
        raise ValueError("channels.yaml must be a mapping")
    return data


@cache
def channels() -> dict[str, Channel]:
    """Every channel, by name, in the order the data file lists them."""
    return {name: _channel(name, spec) for name, spec in _data()["channels"].items()}


def known_channels() -> list[str]:
    return list(channels())


def get_channel(name: str) -> Channel:
    """The channel called ``name``; an unknown name is a usage error listing the known ones."""
    found = channels().get(name.strip().lower())
    if found is None:
        raise UnknownFormatError("channel", name, known_channels())
    return found


def _phrase(words: str) -> str:
    """A regular expression for a word or phrase, matched as whole words, spaces and hyphens alike."""
    parts = [re.escape(w) for w in re.split(r"[\s-]+", words.strip())]
    body = r"[\s-]*".join(parts)
    start = r"\b" if words[:1].isalnum() else ""
    end = r"\b" if words[-1:].isalnum() else ""
    return f"{start}{body}{end}"


@cache
def title_rules() -> TitleRules:
    """The compiled title rules: longer phrases first, so that "night shift" wins over "night"."""
    rules = _data()["title_rules"]
    patterns: list[tuple[str, re.Pattern[str]]] = [
        ("pay", re.compile(p, re.IGNORECASE)) for p in rules["pay"]
    ]
    for kind in ("urgency", "shift", "workplace"):
        for words in sorted(rules[kind], key=len, reverse=True):
            patterns.append((kind, re.compile(_phrase(words), re.IGNORECASE)))
    return TitleRules(tuple(patterns), tuple(sorted(rules["place_lead"], key=len, reverse=True)))


def phrase_pattern(words: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """A compiled whole-word pattern for ``words`` (place names, codes)."""
    return re.compile(_phrase(words), re.IGNORECASE if ignore_case else 0)
