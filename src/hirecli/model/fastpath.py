"""Role and company files that are plainly valid, checked by hand instead of by pydantic.

Building pydantic's validators for the role model (about 90 fields in 16 models) costs a
command more than reading, building and writing a posting together. Most files a command
reads are valid, and valid in plain ways, so the loader asks this module first: it checks a
mapping field by field with the model's own rules (the same field functions, the same model
validators) and, when it can vouch for every value, makes the model with ``model_construct``.
The first value it is not sure of, which includes every invalid one, sends the whole file to
pydantic, so that every error message and position stays exactly what the model says.

The tables below give each model's fields with the check and default the model has for them;
tests hold them to the models and compare this path with pydantic's on many files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from hirecli.model import fields
from hirecli.model.company import Apply, Company, Feeds
from hirecli.model.role import (
    CareerPath,
    Compensation,
    Competency,
    CustomQuestion,
    Education,
    Experience,
    InterviewPlan,
    LintExceptions,
    Location,
    Qualifications,
    Responsibilities,
    Role,
    Skill,
    Skills,
    Stage,
)

M = TypeVar("M", bound=BaseModel)
Check = Callable[[Any], Any]
REQUIRED = object()
"""The default of a field that has none."""


class Unsure(Exception):
    """A value this module cannot vouch for: pydantic decides."""


def _run(func: Callable[[Any], Any], value: Any) -> Any:
    """A validator of the model; whatever it raises makes the value one for pydantic."""
    try:
        return func(value)
    except Exception:
        raise Unsure from None


def _text(value: Any) -> Any:
    if type(value) is not str:
        raise Unsure
    return _run(fields.check_text, value)


def _line(value: Any) -> Any:
    return _run(fields.check_line, _text(value))


def _stage_name(value: Any) -> Any:
    return _run(fields.check_stage_name, _line(value))


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _listed(check: Check, min_length: int = 0, then: Check | None = None) -> Check:
    def each(value: Any) -> Any:
        if type(value) is not list or len(value) < min_length:
            raise Unsure
        found = [check(item) for item in value]
        return _run(then, found) if then else found

    return each


def _matching(pattern: str, then: Check | None = None, max_length: int = 10_000) -> Check:
    """Text that matches ``pattern`` as written, then passes ``then``.

    The patterns here are ASCII only: where the model's pattern has a Unicode class (``\\d``,
    ``\\S``), the one here is narrower, so that whatever it takes, the model takes too.
    """

    def check(value: Any) -> Any:  # re compiles a pattern on first use and keeps it
        if type(value) is not str or len(value) > max_length or not re.fullmatch(pattern, value):
            raise Unsure
        return then(value) if then else value

    return check


def _bounded(
    convert: Callable[[Any], Any], kinds: tuple[type, ...], low: int | None, high: int | None
) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not str:
            raise Unsure
        found = _run(convert, value)
        if (
            type(found) not in kinds
            or (low is not None and found < low)
            or (high is not None and found > high)
        ):
            raise Unsure
        return found

    return check


def _integer(low: int | None = None, high: int | None = None) -> Check:
    return _bounded(fields.to_int, (int,), low, high)


def _number(low: int | None = None, high: int | None = None) -> Check:
    return _bounded(fields.to_number, (int, float), low, high)


def _boolean(value: Any) -> Any:
    if type(value) is not str:
        raise Unsure
    found = _run(fields.to_bool, value)
    if type(found) is not bool:
        raise Unsure
    return found


def _one_of(*choices: str) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not str or value not in choices:
            raise Unsure
        return value

    return check


def _mapping(value: Any) -> Any:
    if type(value) is not dict or not all(type(key) is str for key in value):
        raise Unsure
    return dict(value)


class ModelCheck:
    """A model's fields, each with its check and its default, and the model's own validators."""

    def __init__(self, model: type[BaseModel], table: dict[str, tuple[Check, Any]]) -> None:
        self.model = model
        self.table = table
        self.required = frozenset(name for name, (_, made) in table.items() if made is REQUIRED)
        found = model.__pydantic_decorators__
        validators = list(found.model_validators.values())
        self.before = [getattr(model, v.cls_var_name) for v in validators if v.info.mode == "before"]
        self.after = [v.cls_var_name for v in validators if v.info.mode == "after"]
        config = model.model_config
        self.usable = (
            set(table) == set(model.model_fields)
            and config.get("extra") == "forbid"
            and config.get("strict") is True
            and all(v.info.mode in ("before", "after") for v in validators)
            and not (found.field_validators or found.validators or found.root_validators)
        )
        """False when the model has grown something this module does not know: pydantic decides."""

    def __call__(self, value: Any) -> Any:
        if not self.usable:
            raise Unsure
        for before in self.before:
            value = _run(before, value)
        if (
            type(value) is not dict
            or not value.keys() <= self.table.keys()
            or not self.required <= value.keys()
        ):
            raise Unsure
        values = {}
        for name, (check, made) in self.table.items():
            values[name] = check(value[name]) if name in value else made() if callable(made) else made
        built = self.model.model_construct(_fields_set=set(value), **values)
        for name in self.after:
            try:
                built = getattr(built, name)()
            except Exception:
                raise Unsure from None
        return built

    def empty(self) -> Any:
        """The model as its default factory makes it (``career_path`` when a role has none)."""
        return self({})


SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
URL = _optional(_matching(r"https?://[!-~]+", _line))
EMAIL = _optional(_matching(r"[!-?A-~]+@[!-?A-~]+\.[!-?A-~]+", _line))
TEXT = _optional(_text)
LINE = _optional(_line)
TEXTS = (_listed(_text), list)
LINES = (_listed(_line), list)
COUNTRY = _matching(r"[A-Z]{2}")
WEIGHT = (_number(1, 5), 1)
MUST_HAVE = (_boolean, False)

LOCATION = ModelCheck(
    Location,
    {
        "city": (LINE, None),
        "region": (LINE, None),
        "country": (_optional(COUNTRY), None),
        "postal_code": (LINE, None),
        "street_address": (LINE, None),
        "workplace": (_one_of("onsite", "hybrid", "remote"), "onsite"),
        "remote_regions": (_listed(COUNTRY), list),
    },
)
COMPENSATION = ModelCheck(
    Compensation,
    {
        "currency": (_matching(r"[A-Z]{3}", lambda value: _run(fields.iso_currency, value)), REQUIRED),
        "min": (_optional(_number()), None),
        "max": (_optional(_number()), None),
        "period": (_one_of("year", "month", "week", "day", "hour"), "year"),
        "variable_pay": (TEXT, None),
    },
)
SKILL = ModelCheck(
    Skill,
    {
        "name": (_line, REQUIRED),
        "must_have": MUST_HAVE,
        "description": (TEXT, None),
        "weight": WEIGHT,
        "competency": (_optional(_matching(SLUG, _line)), None),
    },
)
QUESTION = ModelCheck(
    CustomQuestion,
    {
        "text": (_text, REQUIRED),
        "type": (_one_of("behavioral", "situational", "technical", "work_sample"), "behavioral"),
        "probes": TEXTS,
        "strong": TEXTS,
        "red_flags": TEXTS,
        "minutes": (_integer(1, 90), 6),
        "scoring_key": TEXTS,
    },
)
STAGE = ModelCheck(
    Stage,
    {
        "name": (_stage_name, REQUIRED),
        "minutes": (_integer(5, 480), REQUIRED),
        "focus": LINES,
        "interviewers": (LINE, None),
    },
)
PLAN = ModelCheck(InterviewPlan, {"stages": (_listed(STAGE, 1, fields.distinct_stages), REQUIRED)})
CAREER = ModelCheck(CareerPath, {"entry_points": TEXTS, "advancement": TEXTS, "lateral_moves": TEXTS})
DUTIES = ModelCheck(Responsibilities, {"primary": TEXTS, "secondary": TEXTS})
SKILLS = ModelCheck(Skills, {"hard": (_listed(SKILL), list), "soft": (_listed(SKILL), list)})
EDUCATION = ModelCheck(Education, {"minimum": TEXTS, "preferred": TEXTS, "fields_of_study": TEXTS})
EXPERIENCE = ModelCheck(
    Experience,
    {
        "min_years": (_optional(_integer(0, 60)), None),
        "max_years": (_optional(_integer(0, 60)), None),
        "description": (TEXT, None),
        "preferred": TEXTS,
    },
)
QUALIFICATIONS = ModelCheck(Qualifications, {"required": TEXTS, "preferred": TEXTS})
COMPETENCY = ModelCheck(
    Competency,
    {
        "name": (_line, REQUIRED),
        "definition": (TEXT, None),
        "must_have": MUST_HAVE,
        "weight": WEIGHT,
        "questions": (_listed(QUESTION), list),
    },
)
LINT = ModelCheck(LintExceptions, {"allow": LINES, "disable": LINES})
ROLE = ModelCheck(
    Role,
    {
        "id": (_optional(_matching(SLUG, max_length=80)), None),
        "extends": (LINE, None),
        "abstract": (_boolean, False),
        "title": (_line, REQUIRED),
        "tags": LINES,
        "department": (LINE, None),
        "reports_to": (LINE, None),
        "occupation_code": (
            _optional(_matching(r"[0-9]{2}-[0-9]{4}(?:\.[0-9]{2})?", lambda v: _run(fields.ascii_code, v))),
            None,
        ),
        "openings": (_optional(_integer(1)), None),
        "employment_type": (
            _one_of("full_time", "part_time", "contract", "temporary", "internship", "per_diem", "volunteer"),
            "full_time",
        ),
        "schedule": (TEXT, None),
        "location": (_optional(LOCATION), None),
        "compensation": (_optional(COMPENSATION), None),
        "summary": (TEXT, None),
        "career_path": (CAREER, CAREER.empty),
        "responsibilities": (DUTIES, DUTIES.empty),
        "skills": (SKILLS, SKILLS.empty),
        "education": (EDUCATION, EDUCATION.empty),
        "experience": (EXPERIENCE, EXPERIENCE.empty),
        "qualifications": (QUALIFICATIONS, QUALIFICATIONS.empty),
        "benefits": TEXTS,
        "competencies": (_listed(COMPETENCY), list),
        "interview_plan": (_optional(PLAN), None),
        "notes": (TEXT, None),
        "lint": (LINT, LINT.empty),
    },
)
APPLY = ModelCheck(Apply, {"url": (URL, None), "email": (EMAIL, None)})
FEEDS = ModelCheck(
    Feeds,
    {
        "job_url": (URL, None),
        "publisher": (LINE, None),
        "publisher_url": (URL, None),
        "linkedin_company_id": (_optional(_matching(r"[0-9]+", _line)), None),
        "poster_email": (EMAIL, None),
    },
)
COMPANY = ModelCheck(
    Company,
    {
        "name": (_line, REQUIRED),
        "about": (TEXT, None),
        "benefits": TEXTS,
        "eeo_statement": (TEXT, None),
        "apply": (_optional(APPLY), None),
        "website": (URL, None),
        "logo_url": (URL, None),
        "location": (_optional(LOCATION), None),
        "interview_plan": (_optional(PLAN), None),
        "lint": (_optional(_mapping), None),
        "competencies": (LINE, None),
        "feeds": (_optional(FEEDS), None),
    },
)
CHECKS: dict[type[BaseModel], ModelCheck] = {Role: ROLE, Company: COMPANY}
"""The models whose files the fast path reads."""


def quick(data: dict[str, Any], model: type[M]) -> M | None:
    """``data`` as ``model`` when every value is plainly valid, else ``None`` (pydantic decides)."""
    check = CHECKS.get(model)
    if check is None:
        return None
    try:
        built = check(data)
    except Unsure:
        return None
    return built if isinstance(built, model) else None
