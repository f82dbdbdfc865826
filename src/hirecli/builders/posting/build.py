"""A job posting, built from a role and its company profile for one publishing channel.

The result is a format-neutral :class:`~hirecli.document.Document`: a title, key facts
(pay, location, type of employment, ...) and the channel's sections in its order. When
the role does not fit the channel, items are dropped by the role's own order and each
drop is reported as a :class:`Notice`, so that nothing is cut silently.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from hirecli.builders.posting.facts import effective_location, key_facts
from hirecli.builders.posting.parts import Notice, Section, one_line, words
from hirecli.builders.posting.sections import build_section
from hirecli.builders.posting.trim import cap_bullets, fit
from hirecli.channels import DEFAULT_CHANNEL, SECTIONS, Channel, get_channel
from hirecli.document import Block, Document, Heading, Inlines, KeyFacts, Meta
from hirecli.errors import UnknownFormatError, UsageError

if TYPE_CHECKING:
    from hirecli.builders.posting.title import CleanTitle
    from hirecli.model.company import Company
    from hirecli.model.role import Role

__all__ = ["Notice", "PostingResult", "build_posting", "build_posting_with_report", "resolve_sections"]


@dataclass(frozen=True)
class PostingResult:
    """A built posting with everything the command and templates need besides the document."""

    document: Document
    channel: Channel
    title: str
    facts: tuple[tuple[str, Inlines], ...]
    sections: tuple[Section, ...]
    notices: tuple[Notice, ...] = ()
    jsonld: dict[str, Any] | None = field(default=None, compare=False)

    def section_strings(self) -> dict[str, list[str]]:
        """Each section's text as plain strings, by section name (for templates)."""
        return {section.name: section.strings() for section in self.sections}


def resolve_sections(names: Sequence[str]) -> tuple[str, ...]:
    """Section names as a user wrote them ("career-path", "Pay"), checked and without repeats."""
    out: list[str] = []
    for raw in names:
        name = raw.strip().lower().replace("-", "_")
        if not name:
            continue
        if name not in SECTIONS:
            raise UnknownFormatError("section", raw.strip(), SECTIONS)
        if name not in out:
            out.append(name)
    if not out:
        raise UsageError(f"no sections given; known: {', '.join(SECTIONS)}")
    return tuple(out)


def _title(role: Role, company: Company | None, channel: Channel) -> tuple[str, list[Notice]]:
    """The title as ``channel`` wants it, made plain and then short enough; every cut is reported."""
    title = one_line(role.title)
    cuts: list[tuple[CleanTitle, str]] = []
    if channel.plain_title:  # the title module compiles its patterns: imported when asked for
        from hirecli.builders.posting.title import plain_title

        clean = plain_title(title, effective_location(role, company))
        shown = ", ".join(f"'{r}'" for r in clean.removed)
        cuts.append((clean, f"plain title for {channel.name}: removed {shown} from '{title}'"))
        title = clean.text
    if channel.title_max_chars:
        from hirecli.builders.posting.title import shorten_title

        short = shorten_title(title, channel.title_max_chars)
        dropped = "".join(short.removed[:1])
        why = f"shortened the title to {channel.title_max_chars} characters, dropping '{dropped}'"
        cuts.append((short, f"trimmed for {channel.name}: {why}"))
        title = short.text
    return title, [Notice(text) for cut, text in cuts if cut.removed]


def _description_html(meta: Meta, body: Sequence[Block], channel: Channel) -> str:
    """The posting's body as the HTML writer writes it for this channel (a JSON-LD description)."""
    from hirecli.dochtml import html_fragment

    untitled = replace(meta, title="", subtitle=None, structured_data=None)
    return html_fragment(Document(untitled, tuple(body)), channel.html_tags, embed_jsonld=False)


def _blocks(sections: Sequence[Section]) -> list[Block]:
    return [block for section in sections for block in section.blocks()]


def _limit(
    drafts: list[Section],
    channel: Channel,
    max_bullets: int | None,
    head: list[Block],
    meta: Meta,
) -> list[Notice]:
    totals = {(s.name, part.key): len(part.items) for s in drafts for part in s.lists}
    notices = cap_bullets(
        drafts,
        dict(channel.max_bullets),
        totals,
        why=f"trimmed for {channel.name}",
        strict=True,
        reason=lambda s, n: f" ('{s.heading}' shows at most {n} on {channel.name})",
    )
    if max_bullets is not None:
        notices += cap_bullets(
            drafts,
            dict.fromkeys(SECTIONS, max_bullets),
            totals,
            why=f"--max-bullets {max_bullets}",
            strict=False,
        )
    if channel.max_words:
        notices += fit(
            drafts, channel, lambda s: words(head + _blocks(s)), channel.max_words, "words", totals
        )
    if channel.description_max_chars or channel.description_min_chars:

        def size(drafts: list[Section]) -> int:
            return len(_description_html(meta, head + _blocks(drafts), channel))

        if channel.description_max_chars:
            notices += fit(drafts, channel, size, channel.description_max_chars, "characters", totals)
        low = channel.description_min_chars
        if low and size(drafts) < low:
            notices.append(
                Notice(
                    f"{channel.name}: the description has {size(drafts):,} characters; "
                    f"{channel.name} needs at least {low:,}"
                )
            )
    return notices


def _structured_data(data: dict[str, Any]) -> str:
    """JSON-LD text that is safe inside an HTML script block."""
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def build_posting_with_report(
    role: Role,
    company: Company | None = None,
    *,
    channel: str | Channel = DEFAULT_CHANNEL,
    max_bullets: int | None = None,
    sections: Sequence[str] | None = None,
    date: datetime.date | None = None,
    valid_days: int | None = None,
) -> PostingResult:
    """The posting of ``role`` for ``channel``, with a notice for everything left out.

    ``sections`` replaces the channel's list and order of sections; ``max_bullets`` caps
    every list. With a ``date`` the document carries its schema.org JSON-LD.
    """
    chosen = get_channel(channel) if isinstance(channel, str) else channel
    if max_bullets is not None and max_bullets < 1:
        raise UsageError("--max-bullets must be at least 1")
    order = resolve_sections(sections) if sections is not None else chosen.sections
    title, notices = _title(role, company, chosen)
    facts = key_facts(role, company, chosen.facts)
    head: list[Block] = [Heading(1, title)]
    if facts:
        head.append(KeyFacts(facts))
    meta = Meta(
        title=title,
        kind="posting",
        subtitle=company.name if company else None,
        company=company.name if company else None,
        date=date.isoformat() if date else None,
        role_id=role.slug,
        keywords=tuple(role.tags),
    )
    drafts = [s for s in (build_section(name, role, company, chosen) for name in order) if s]
    notices += _limit(drafts, chosen, max_bullets, head, meta)
    from hirecli.builders.posting.notes import held_back

    if held_back(role.notes) and "notes" in order:
        notices.append(
            Notice(
                f"notes: {held_back(role.notes)} line(s) kept from an imported ad are not "
                "published; move each to its field, or rewrite it as a note for candidates"
            )
        )
    blocks = tuple(head + _blocks(drafts))
    jsonld = None
    if date is not None:
        from hirecli.builders.posting.jsonld import jsonld_data

        description = _description_html(meta, blocks[1:], chosen)
        jsonld = jsonld_data(role, company, date=date, valid_days=valid_days, description=description)
        meta = replace(meta, structured_data=_structured_data(jsonld))
    return PostingResult(Document(meta, blocks), chosen, title, facts, tuple(drafts), tuple(notices), jsonld)


def build_posting(
    role: Role,
    company: Company | None = None,
    *,
    channel: str | Channel = DEFAULT_CHANNEL,
    max_bullets: int | None = None,
    sections: Sequence[str] | None = None,
    date: datetime.date | None = None,
    valid_days: int | None = None,
) -> Document:
    """The posting of ``role`` as a document; see :func:`build_posting_with_report` for notices."""
    return build_posting_with_report(
        role,
        company,
        channel=channel,
        max_bullets=max_bullets,
        sections=sections,
        date=date,
        valid_days=valid_days,
    ).document


def build_jsonld(
    role: Role,
    company: Company | None = None,
    *,
    date: datetime.date,
    valid_days: int | None = None,
    channel: str = DEFAULT_CHANNEL,
) -> dict[str, Any]:
    """The schema.org JobPosting of ``role``, its description the channel's posting in HTML."""
    result = build_posting_with_report(role, company, channel=channel, date=date, valid_days=valid_days)
    return dict(result.jsonld or {})
