"""The interview kit as data: its own model as JSON, for scripts and applicant tracking systems.

``--format json`` prints the document tree (headings, tables); this is the kit itself:
competencies with their anchors and where they came from, stages with the ids of their
questions, and every question with its probes, signals and scoring key. The pydantic
models double as the published JSON Schema (``schema/kit-data.schema.json``).
"""

from __future__ import annotations

import json
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from hirecli.builders.kit.model import ROLE_FILE, Kit, KitCompetency, KitQuestion
from hirecli.competencies import QuestionType
from hirecli.slug import slugify

FORMAT_VERSION: Literal["1.0"] = "1.0"
_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Anchor(BaseModel):
    model_config = _FROZEN

    rating: int = Field(ge=1, le=4)
    label: str
    text: str


class CompetencyData(BaseModel):
    model_config = _FROZEN

    id: str
    name: str
    skills: list[str] = Field(description="The role's skills this competency assesses")
    kind: Literal["hard", "soft"]
    definition: str
    source: str = Field(description="library:<id> (several joined by +), role, or draft")
    family: str | None
    match_method: str = Field(description="alias, fuzzy, pinned, role file or generated")
    match_confidence: float | None = Field(ge=0, le=100)
    weight: float
    must_have: bool
    anchors: list[Anchor]


class QuestionData(BaseModel):
    model_config = _FROZEN

    id: str
    competency: str = Field(description="The id of the competency it assesses")
    type: QuestionType
    minutes: int
    text: str
    probes: list[str]
    strong: list[str] = Field(description="What a strong answer shows")
    red_flags: list[str]
    scoring_key: list[str] = Field(description="What a correct answer contains")
    role: Literal["main", "reserve"]
    stage: str = Field(description="The id of the stage that asks it")
    source: str = Field(description="library:<question id>, role, draft or kit")
    prepare: str | None = Field(description="What the interviewer prepares beforehand")


class StageData(BaseModel):
    model_config = _FROZEN

    id: str
    name: str
    minutes: int
    interviewers: str | None
    aim: str
    competencies: list[str]
    questions: list[str] = Field(description="Ids of the main questions, in order")
    reserve: list[str] = Field(description="Ids of the reserve questions")
    requirements: list[str]


class KitData(BaseModel):
    """The kit's own model, versioned so that scripts can rely on it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_name: ClassVar[str] = "kit-data"

    format_version: Literal["1.0"] = FORMAT_VERSION
    role_id: str
    title: str
    company: str | None
    variant: int
    fields: list[str] = Field(description="The job families the role was found to belong to")
    drafts: list[str] = Field(description="Skills with draft questions: review before use")
    competencies: list[CompetencyData]
    stages: list[StageData]
    questions: list[QuestionData]
    warnings: list[str]


def _competency_id(comp: KitCompetency) -> str:
    if comp.sources and all(s not in (ROLE_FILE, "generated") for s in comp.sources):
        return "+".join(comp.sources)
    return slugify(comp.name, default="competency")


def _source(comp: KitCompetency) -> str:
    if comp.generated:
        return "draft"
    if comp.sources == (ROLE_FILE,):
        return "role"
    return "+".join(f"library:{s}" for s in comp.sources)


def _question_source(question: KitQuestion) -> str:
    if question.draft:
        return "draft"
    if question.custom:
        return "role"
    if question.source.startswith("kit:") or ":" in question.source:
        return question.source
    return f"library:{question.source}"


def kit_data(kit: Kit) -> KitData:
    from hirecli.builders.kit.data import kit_data as guide_data

    labels = guide_data("guide")["rating_labels"]
    comp_ids = {c.name: _competency_id(c) for c in kit.competencies}
    competencies = [
        CompetencyData(
            id=comp_ids[c.name],
            name=c.name,
            skills=list(c.covers),
            kind=c.kind,
            definition=c.definition,
            source=_source(c),
            family=c.family,
            match_method=c.how,
            match_confidence=c.confidence,
            weight=c.weight,
            must_have=c.must_have,
            anchors=[Anchor(rating=n, label=str(labels[n]), text=c.anchors[n - 1]) for n in (1, 2, 3, 4)],
        )
        for c in kit.competencies
    ]
    questions: list[QuestionData] = []
    stages: list[StageData] = []
    seen: dict[str, int] = {}
    for stage in kit.stages:
        stage_id = slugify(stage.name, default="stage")
        ids: dict[str, list[str]] = {"main": [], "reserve": []}
        groups: tuple[tuple[Literal["main", "reserve"], tuple[KitQuestion, ...]], ...] = (
            ("main", stage.questions),
            ("reserve", stage.reserve),
        )
        for role, group in groups:
            for question in group:
                comp_id = comp_ids.get(
                    question.competency, slugify(question.competency, default="competency")
                )
                base = (
                    question.source
                    if question.source and ":" not in question.source and question.source != ROLE_FILE
                    else f"{comp_id}-{question.type.replace('_', '-')}"
                )
                seen[base] = seen.get(base, 0) + 1
                qid = base if seen[base] == 1 else f"{base}-{seen[base]}"
                ids[role].append(qid)
                questions.append(
                    QuestionData(
                        id=qid,
                        competency=comp_id,
                        type=question.type,
                        minutes=question.minutes,
                        text=question.text,
                        probes=list(question.probes),
                        strong=list(question.strong),
                        red_flags=list(question.red_flags),
                        scoring_key=list(question.scoring_key),
                        role=role,
                        stage=stage_id,
                        prepare=question.prep,
                        source=_question_source(question)
                        if question.competency in comp_ids
                        else f"kit:{question.source}",
                    )
                )
        stages.append(
            StageData(
                id=stage_id,
                name=stage.name,
                minutes=stage.minutes,
                interviewers=stage.interviewers,
                aim=stage.aim,
                competencies=[comp_ids.get(n, slugify(n, default="competency")) for n in stage.competencies],
                questions=ids["main"],
                reserve=ids["reserve"],
                requirements=[r.text for r in stage.requirements],
            )
        )
    return KitData(
        role_id=kit.role_id,
        title=kit.title,
        company=kit.company,
        variant=kit.variant,
        fields=list(kit.fields),
        drafts=[s for c in kit.drafts for s in c.covers],
        competencies=competencies,
        stages=stages,
        questions=questions,
        warnings=list(kit.warnings),
    )


def kit_data_json(kit: Kit) -> str:
    return json.dumps(kit_data(kit).model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
