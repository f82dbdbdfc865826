"""Fitting a posting into a channel's limits by dropping items, and saying what was dropped.

Trimming follows the role's own order: the last items of a list go first, and lower
priority sections (those a channel names first in ``trim_order``) give up items before
the others, then whole sections go. Nothing is cut without a notice naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hirecli.builders.posting_parts import ItemList, Notice, Section
from hirecli.channels import Channel
from hirecli.document import Inlines, plain

QUOTE_CHARS = 60

Measure = Callable[[list[Section]], int]


def quote(item: Inlines) -> str:
    """An item as it is named in a notice: its start, in quotes."""
    text = plain(item)
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return f"'{text}'"


def _dropped(why: str, noun: str, items: Sequence[Inlines], total: int, reason: str = "") -> str:
    listed = ", ".join(quote(i) for i in items)
    return f"{why}: dropped {len(items)} of {total} {noun}{reason}: {listed}"


def _drop_tail(section: Section, count: int) -> list[tuple[ItemList, list[Inlines]]]:
    """Remove ``count`` items from the end of the section, last list first."""
    out: list[tuple[ItemList, list[Inlines]]] = []
    for part in reversed(section.lists):
        if count <= 0:
            break
        take = min(count, len(part.items))
        if take:
            out.append((part, part.items[len(part.items) - take:]))
            del part.items[len(part.items) - take:]
            count -= take
    section.lists = [p for p in section.lists if p.items]
    return list(reversed(out))


def cap_bullets(
    sections: list[Section], caps: dict[str, int], totals: dict[tuple[str, str], int], *,
    why: str, strict: bool, reason: Callable[[Section, int], str] = lambda s, n: "",
) -> list[Notice]:
    """Keep at most ``caps[name]`` items in each section, reporting every item left out."""
    notices: list[Notice] = []
    for section in sections:
        cap = caps.get(section.name)
        if cap is None or section.bullets <= cap:
            continue
        for part, items in _drop_tail(section, section.bullets - cap):
            total = totals[(section.name, part.key)]
            notices.append(Notice(_dropped(why, part.noun, items, total, reason(section, cap)), strict))
    sections[:] = [s for s in sections if not s.empty]
    return notices


def _priority(sections: list[Section], channel: Channel) -> list[Section]:
    """Sections in the order they give up content: the channel's trim order, then last shown first."""
    by_name = {s.name: s for s in sections}
    named = [by_name[n] for n in channel.trim_order if n in by_name]
    return named + [s for s in reversed(sections) if s not in named]


def fit(
    sections: list[Section], channel: Channel, measure: Measure, limit: int, unit: str,
    totals: dict[tuple[str, str], int],
) -> list[Notice]:
    """Drop items, then sections, until ``measure`` is at most ``limit``; report each drop."""
    why = f"trimmed for {channel.name}"
    dropped: dict[tuple[str, str], list[Inlines]] = {}
    nouns: dict[tuple[str, str], str] = {}
    gone: list[Section] = []

    def drop_item(floor: int) -> bool:
        for section in _priority(sections, channel):
            if section.bullets > floor:
                for part, items in _drop_tail(section, 1):
                    key = (section.name, part.key)
                    dropped.setdefault(key, [])[:0] = items
                    nouns[key] = part.noun
                if section.empty:
                    sections.remove(section)
                return True
        return False

    def drop_section() -> bool:
        for section in _priority(sections, channel):
            if section.name not in channel.keep:
                sections.remove(section)
                gone.append(section)
                return True
        return False

    while measure(sections) > limit:
        if not (drop_item(channel.min_bullets) or drop_section() or drop_item(1)):
            break
    reason = f" to fit {limit:,} {unit}"
    notices = [Notice(_dropped(why, nouns[key], items, totals[key], reason))
               for key, items in dropped.items()]
    for section in gone:
        count = section.bullets + len(section.paragraphs)
        what = f"{count} item{'s' * (count != 1)}" if section.bullets else "its text"
        notices.append(Notice(f"{why}: dropped the section '{section.heading}' ({what}){reason}"))
    size = measure(sections)
    if size > limit:
        notices.append(Notice(f"{why}: the posting is still {size:,} {unit}, over the limit of "
                              f"{limit:,}, with nothing left that may be dropped"))
    return notices
