"""The parts of the kit about running a round: decision protocol, checklist, debrief, do-not-ask.

They carry the components of structure a question list cannot: the same interviewers
for every candidate, no discussion between interviews, interviewer training and
calibration, and a combination rule applied before the debrief.
"""

from __future__ import annotations

from hirecli.builders.kit import decision
from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit
from hirecli.builders.kit.text import fill
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Heading,
    NumberedList,
    Paragraph,
    Strong,
    Table,
    inlines,
)


def decision_blocks(level: int = 2) -> list[Block]:
    """How a round is run and how ratings become a decision."""
    return [
        Heading(level, "How the hiring decision is made"),
        NumberedList(tuple(inlines(line) for line in decision.protocol_lines())),
        Paragraph(inlines(Strong("The rule, applied before the debrief"))),
        BulletList(tuple(inlines(line) for line in decision.rule_lines())),
    ]


def checklist_table() -> Table:
    rows = tuple((CHECKBOX, text(item)) for item in kit_data("guide")["checklist"])
    return Table(("", "Before your first interview of the round"), rows, "grid")


def checklist_blocks(level: int = 2) -> list[Block]:
    return [Heading(level, "Interviewer checklist and calibration"), checklist_table()]


def debrief_blocks(level: int = 2) -> list[Block]:
    data = kit_data("guide")["debrief"]
    return [
        Heading(level, "Debrief guide"),
        Paragraph(inlines(Strong("Order of discussion"))),
        NumberedList(tuple(inlines(text(line)) for line in data["order"])),
        Paragraph(inlines(Strong("When ratings disagree"))),
        BulletList(tuple(inlines(text(line)) for line in data["disagreement"])),
        Paragraph(inlines(Strong("What to write down"))),
        BulletList(tuple(inlines(text(line)) for line in data["record"])),
    ]


def do_not_ask_blocks(kit: Kit, level: int = 3) -> list[Block]:
    data = kit_data("do_not_ask")
    values = {
        "country": kit.country or "the country where this job is based",
        "pay": f" ({kit.pay})" if kit.pay else "",
    }
    rows = tuple(
        (str(t["topic"]), text(t["avoid"]), fill(text(t["instead"]), values)) for t in data["topics"]
    )
    return [
        Heading(level, "Do not ask"),
        Paragraph(inlines(text(data["intro"]))),
        Table(("Topic", "Do not ask", "Ask instead"), rows, "grid"),
    ]
