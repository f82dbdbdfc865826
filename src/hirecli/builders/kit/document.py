"""The interview kit as a document: the whole kit, or one stage's packet.

The whole kit is for the hiring manager and coordinator: the loop sized to the role,
the competencies and where each is assessed (and how the ones the interviews leave
out are assessed instead), the coverage matrix, the decision protocol, the
interviewer checklist, the debrief guide and the do-not-ask list once, then every
stage on pages of its own. A stage's packet is what one interviewer prints: lines for
candidate, interviewer and date, their checklist and rules, scripts, timing, their
questions and the do-not-ask list, and nothing of the other stages.
"""

from __future__ import annotations

from collections.abc import Sequence

from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit, KitCompetency
from hirecli.builders.kit.packet import (
    people_table,
    plural,
    question_blocks,
    rating_rows,
    stage_blocks,
    stage_title,
)
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.protocol import checklist_blocks, debrief_blocks, decision_blocks, do_not_ask_blocks
from hirecli.builders.kit.text import fill
from hirecli.document import (
    Block,
    BulletList,
    Callout,
    Document,
    Heading,
    KeyFacts,
    Meta,
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

MAIN = "●"
LEVEL_WORDS = {
    "entry": "an entry-level role",
    "hourly": "an hourly role",
    "professional": "a professional role",
    "senior": "a senior role",
}
METHOD_NAMES = {
    "requirements": "Requirements check",
    "knowledge test": "Knowledge question",
    "reference check": "Reference check",
}
__all__ = [
    "build_interview_kit",
    "build_interview_kit_parts",
    "find_stage",
    "kit_document",
    "packet_document",
    "plan_kit",
    "question_blocks",
    "rating_rows",
    "stage_file",
]


def _meaning(comp: KitCompetency) -> str:
    meaning = comp.definition + (f" In this role: {comp.context}" if comp.context else "")
    if len(comp.covers) > 1:
        meaning += f" Covers the skills {', '.join(comp.covers)}, assessed once."
    if comp.generated:
        meaning += " Draft questions: review before use."
    return meaning


def _stages_of(kit: Kit, name: str) -> str:
    return ", ".join(str(s.number) for s in kit.stages_for(name)) or "—"


# ---- the overview -----------------------------------------------------------------


def _facts(kit: Kit) -> KeyFacts:
    assessed = [c for c in kit.competencies if c.name not in {d.competency for d in kit.deferred}]
    must = sum(1 for c in assessed if c.must_have)
    main = sum(len(s.questions) for s in kit.stages)
    reserve = sum(len(s.reserve) for s in kit.stages)
    exercises = [s.exercise for s in kit.stages if s.exercise is not None]
    facts = [("Role", inlines(kit.title))]
    if kit.company:
        facts.append(("Company", inlines(kit.company)))
    facts += [
        (
            "Interview loop",
            inlines(
                f"{plural(len(kit.stages), 'stage')}, {kit.minutes} minutes, "
                f"sized for {LEVEL_WORDS.get(kit.level, 'this role')} with "
                f"{len(kit.competencies)} competencies"
            ),
        ),
        (
            "Assessed in the interviews",
            inlines(f"{len(assessed)} competencies ({must} must-have), at most six an interview"),
        ),
        ("Questions", inlines(f"{main} main, {reserve} reserve")),
        (
            "Scored exercise",
            inlines(
                ", ".join(f"{q.competency} ({plural(q.minutes, 'minute')})" for q in exercises)
                or "none: the role lists no hard skill"
            ),
        ),
    ]
    if kit.deferred:
        facts.append(("Assessed another way", inlines(", ".join(d.competency for d in kit.deferred))))
    if kit.variant:
        facts.append(("Question set", inlines(f"set {kit.variant + 1}, for a new hiring round")))
    if kit.drafts:
        facts.append(
            ("Draft questions", inlines(f"for {', '.join(c.name for c in kit.drafts)}: review before use"))
        )
    return KeyFacts(tuple(facts))


def _loop_table(kit: Kit) -> Table:
    rows = tuple((str(s.number), s.name, str(s.minutes), s.interviewers or "", "") for s in kit.stages)
    return Table(
        ("#", "Stage", "Minutes", "Who interviews", "Named interviewers for this round"), rows, "grid"
    )


def _competency_table(kit: Kit) -> Table:
    deferred = {d.competency: d for d in kit.deferred}
    rows = []
    for comp in (*kit.kit_competencies, *kit.competencies):
        where = (
            METHOD_NAMES[deferred[comp.name].method] if comp.name in deferred else _stages_of(kit, comp.name)
        )
        name = comp.name + (" (must-have)" if comp.must_have else "")
        rows.append((name, f"{comp.weight:g}", where, _meaning(comp)))
    return Table(("Competency", "Weight", "Stages", "What it means in this role"), tuple(rows), "grid")


def _deferred_blocks(kit: Kit) -> list[Block]:
    if not kit.deferred:
        return []
    blocks: list[Block] = [
        Heading(2, "Assessed outside the interviews"),
        Paragraph(
            inlines(
                "The interviews assess at most six competencies each, in depth. These "
                "are assessed another way, the same way for every candidate, and count "
                "in the debrief as a pass or a concern beside the ratings:"
            )
        ),
        Table(
            ("Competency", "How", "Why", "What to do"),
            tuple((d.competency, METHOD_NAMES[d.method], d.reason, d.how) for d in kit.deferred),
            "grid",
        ),
    ]
    for item in kit.deferred:
        if item.question is None:
            continue
        if item.method == "knowledge test":
            blocks += [
                Heading(3, f"Knowledge question: {item.competency}"),
                Paragraph(inlines(Strong(item.question.text))),
                Paragraph(inlines(Strong("Scoring key: a correct answer contains"))),
                BulletList(tuple(inlines(p) for p in item.question.scoring_key)),
            ]
        else:
            blocks += [
                Heading(3, f"Reference check: {item.competency}"),
                Paragraph(inlines(Strong(item.question.text))),
            ]
    return blocks


def _matrix(kit: Kit) -> Table:
    rows = []
    for comp in kit.rated:
        cells = [
            MAIN if any(q.competency == comp.name for q in stage.questions) else "" for stage in kit.stages
        ]
        main = sum(1 for s in kit.stages for q in s.questions if q.competency == comp.name)
        reserve = sum(1 for s in kit.stages for q in s.reserve if q.competency == comp.name)
        name = comp.name + (" (must-have)" if comp.must_have else "")
        rows.append((name, *cells, str(main), str(reserve)))
    return Table(
        ("Competency", *(f"Stage {s.number}" for s in kit.stages), "Main", "Reserve"), tuple(rows), "matrix"
    )


def _overview(kit: Kit) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(inlines(fill(text(kit_data("guide")["intro"]), {"role": kit.title}))),
        _facts(kit),
    ]
    if kit.warnings:
        blocks.append(Callout("Check the plan", tuple(inlines(w) for w in kit.warnings), "warning"))
    if kit.notes:
        blocks.append(Callout("Notes on the plan", tuple(inlines(n) for n in kit.notes), "note"))
    blocks += [
        Heading(2, "Interview loop"),
        _loop_table(kit),
        Heading(2, "Competencies"),
        _competency_table(kit),
        *_deferred_blocks(kit),
        Heading(2, "Coverage"),
        _matrix(kit),
        Paragraph(
            inlines(
                text(kit_data("guide")["coverage_legend"])
                + " Stages: "
                + "; ".join(f"{s.number}, {s.name}" for s in kit.stages)
                + "."
            )
        ),
        *decision_blocks(),
        *checklist_blocks(),
        *debrief_blocks(),
        *do_not_ask_blocks(kit, 2),
    ]
    return blocks


# ---- the documents --------------------------------------------------------------------


def find_stage(kit: Kit, name: str) -> int:
    """The index of the stage called ``name`` (its name, slug or number)."""
    wanted = name.strip().lower()
    for index, stage in enumerate(kit.stages):
        if wanted in (stage.name.lower(), slugify(stage.name, default=""), str(index + 1)):
            return index
    raise UnknownFormatError("stage", name, [s.name for s in kit.stages])


def packet_document(kit: Kit, index: int) -> Document:
    """One stage's packet: everything its interviewers print, and nothing else."""
    stage = kit.stages[index]
    title = f"Interview packet: {kit.title}"
    blocks: list[Block] = [Heading(1, title), people_table(), *stage_blocks(kit, stage)]
    meta = Meta(
        title=title,
        kind="interview-kit",
        subtitle=stage_title(stage, kit),
        company=kit.company,
        role_id=kit.role_id,
        keywords=tuple(stage.competencies),
    )
    return Document(meta, tuple(blocks))


def kit_document(kit: Kit, stage: str | None = None) -> Document:
    """The whole kit, or one stage's packet when ``stage`` names one."""
    if stage is not None:
        return packet_document(kit, find_stage(kit, stage))
    title = f"Interview kit: {kit.title}"
    blocks: list[Block] = [Heading(1, title), *_overview(kit)]
    for one in kit.stages:
        blocks += [PageBreak(), *stage_blocks(kit, one, guide=False)]
    meta = Meta(
        title=title,
        kind="interview-kit",
        subtitle=kit.company,
        company=kit.company,
        role_id=kit.role_id,
        keywords=tuple(c.name for c in kit.competencies),
    )
    return Document(meta, tuple(blocks))


def stage_file(kit: Kit, index: int) -> str:
    """A stage's file name without extension: ``2-hiring-manager-interview``."""
    stage = kit.stages[index]
    return f"{stage.number}-{slugify(stage.name, default='stage')}"


def build_interview_kit_parts(
    role: Role, company: Company | None = None, *, kit: Kit | None = None
) -> list[tuple[str, Document]]:
    """The whole kit (named ``""``) and one packet per stage (named ``1-recruiter-screen``...);
    ``kit`` is the role's plan when it is already made (an export plans it once a role)."""
    kit = kit if kit is not None else plan_kit(role, company)
    return [
        ("", kit_document(kit)),
        *((stage_file(kit, i), packet_document(kit, i)) for i in range(len(kit.stages))),
    ]


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
