"""Fitting a posting into a channel's limits by dropping items, and saying what was dropped.

Trimming follows the role's own order: the last items of a list go first, and lower
priority sections (those a channel names first in ``trim_order``) give up items before
the others, then whole sections go. Nothing is cut without a notice naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hirecli.builders.posting.parts import ItemList, Notice, Section
from hirecli.channels import Channel
from hirecli.document import Inlines, plain

QUOTE_CHARS = 60
QUOTED_ITEMS = 20

Measure = Callable[[list[Section]], int]


def quote(item: Inlines) -> str:
    """An item as it is named in a notice: its start, in quotes."""
    text = plain(item)
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return f"'{text}'"


def _dropped(why: str, noun: str, items: Sequence[Inlines], total: int, reason: str = "") -> str:
    """A notice naming the dropped items: always the last of their list, so their numbers say which."""
    count = "the last" if len(items) == 1 else f"the last {len(items)}"
    listed = ", ".join(quote(i) for i in items[:QUOTED_ITEMS])
    more = len(items) - QUOTED_ITEMS
    if more > 0:
        listed += f" and {more} more"
    return f"{why}: dropped {count} of {total} {noun}{reason}: {listed}"


def _drop_tail(section: Section, count: int) -> list[tuple[ItemList, list[Inlines]]]:
    """Remove ``count`` items from the end of the section, last list first."""
    out: list[tuple[ItemList, list[Inlines]]] = []
    for part in reversed(section.lists):
        if count <= 0:
            break
        take = min(count, len(part.items))
        if take:
            out.append((part, part.items[len(part.items) - take :]))
            del part.items[len(part.items) - take :]
            count -= take
    section.lists = [p for p in section.lists if p.items]
    return list(reversed(out))


def cap_bullets(
    sections: list[Section],
    caps: dict[str, int],
    totals: dict[tuple[str, str], int],
    *,
    why: str,
    strict: bool,
    reason: Callable[[Section, int], str] = lambda s, n: "",
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


def _copy(sections: list[Section]) -> list[Section]:
    return [
        Section(
            s.name,
            s.heading,
            list(s.paragraphs),
            [ItemList(p.key, p.noun, list(p.items), p.label) for p in s.lists],
        )
        for s in sections
    ]


class _Trimmer:
    """Drops one thing at a time in the channel's order, remembering what it dropped."""

    def __init__(self, sections: list[Section], channel: Channel) -> None:
        self.sections = sections
        self.channel = channel
        self.dropped: dict[tuple[str, str], list[Inlines]] = {}
        self.nouns: dict[tuple[str, str], str] = {}
        self.gone: list[Section] = []

    def _item(self, floor: int) -> bool:
        for section in _priority(self.sections, self.channel):
            if section.bullets > floor:
                for part, items in _drop_tail(section, 1):
                    key = (section.name, part.key)
                    self.dropped.setdefault(key, [])[:0] = items
                    self.nouns[key] = part.noun
                if section.empty:
                    self.sections.remove(section)
                return True
        return False

    def _section(self) -> bool:
        for section in _priority(self.sections, self.channel):
            if section.name not in self.channel.keep:
                self.sections.remove(section)
                self.gone.append(section)
                return True
        return False

    def step(self) -> bool:
        """Drop the next item (or section); False when nothing more may go."""
        return self._item(self.channel.min_bullets) or self._section() or self._item(1)


def _after(sections: list[Section], channel: Channel, steps: int) -> _Trimmer:
    trimmer = _Trimmer(_copy(sections), channel)
    for _ in range(steps):
        if not trimmer.step():
            break
    return trimmer


def fit(
    sections: list[Section],
    channel: Channel,
    measure: Measure,
    limit: int,
    unit: str,
    totals: dict[tuple[str, str], int],
) -> list[Notice]:
    """Drop as few items, then sections, as make ``measure`` at most ``limit``; report each drop.

    The order of drops is fixed, so the fewest drops that fit are found by bisection
    rather than by measuring after every single drop.
    """
    if measure(sections) <= limit:
        return []
    possible = _Trimmer(_copy(sections), channel)
    most = 0
    while possible.step():
        most += 1
    low, high = 1, most
    if measure(possible.sections) <= limit:
        while low < high:
            middle = (low + high) // 2
            if measure(_after(sections, channel, middle).sections) <= limit:
                high = middle
            else:
                low = middle + 1
    trimmer = _after(sections, channel, high)
    sections[:] = trimmer.sections
    why = f"trimmed for {channel.name}"
    reason = f" to fit {limit:,} {unit}"
    notices = [
        Notice(_dropped(why, trimmer.nouns[key], items, totals[key], reason))
        for key, items in trimmer.dropped.items()
    ]
    for section in trimmer.gone:
        count = section.bullets + len(section.paragraphs)
        what = f"{count} item{'s' * (count != 1)}" if section.bullets else "its text"
        notices.append(Notice(f"{why}: dropped the section '{section.heading}' ({what}){reason}"))
    size = measure(sections)
    if size > limit:
        notices.append(
            Notice(
                f"{why}: the posting is still {size:,} {unit}, over the limit of "
                f"{limit:,}, with nothing left that may be dropped"
            )
        )
    return notices
