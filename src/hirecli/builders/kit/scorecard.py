"""Scorecards: one sheet per stage, and the coordinator's sheet that combines them by rule.

A stage's sheet is what its interviewer hands in before the debrief: a grid of the
stage's competencies (must-haves marked as gates) with a 1-4 tick box each and no
neutral option, the weighted score and the recommendation the stated rule gives,
room to explain any departure from it, then room for the evidence behind each rating.
The whole scorecard starts with the coordinator's sheet: every competency's ratings
from every stage, the gates, the weighted score, the computed result and the checks
made outside the interviews, so that the debrief starts from the computed result.
"""

from __future__ import annotations

from hirecli.builders.kit import decision
from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit, KitCompetency, Stage
from hirecli.builders.kit.packet import people_table, stage_title
from hirecli.builders.kit.plan import plan_kit
from hirecli.builders.kit.protocol import decision_blocks
from hirecli.document import (
    CHECKBOX,
    Block,
    Document,
    Heading,
    Meta,
    NotesSpace,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    inlines,
)
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import SourceMap

GATE = " (must-have: gate)"


def _label(comp: KitCompetency) -> str:
    return comp.name + (GATE if comp.must_have else "")


def _recommendations(heading: str, level: int = 4) -> list[Block]:
    return [
        Heading(level, heading),
        Table(
            ("", "Recommendation", "What it means"),
            tuple((CHECKBOX, name, meaning) for name, meaning in decision.recommendations()),
            "scorecard",
        ),
    ]


def stage_sheet(kit: Kit, stage: Stage) -> list[Block]:
    """The sheet one interviewer fills in: ratings and recommendation on the first page,
    the evidence behind each rating after it."""
    data = kit_data("guide")["scorecard"]
    labels = kit_data("guide")["rating_labels"]
    comps = [kit.competency(name) for name in stage.competencies]
    legend = " · ".join(str(labels[n]).lower() for n in (1, 2, 3, 4))
    rows = tuple((_label(c), f"{c.weight:g}", CHECKBOX, CHECKBOX, CHECKBOX, CHECKBOX) for c in comps)
    names = [name for name, _ in decision.recommendations()]
    blocks: list[Block] = [
        Paragraph(inlines(text(data["intro"]))),
        Heading(3, "Your ratings"),
        Table((f"Competency (rated {legend})", "Weight", "1", "2", "3", "4"), rows, "scorecard"),
        Paragraph(inlines(text(data["score"]), " ", Strong("______"))),
        Paragraph(inlines(decision.stage_rule())),
        Heading(4, "Your recommendation"),
        Table(tuple(names), (tuple(CHECKBOX for _ in names),), "scorecard"),
        NotesSpace(3, text(data["departure"])),
        Heading(3, "Evidence for each rating"),
    ]
    for comp in comps:
        blocks += [Heading(4, _label(comp)), NotesSpace(3, "")]
    return blocks


def _combined(kit: Kit) -> list[Block]:
    comps = list(kit.rated)
    rows = []
    for comp in comps:
        cells = ["" if comp.name in s.competencies else "—" for s in kit.stages]
        rows.append((_label(comp), f"{comp.weight:g}", *cells, "", ""))
    total = sum(c.weight for c in comps)
    rows.append(("Total", f"{total:g}", *("" for _ in kit.stages), "", ""))
    stages = "; ".join(f"{s.number}, {s.name}" for s in kit.stages)
    blocks: list[Block] = [
        PageBreak(),
        Heading(2, "Combined ratings"),
        Paragraph(
            inlines(
                f"Copy each interviewer's rating from their sheet into the column of their "
                f"stage ({stages}); — marks a stage that does not assess the competency. "
                "The score is the mean of a competency's ratings."
            )
        ),
        Table(
            ("Competency", "Weight", *(str(s.number) for s in kit.stages), "Score", "Weight × score"),
            tuple(rows),
            "scorecard",
        ),
        Paragraph(inlines("Weighted score = total of weight × score ÷ total weight = ", Strong("______"))),
    ]
    gates = [c for c in comps if c.must_have]
    if gates:
        blocks += [
            Heading(3, "Gates"),
            Table(
                ("Must-have competency", "Any rating of 1", "Score below 2.5", "Passes"),
                tuple((c.name, CHECKBOX, CHECKBOX, CHECKBOX) for c in gates),
                "scorecard",
            ),
        ]
    blocks += [
        *_recommendations("The result the rule gives", 3),
        NotesSpace(4, "Decision, and any departure from the computed result with its reason"),
    ]
    checks: list[tuple[str, ...]] = [
        (r.text, "Requirements check", CHECKBOX, CHECKBOX) for s in kit.stages for r in s.requirements
    ]
    checks += [
        (d.competency, d.method.capitalize(), CHECKBOX, CHECKBOX)
        for d in kit.deferred
        if d.method != "requirements"
    ]
    if checks:
        blocks += [
            Heading(2, "Checks outside the interviews"),
            Table(("Requirement or competency", "How", "Pass", "Concern"), tuple(checks), "scorecard"),
        ]
    return blocks


def scorecard_document(kit: Kit, stage: int | None = None) -> Document:
    """The scorecard for the stage at index ``stage``, or the whole loop's: the coordinator's
    combined sheet, then every stage's sheet."""
    title = f"Scorecard: {kit.title}"
    if stage is not None:
        chosen = kit.stages[stage]
        blocks: list[Block] = [Heading(1, title), people_table(chosen.name), *stage_sheet(kit, chosen)]
        meta = Meta(
            title=title,
            kind="scorecard",
            subtitle=stage_title(chosen, kit),
            company=kit.company,
            role_id=kit.role_id,
            keywords=tuple(chosen.competencies),
        )
        return Document(meta, tuple(blocks))
    blocks = [
        Heading(1, title),
        Paragraph(
            inlines(
                "The hiring coordinator's sheet for the debrief, then the sheet each "
                "interviewer fills in for their stage."
            )
        ),
        Table(("Candidate", "Coordinator", "Date of debrief"), (("", "", ""),), "grid"),
        *decision_blocks(),
        *_combined(kit),
    ]
    for one in kit.stages:
        blocks += [
            PageBreak(),
            Heading(2, stage_title(one, kit)),
            people_table(one.name),
            *stage_sheet(kit, one),
        ]
    meta = Meta(
        title=title,
        kind="scorecard",
        subtitle=kit.company,
        company=kit.company,
        role_id=kit.role_id,
        keywords=tuple(c.name for c in kit.rated),
    )
    return Document(meta, tuple(blocks))


def build_scorecard(
    role: Role,
    company: Company | None = None,
    *,
    variant: int = 0,
    positions: SourceMap | None = None,
) -> Document:
    """The scorecard for ``role``'s interview loop."""
    return scorecard_document(plan_kit(role, company, variant=variant, positions=positions))


def build_scorecard_parts(
    role: Role, company: Company | None = None, *, kit: Kit | None = None
) -> list[tuple[str, Document]]:
    """The whole loop's scorecard (named ``""``) and one sheet per stage (``1-recruiter-screen``...);
    ``kit`` is the role's plan when it is already made (an export plans it once a role)."""
    from hirecli.builders.kit.document import stage_file

    kit = kit if kit is not None else plan_kit(role, company)
    return [
        ("", scorecard_document(kit)),
        *((stage_file(kit, i), scorecard_document(kit, i)) for i in range(len(kit.stages))),
    ]
