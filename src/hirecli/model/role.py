"""The role file model: what a role YAML file may hold, and how it is checked."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from hirecli.model.fields import (
    STRICT,
    Bool,
    CountryCode,
    CurrencyCode,
    Int,
    Line,
    Number,
    OccupationCode,
    Slug,
    StageName,
    Text,
    distinct_stages,
)
from hirecli.pay import amount_problem, plain_number

EmploymentType = Literal[
    "full_time", "part_time", "contract", "temporary", "internship", "per_diem", "volunteer"
]
Workplace = Literal["onsite", "hybrid", "remote"]
PayPeriod = Literal["year", "month", "week", "day", "hour"]
QuestionType = Literal["behavioral", "situational", "technical", "work_sample"]


def _cross_field(field: str, message: str) -> PydanticCustomError:
    """An error that the loader places at ``field`` inside the failing mapping."""
    return PydanticCustomError("cross_field", message, {"field": field})


class Location(BaseModel):
    model_config = STRICT

    city: Line | None = None
    region: Line | None = Field(None, description="State or province code, e.g. CO")
    country: CountryCode | None = None
    postal_code: Line | None = None
    street_address: Line | None = None
    workplace: Workplace = "onsite"
    remote_regions: list[CountryCode] = Field(
        default_factory=list,
        description="For remote roles: ISO country codes where applicants may live",
    )


class Compensation(BaseModel):
    model_config = STRICT

    @property
    def is_set(self) -> bool:
        """True when there is an amount to show."""
        return self.min is not None

    currency: CurrencyCode
    min: Number | None = Field(
        None, description="Lowest pay of the range, in `currency` per `period`; empty until decided"
    )
    max: Number | None = Field(None, description="Highest pay of the range; omit for a fixed rate")
    period: PayPeriod = "year"
    variable_pay: Text | None = Field(None, description="Commission, bonus or equity, as text")

    @model_validator(mode="after")
    def _range(self) -> Compensation:
        if self.min is None:
            if self.max is not None:
                raise _cross_field("min", "compensation.max is set but compensation.min is not")
            return self
        if self.min <= 0:
            raise _cross_field("min", "compensation.min must be greater than 0")
        for field in ("min", "max"):
            value = getattr(self, field)
            problem = (
                None
                if value is None
                else amount_problem(value, self.currency, self.period, f"compensation.{field}")
            )
            if problem:
                raise _cross_field(field, problem)
        if self.max is not None and self.max < self.min:
            raise _cross_field(
                "max",
                f"compensation.max ({plain_number(self.max)}) is less than compensation.min "
                f"({plain_number(self.min)})",
            )
        return self


class CareerPath(BaseModel):
    model_config = STRICT

    entry_points: list[Text] = Field(default_factory=list)
    advancement: list[Text] = Field(default_factory=list)
    lateral_moves: list[Text] = Field(default_factory=list)


class Responsibilities(BaseModel):
    model_config = STRICT

    primary: list[Text] = Field(default_factory=list)
    secondary: list[Text] = Field(default_factory=list)


class Skill(BaseModel):
    """A skill: written as plain text, or as a mapping with details."""

    model_config = STRICT

    name: Line
    must_have: Bool = False
    description: Text | None = None
    weight: Number = Field(1, ge=1, le=5, description="Weight on the scorecard, 1-5")
    competency: Line | None = Field(
        None,
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        description="Pin the library competency this skill is assessed by (an id from "
        "`hirecli competencies`), or `none` to refuse any match",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        mapping = handler(core_schema)
        return {"anyOf": [{"type": "string", "minLength": 1}, mapping]}


class Skills(BaseModel):
    model_config = STRICT

    hard: list[Skill] = Field(default_factory=list)
    soft: list[Skill] = Field(default_factory=list)


class Education(BaseModel):
    model_config = STRICT

    minimum: list[Text] = Field(default_factory=list)
    preferred: list[Text] = Field(default_factory=list)
    fields_of_study: list[Text] = Field(default_factory=list)


class Experience(BaseModel):
    model_config = STRICT

    min_years: Int | None = Field(None, ge=0, le=60)
    max_years: Int | None = Field(None, ge=0, le=60)
    description: Text | None = Field(None, description="The experience asked for, in words")
    preferred: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _range(self) -> Experience:
        if self.min_years is not None and self.max_years is not None and self.max_years < self.min_years:
            raise _cross_field(
                "max_years",
                f"experience.max_years ({self.max_years}) is less than "
                f"experience.min_years ({self.min_years})",
            )
        return self


class Qualifications(BaseModel):
    model_config = STRICT

    required: list[Text] = Field(default_factory=list)
    preferred: list[Text] = Field(default_factory=list)


class CustomQuestion(BaseModel):
    """An interview question written by the hiring team, used as given."""

    model_config = STRICT

    text: Text
    type: QuestionType = "behavioral"
    probes: list[Text] = Field(default_factory=list)
    strong: list[Text] = Field(default_factory=list, description="What a strong answer shows")
    red_flags: list[Text] = Field(default_factory=list)
    minutes: Int = Field(6, ge=1, le=90)
    scoring_key: list[Text] = Field(
        default_factory=list,
        description="What a correct answer contains (for technical questions and work samples)",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        mapping = handler(core_schema)
        return {"anyOf": [{"type": "string", "minLength": 1}, mapping]}


class Competency(BaseModel):
    """A competency declared in the role file, besides its skills."""

    model_config = STRICT

    name: Line
    definition: Text | None = None
    must_have: Bool = False
    weight: Number = Field(1, ge=1, le=5)
    questions: list[CustomQuestion] = Field(default_factory=list)


class Stage(BaseModel):
    model_config = STRICT

    name: StageName
    minutes: Int = Field(ge=5, le=480)
    focus: list[Line] = Field(
        default_factory=list, description="Competency or skill names this stage assesses"
    )
    interviewers: Line | None = None


class InterviewPlan(BaseModel):
    model_config = STRICT

    stages: Annotated[list[Stage], AfterValidator(distinct_stages)] = Field(min_length=1)


class LintExceptions(BaseModel):
    """Inline lint exceptions: words that are right in this role's context."""

    model_config = STRICT

    allow: list[Line] = Field(default_factory=list, description="Terms the linter accepts here")
    disable: list[Line] = Field(default_factory=list, description="Rule ids to skip for this role")


class Role(BaseModel):
    """One role: the source every posting, interview kit and scorecard is built from."""

    model_config = STRICT

    id: Slug | None = Field(None, description="Slug [a-z0-9-]; default: the file's stem")
    extends: Line | None = Field(
        None,
        description="The role this one builds on: a file path relative to this file, or a role id "
        "in the catalogue. Every field is inherited; a value written here replaces the "
        "inherited one, mappings are merged key by key, and a list is replaced unless "
        "written as {add: [...], remove: [...]}",
    )
    abstract: Bool = Field(
        False,
        description="A family or level file that other roles extend: validated and linted, but "
        "left out of exports, feeds and diffs of a folder",
    )
    title: Line
    tags: list[Line] = Field(default_factory=list)
    department: Line | None = None
    reports_to: Line | None = None
    occupation_code: OccupationCode | None = Field(
        None, pattern=r"^\d{2}-\d{4}(\.\d{2})?$", description="O*NET-SOC code, e.g. 21-1014.00"
    )
    openings: Int | None = Field(None, ge=1)
    employment_type: EmploymentType = "full_time"
    schedule: Text | None = Field(None, description="Hours or shifts, in words")
    location: Location | None = None
    compensation: Compensation | None = None
    summary: Text | None = None
    career_path: CareerPath = Field(default_factory=CareerPath)
    responsibilities: Responsibilities = Field(default_factory=Responsibilities)
    skills: Skills = Field(default_factory=Skills)
    education: Education = Field(default_factory=Education)
    experience: Experience = Field(default_factory=Experience)
    qualifications: Qualifications = Field(default_factory=Qualifications)
    benefits: list[Text] = Field(default_factory=list)
    competencies: list[Competency] = Field(default_factory=list)
    interview_plan: InterviewPlan | None = None
    notes: Text | None = Field(None, description="Text that has no other place (kept by import)")
    lint: LintExceptions = Field(default_factory=LintExceptions)

    @property
    def slug(self) -> str:
        """The role's id; loaders fill it from the file name when absent."""
        return self.id or "role"

    @property
    def all_skills(self) -> list[Skill]:
        return [*self.skills.hard, *self.skills.soft]
