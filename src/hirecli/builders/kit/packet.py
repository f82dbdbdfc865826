"""One stage as its interviewers use it: scripts, timing, and each question as one block.

A question block is a level-4 heading and everything down to its notes space (the
DOCX writer keeps such a block on one page): the question, planned probes, what a
strong answer shows beside the red flags, the scoring key, the reserve question that
stands in for it, the anchored 1-4 rating table, and about one ruled line of notes
a minute. The scored exercise has its own blocks: what the candidate is told, the
materials, and the key with what earns each rating.
"""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit, KitQuestion, Stage
from hirecli.builders.kit.protocol import checklist_table, do_not_ask_blocks
from hirecli.builders.kit.text import fill, lower_words
from hirecli.builders.kit.worksample import exercise
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Emph,
    Heading,
    KeyFacts,
    NotesSpace,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    inlines,
)

TYPE_NAMES = {
    "behavioral": "Behavioral",
    "situational": "Situational",
    "technical": "Technical",
    "work_sample": "Work sample",
}
MIN_LINES, MAX_LINES = 3, 10
"""Ruled lines of notes: about one a minute, within these bounds (a question of more than
ten minutes would not fit on one page with its rating table)."""
EXERCISE_LINES = 8
"""Notes for the exercise, beside the key the interviewer ticks as they go."""


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def rating_rows(anchors: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    labels = kit_data("guide")["rating_labels"]
    return tuple((str(labels[n]), anchors[n - 1]) for n in (1, 2, 3, 4))


def note_lines(minutes: int) -> int:
    return max(MIN_LINES, min(MAX_LINES, minutes))


def stage_title(stage: Stage, kit: Kit) -> str:
    return f"Stage {stage.number} of {len(kit.stages)}: {stage.name}"


def people_table(stage_name: str = "") -> Table:
    """Lines for the candidate, the interviewer and the date (and the stage, when given)."""
    if stage_name:
        return Table(("Candidate", "Interviewer", "Stage", "Date"), (("", "", stage_name, ""),), "grid")
    return Table(("Candidate", "Interviewer", "Date"), (("", "", ""),), "grid")


# ---- questions ----------------------------------------------------------------------


def bullets(items: Sequence[str]) -> str:
    """Items as one table cell: a bullet and a line each (one line where lines do not exist)."""
    return "\n".join(f"• {item}" for item in items)


def guide_blocks(question: KitQuestion) -> list[Block]:
    """The planned probes beside what a strong answer shows and the red flags, or, for a
    question with a scoring key, beside the key (which says what is right and wrong)."""
    if question.scoring_key:
        return [
            Table(
                ("Probes (ask only these)", "Scoring key: a correct answer contains"),
                ((bullets(question.probes), bullets(question.scoring_key)),),
                "grid",
            )
        ]
    return [
        Table(
            ("Probes (ask only these)", "A strong answer shows", "Red flags"),
            ((bullets(question.probes), bullets(question.strong), bullets(question.red_flags)),),
            "grid",
        )
    ]


def rating_table(anchors: Sequence[str]) -> Table:
    labels = kit_data("guide")["rating_labels"]
    rows = tuple((str(n), f"{str(labels[n]).split(' · ', 1)[-1]}: {anchors[n - 1]}") for n in (1, 2, 3, 4))
    return Table(("", "What an answer rated 1, 2, 3 or 4 shows"), rows, "rating")


def question_blocks(label: str, question: KitQuestion, reserve: KitQuestion | None = None) -> list[Block]:
    """One question as the interviewer sees it, with room for notes."""
    meta = f"{TYPE_NAMES[question.type].lower()}, {plural(question.minutes, 'minute')}"
    if question.custom:
        meta += ", from the role file"
    blocks: list[Block] = [
        Heading(4, f"{label}. {question.competency} ({meta})"),
        Paragraph(inlines(Strong(question.text))),
    ]
    if question.draft:
        blocks.append(
            Callout(
                "Draft question: review before use",
                (
                    inlines(
                        "The competency library has no questions for this skill, so this one was drafted "
                        "from the role's duties. Have someone who knows the work check it and the signals "
                        "below, or write the role's own questions under competencies: in the role file."
                    ),
                ),
                "warning",
            )
        )
    if question.prep:
        blocks.append(Callout("Prepare beforehand", (inlines(question.prep),), "tip"))
    blocks += guide_blocks(question)
    if reserve is not None:
        blocks.append(
            Paragraph(
                inlines(
                    Strong("Reserve question"),
                    f" ({text(kit_data('guide')['reserve_note'])}): ",
                    Emph(reserve.text),
                )
            )
        )
    blocks += [rating_table(question.anchors), NotesSpace(note_lines(question.minutes), "")]
    return blocks


def exercise_blocks(kit: Kit, question: KitQuestion) -> list[Block]:
    """The scored exercise: what the candidate is told and the materials, then the key."""
    comp = kit.competency(question.competency)
    ex = exercise(question, comp)
    blocks: list[Block] = [
        PageBreak(),
        Heading(4, f"{ex.label}: {question.competency}"),
        KeyFacts(
            (
                ("Time", inlines(plural(ex.minutes, "minute"))),
                ("Scored on", inlines(f"{question.competency}, with the key below")),
            )
        ),
        Callout("Read to the candidate", (inlines(ex.instructions), inlines(Strong(question.text))), "note"),
        Paragraph(inlines(Strong("Materials"))),
        BulletList(tuple(inlines(m) for m in ex.materials)),
        Callout("Prepare beforehand", (inlines(ex.prepare),), "tip"),
    ]
    if question.draft:
        blocks.append(
            Callout(
                "Draft exercise: review before use",
                (
                    inlines(
                        "The competency library has no exercise for this skill, so this one was drafted "
                        "from the role's duties. Have someone who does the work check the task and its key."
                    ),
                ),
                "warning",
            )
        )
    labels = kit_data("guide")["rating_labels"]
    blocks += [
        Heading(4, f"Scoring the {ex.label.lower()}: {question.competency}"),
        Paragraph(inlines(Strong("Probes, once the time is up: "), " ".join(question.probes))),
        Table(
            ("", "Scoring key: tick each point the candidate covers"),
            tuple((CHECKBOX, point) for point in ex.key),
            "scorecard",
        ),
        Table(
            ("Rating", "What earns it"),
            tuple((str(labels[n]), ex.ratings[n - 1]) for n in (1, 2, 3, 4)),
            "rating",
        ),
        NotesSpace(min(EXERCISE_LINES, note_lines(question.minutes)), ""),
    ]
    return blocks


# ---- one stage ------------------------------------------------------------------------


def timing_rows(stage: Stage) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    now = 0

    def add(part: str, minutes: int) -> None:
        nonlocal now
        if minutes <= 0:
            return
        rows.append((f"{clock(now)}–{clock(now + minutes)}", part, str(minutes)))
        now += minutes

    add("Welcome, introductions and the opening script", stage.timing.intro)
    add("Requirements check", stage.requirement_minutes)
    add("Practical questions", stage.logistics_minutes)
    for number, question in enumerate(stage.questions, 1):
        add(f"Q{number}. {question.competency} ({TYPE_NAMES[question.type].lower()})", question.minutes)
    add("Spare: probes, or a reserve question", stage.timing.questions - stage.timing.used)
    add("The candidate's questions and close", stage.timing.candidate)
    return tuple(rows)


def _facts(kit: Kit, stage: Stage) -> KeyFacts:
    names = [
        c + (" (must-have)" if any(k.name == c and k.must_have for k in kit.competencies) else "")
        for c in stage.competencies
    ]
    facts = [("Length", inlines(plural(stage.minutes, "minute")))]
    if stage.interviewers:
        facts.append(("Interviewers", inlines(stage.interviewers)))
    facts += [("Aim", inlines(stage.aim)), ("Competencies", inlines(", ".join(names)))]
    return KeyFacts(tuple(facts))


def _screen_blocks(kit: Kit, stage: Stage) -> list[Block]:
    guide = kit_data("guide")
    blocks: list[Block] = []
    if stage.requirements:
        licence = any(r.licence for r in stage.requirements)
        header = ("Requirement", "Yes", "No") + (("Licence number and issuing body",) if licence else ())
        rows = tuple(
            (r.text, CHECKBOX, CHECKBOX) + (("" if r.licence else "—",) if licence else ())
            for r in stage.requirements
        )
        blocks += [
            Heading(3, "Requirements check"),
            Paragraph(
                inlines(fill(text(guide["screen_requirements"]), {"country": kit.country or "this country"}))
            ),
            Table(header, rows, "grid"),
        ]
    if stage.logistics:
        blocks += [
            Heading(3, "Practical questions"),
            Paragraph(inlines(text(guide["logistics_intro"]))),
            Table(("Question", "Answer"), tuple((line, "") for line in stage.logistics), "grid"),
        ]
    return blocks


def stage_blocks(kit: Kit, stage: Stage, *, guide: bool = True) -> list[Block]:
    """The packet for one stage's interviewers; ``guide`` adds the parts every packet
    repeats (checklist, interviewing rules, STAR, do-not-ask list)."""
    data = kit_data("guide")
    values = {
        "stage": lower_words(stage.name),
        "role": kit.title,
        "company": f" at {kit.company}" if kit.company else "",
        "minutes": str(stage.minutes),
        "candidate": str(stage.timing.candidate),
        "count": str(len(stage.questions)),
    }
    blocks: list[Block] = [Heading(2, stage_title(stage, kit)), _facts(kit, stage)]
    if stage.timing.over:
        blocks.append(
            Callout(
                "Over time",
                (
                    inlines(
                        f"The planned questions take {stage.timing.used} minutes, {stage.timing.over} more "
                        f"than the {stage.timing.questions} set aside for questions."
                    ),
                ),
                "warning",
            )
        )
    if guide:
        blocks += [
            Heading(3, "Before the interview"),
            checklist_table(),
            Heading(3, "How to run this interview"),
            BulletList(tuple(inlines(text(r)) for r in data["rules"])),
            Paragraph(inlines(text(data["star"]["intro"]))),
            BulletList(tuple(inlines(text(p)) for p in data["star"]["parts"])),
            BulletList(tuple(inlines(text(t)) for t in data["star"]["tips"])),
        ]
    blocks += [
        Heading(3, "Opening script"),
        Paragraph(inlines(Emph(fill(text(data["opening"]), values)))),
        Heading(3, "Timing plan"),
        Table(("Time", "Part", "Minutes"), timing_rows(stage), "grid"),
        *_screen_blocks(kit, stage),
        PageBreak(),
        Heading(3, "Questions"),
    ]
    for index, question in enumerate(stage.questions, 1):
        if question == stage.exercise:
            blocks += exercise_blocks(kit, question)
        else:
            blocks += question_blocks(f"Q{index}", question, stage.reserve_for(question))
    blocks += [
        Heading(3, "Closing script"),
        Paragraph(inlines(Emph(text(data["closing"])))),
        Heading(3, "After the interview"),
        BulletList(tuple(inlines(text(a)) for a in data["after"])),
    ]
    if guide:
        blocks += do_not_ask_blocks(kit)
    return blocks
