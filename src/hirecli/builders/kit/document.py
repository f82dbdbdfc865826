"""The interview kit as a document: overview, loop, coverage matrix and one packet per stage.

Each stage's packet stands on its own (a page break before it), so that every
interviewer can be handed just theirs: the guide, the opening script, the timing
plan, the questions with probes, signals and a 1-4 rating table, and the do-not-ask list.
"""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit, KitCompetency, KitQuestion, Stage
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.text import fill, lower_words
from hirecli.document import (
    CHECKBOX,
    Block,
    BulletList,
    Callout,
    Document,
    Emph,
    Heading,
    KeyFacts,
    Meta,
    NotesSpace,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    inlines,
)
from hirecli.errors import UnknownFormatError
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import SourceMap
from hirecli.slug import slugify

TYPE_NAMES = {"behavioral": "Behavioral", "situational": "Situational", "technical": "Technical",
              "work_sample": "Work sample"}
MAIN = "●"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def rating_rows(anchors: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    labels = kit_data("guide")["rating_labels"]
    return tuple((str(labels[n]), anchors[n - 1]) for n in (1, 2, 3, 4))


def _meaning(comp: KitCompetency) -> str:
    text = comp.definition + (f" In this role: {comp.context}" if comp.context else "")
    if len(comp.covers) > 1:
        text += f" Covers the skills {', '.join(comp.covers)}, assessed once."
    if comp.generated:
        text += " Draft questions: review before use."
    return text


# ---- overview -------------------------------------------------------------------


def _overview(kit: Kit) -> list[Block]:
    guide = kit_data("guide")
    must = sum(1 for c in kit.competencies if c.must_have)
    main = sum(len(s.questions) for s in kit.stages)
    reserve = sum(len(s.reserve) for s in kit.stages)
    facts = [("Role", inlines(kit.title))]
    if kit.company:
        facts.append(("Company", inlines(kit.company)))
    facts += [
        ("Interview loop", inlines(f"{_plural(len(kit.stages), 'stage')}, "
                                   f"{sum(s.minutes for s in kit.stages)} minutes")),
        ("Competencies", inlines(f"{len(kit.competencies)} ({must} must-have)")),
        ("Questions", inlines(f"{main} main, {reserve} reserve")),
    ]
    if kit.variant:
        facts.append(("Question set", inlines(f"set {kit.variant} (--variant {kit.variant})")))
    if kit.drafts:
        facts.append(("Draft questions", inlines(
            f"for {', '.join(c.name for c in kit.drafts)}: review before use")))
    blocks: list[Block] = [
        Paragraph(inlines(fill(text(guide["intro"]), {"role": kit.title}))),
        KeyFacts(tuple(facts)),
    ]
    if kit.warnings:
        blocks.append(Callout("Check the plan", tuple(inlines(w) for w in kit.warnings), "warning"))
    if kit.notes:
        blocks.append(Callout("Notes on the plan", tuple(inlines(n) for n in kit.notes), "note"))
    blocks += [
        Heading(2, "Competencies"),
        Table(("Competency", "Kind", "Must-have", "Weight", "What it means in this role"),
              tuple((c.name, c.kind, "yes" if c.must_have else "", f"{c.weight:g}", _meaning(c))
                    for c in kit.competencies), "grid"),
        Heading(2, "Interview loop"),
        Table(("Stage", "Minutes", "Interviewers", "Competencies"),
              tuple((s.name, str(s.minutes), s.interviewers or "", ", ".join(s.competencies))
                    for s in kit.stages), "grid"),
        Heading(2, "Coverage"),
        _matrix(kit),
        Paragraph(inlines(text(guide["coverage_legend"]))),
    ]
    return blocks


def _matrix(kit: Kit) -> Table:
    rows = []
    for comp in kit.competencies:
        cells = [MAIN if any(q.competency == comp.name for q in stage.questions) else ""
                 for stage in kit.stages]
        main = sum(1 for s in kit.stages for q in s.questions if q.competency == comp.name)
        reserve = sum(1 for s in kit.stages for q in s.reserve if q.competency == comp.name)
        name = comp.name + (" (must-have)" if comp.must_have else "")
        rows.append((name, *cells, str(main), str(reserve)))
    return Table(("Competency", *(s.name for s in kit.stages), "Main", "Reserve"), tuple(rows), "matrix")


# ---- one stage's packet ------------------------------------------------------------


def _timing_rows(stage: Stage) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    now = 0

    def add(part: str, minutes: int) -> None:
        nonlocal now
        rows.append((f"{clock(now)}–{clock(now + minutes)}", part, str(minutes)))
        now += minutes

    add("Welcome, introductions and the opening script", stage.timing.intro)
    if stage.requirement_minutes:
        add("Requirements check", stage.requirement_minutes)
    for number, question in enumerate(stage.questions, 1):
        add(f"Q{number}. {question.competency} ({TYPE_NAMES[question.type].lower()})", question.minutes)
    spare = stage.timing.questions - stage.timing.used
    if spare > 0:
        add("Spare time for probes or a reserve question", spare)
    add("The candidate's questions and close", stage.timing.candidate)
    return tuple(rows)


def question_blocks(label: str, question: KitQuestion) -> list[Block]:
    """One question as the interviewer sees it, with room for notes."""
    blocks: list[Block] = [
        Heading(4, f"{label}. {question.competency}"),
        Paragraph(inlines(Emph(f"{TYPE_NAMES[question.type]} · {_plural(question.minutes, 'minute')}"
                               + (" · from the role file" if question.custom else "")))),
        Paragraph(inlines(Strong(question.text))),
    ]
    if question.draft:
        blocks.append(Callout("Draft question: review before use", (inlines(
            "The competency library has no questions for this skill, so this one was drafted "
            "from the role's duties. Have someone who knows the work check it and the signals "
            "below, or write the role's own questions under competencies: in the role file."),),
            "warning"))
    if question.prep:
        blocks.append(Callout("Prepare beforehand", (inlines(question.prep),), "tip"))
    blocks += [
        Paragraph(inlines(Strong("Probes"))),
        BulletList(tuple(inlines(p) for p in question.probes)),
        Paragraph(inlines(Strong("A strong answer shows"))),
        BulletList(tuple(inlines(s) for s in question.strong)),
    ]
    if question.scoring_key:
        blocks += [
            Paragraph(inlines(Strong("Scoring key: a correct answer contains"))),
            BulletList(tuple(inlines(k) for k in question.scoring_key)),
        ]
    blocks += [
        Paragraph(inlines(Strong("Red flags"))),
        BulletList(tuple(inlines(r) for r in question.red_flags)),
        Table(("Rating", "What the answer shows"), rating_rows(question.anchors), "rating"),
        NotesSpace(4, "Notes"),
    ]
    return blocks


def _do_not_ask(kit: Kit) -> list[Block]:
    data = kit_data("do_not_ask")
    values = {"country": kit.country or "the country where this job is based",
              "pay": f" ({kit.pay})" if kit.pay else ""}
    rows = tuple((str(t["topic"]), text(t["avoid"]), fill(text(t["instead"]), values))
                 for t in data["topics"])
    return [
        Heading(3, "Do not ask"),
        Paragraph(inlines(text(data["intro"]))),
        Table(("Topic", "Do not ask", "Ask instead"), rows, "grid"),
    ]


def stage_blocks(kit: Kit, stage: Stage, number: int) -> list[Block]:
    """The packet for one stage's interviewers."""
    guide = kit_data("guide")
    values = {
        "stage": lower_words(stage.name),
        "role": kit.title, "company": f" at {kit.company}" if kit.company else "",
        "minutes": str(stage.minutes), "candidate": str(stage.timing.candidate),
        "count": str(len(stage.questions)),
    }
    facts = [("Length", inlines(_plural(stage.minutes, "minute")))]
    if stage.interviewers:
        facts.append(("Interviewers", inlines(stage.interviewers)))
    facts += [("Aim", inlines(stage.aim)),
              ("Competencies", inlines(", ".join(stage.competencies) or "none"))]
    blocks: list[Block] = [
        Heading(2, f"Stage {number} of {len(kit.stages)}: {stage.name}"),
        KeyFacts(tuple(facts)),
        Heading(3, "How to run this interview"),
        BulletList(tuple(inlines(text(r)) for r in guide["rules"])),
        Heading(3, "Opening script"),
        Paragraph(inlines(Emph(fill(text(guide["opening"]), values)))),
        Heading(3, "Using STAR and the probes"),
        Paragraph(inlines(text(guide["star"]["intro"]))),
        BulletList(tuple(inlines(text(p)) for p in guide["star"]["parts"])),
        BulletList(tuple(inlines(text(t)) for t in guide["star"]["tips"])),
        Heading(3, "Timing plan"),
        Table(("Time", "Part", "Minutes"), _timing_rows(stage), "grid"),
    ]
    if stage.timing.over:
        blocks.append(Callout("Over time", (inlines(
            f"The planned questions take {stage.timing.used} minutes, {stage.timing.over} more "
            f"than the {stage.timing.questions} set aside for questions."),), "warning"))
    if stage.requirements:
        blocks += [
            Heading(3, "Requirements check"),
            Paragraph(inlines(fill(text(guide["screen_requirements"]),
                                   {"country": kit.country or "this country"}))),
            Table(("Requirement", "Yes", "No"),
                  tuple((r.text, CHECKBOX, CHECKBOX) for r in stage.requirements), "grid"),
        ]
    blocks.append(Heading(3, "Questions"))
    for index, question in enumerate(stage.questions, 1):
        blocks += question_blocks(f"Q{index}", question)
    if stage.reserve:
        blocks += [Heading(3, "Reserve questions"), Paragraph(inlines(text(guide["reserve_note"])))]
        for index, question in enumerate(stage.reserve, 1):
            blocks += question_blocks(f"R{index}", question)
    blocks += _do_not_ask(kit)
    blocks += [
        Heading(3, "Closing script"),
        Paragraph(inlines(Emph(text(guide["closing"])))),
        Heading(3, "After the interview"),
        BulletList(tuple(inlines(text(a)) for a in guide["after"])),
    ]
    return blocks


# ---- the documents ----------------------------------------------------------------


def find_stage(kit: Kit, name: str) -> int:
    """The index of the stage called ``name`` (its name, slug or number)."""
    wanted = name.strip().lower()
    for index, stage in enumerate(kit.stages):
        if wanted in (stage.name.lower(), slugify(stage.name, default=''), str(index + 1)):
            return index
    raise UnknownFormatError("stage", name, [s.name for s in kit.stages])


def kit_document(kit: Kit, stage: str | None = None) -> Document:
    """The whole kit, or one stage's packet when ``stage`` names one."""
    subtitle: str | None
    if stage is not None:
        index = find_stage(kit, stage)
        chosen = kit.stages[index]
        title = f"Interview packet: {kit.title}"
        blocks: list[Block] = [Heading(1, title), *stage_blocks(kit, chosen, index + 1)]
        subtitle = chosen.name
    else:
        title = f"Interview kit: {kit.title}"
        blocks = [Heading(1, title), *_overview(kit)]
        for number, one in enumerate(kit.stages, 1):
            blocks += [PageBreak(), *stage_blocks(kit, one, number)]
        subtitle = kit.company
    meta = Meta(title=title, kind="interview-kit", subtitle=subtitle, company=kit.company,
                role_id=kit.role_id, keywords=tuple(c.name for c in kit.competencies))
    return Document(meta, tuple(blocks))


def build_interview_kit(
    role: Role,
    company: Company | None = None,
    *,
    variant: int = 0,
    stage: str | None = None,
    competencies: Sequence[str] | None = None,
    positions: SourceMap | None = None,
) -> Document:
    """The structured interview kit for ``role`` (one stage's packet with ``stage``)."""
    kit = plan_kit(role, company, variant=variant, competencies=competencies, positions=positions)
    return kit_document(kit, stage)


__all__ = ["build_interview_kit", "kit_document", "plan_kit"]
