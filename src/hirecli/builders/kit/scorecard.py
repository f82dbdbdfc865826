"""The scorecard: one anchored 1-4 rating per competency, weights, and an overall
recommendation on a four-point scale with no neutral option."""

from __future__ import annotations

from hirecli.builders.kit.document import rating_rows
from hirecli.builders.kit.data import kit_data, text
from hirecli.builders.kit.model import Kit, KitCompetency
from hirecli.builders.kit.plan import plan_kit
from hirecli.document import (
    CHECKBOX,
    Block,
    Document,
    Emph,
    Heading,
    Meta,
    NotesSpace,
    Paragraph,
    Table,
    inlines,
)
from hirecli.model.company import Company
from hirecli.model.role import Role
from hirecli.model.yamlsource import SourceMap


def _facts(kit: Kit, comp: KitCompetency) -> str:
    parts = [f"{comp.kind} skill", f"weight {comp.weight:g}"]
    if comp.must_have:
        parts.append("must-have")
    stages = [s.name for s in kit.stages_for(comp.name)]
    parts.append("assessed in: " + (", ".join(stages) if stages else "no stage"))
    return " · ".join(parts)


def _competency(kit: Kit, comp: KitCompetency) -> list[Block]:
    rows = tuple((CHECKBOX, label, anchor) for label, anchor in rating_rows(comp.anchors))
    return [
        Heading(3, comp.name),
        Paragraph(inlines(Emph(_facts(kit, comp)))),
        Paragraph(inlines(comp.definition)),
        Table(("", "Rating", "What the evidence shows"), rows, "scorecard"),
        NotesSpace(3, "Evidence"),
    ]


def scorecard_document(kit: Kit, stage: int | None = None) -> Document:
    """The scorecard for the whole loop, or for the stage at index ``stage``."""
    data = kit_data("guide")["scorecard"]
    title = f"Scorecard: {kit.title}"
    comps = list(kit.competencies)
    stage_name = ""
    if stage is not None:
        chosen = kit.stages[stage]
        stage_name = chosen.name
        comps = [c for c in comps if c.name in chosen.competencies]
    blocks: list[Block] = [
        Heading(1, title),
        Paragraph(inlines(text(data["intro"]))),
        Table(("Candidate", "Interviewer", "Stage", "Date"), (("", "", stage_name, ""),), "grid"),
        Heading(2, "Competencies"),
    ]
    for comp in comps:
        blocks += _competency(kit, comp)
    total = sum(c.weight for c in comps)
    blocks += [
        Heading(2, "Weighted score"),
        Paragraph(inlines(text(data["score"]))),
        Table(("Competency", "Weight", "Rating (1-4)", "Weight × rating"),
              (*((c.name, f"{c.weight:g}", "", "") for c in comps),
               ("Total of the competencies you rated", f"(all: {total:g})", "", "")),
              "scorecard"),
        Paragraph(inlines("Weighted score = total of weight × rating ÷ total weight rated = ______")),
        Paragraph(inlines(text(data["guide"]))),
        Heading(2, "Overall recommendation"),
        Table(("", "Recommendation", "When to choose it"),
              tuple((CHECKBOX, str(r["name"]), text(r["meaning"])) for r in data["recommendations"]),
              "scorecard"),
        NotesSpace(4, "Reasons for your recommendation"),
    ]
    meta = Meta(title=title, kind="scorecard", subtitle=kit.company, company=kit.company,
                role_id=kit.role_id, keywords=tuple(c.name for c in comps))
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
