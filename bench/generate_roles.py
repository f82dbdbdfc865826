"""Write N varied, valid role files and a company profile, the same files for the same seed.

Role ``i`` depends only on the seed and ``i``, so the first 1,000 roles of a
10,000-role set are the 1,000-role set: batches of different sizes hold the same mix.
The YAML is written by hand (every string double-quoted, as JSON writes it), which
keeps 10,000 roles to a few seconds.

Usage: python bench/generate_roles.py N OUTDIR [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from role_data import (
    BENEFITS,
    EMPLOYMENT,
    EXPERIENCE_PREFERRED,
    FAMILIES,
    PLACES,
    QUALIFICATIONS_REQUIRED,
    QUESTIONS,
    SCHEDULES,
    SENIORITY,
    SHARED_DUTIES,
    SOFT_SKILLS,
    SPECIALTIES,
    STAGES,
    SUMMARY_CLOSINGS,
    SUMMARY_MIDDLES,
    SUMMARY_OPENINGS,
    WORKPLACES,
    Family,
    Place,
)

PLACE_WEIGHTS = [6 if place.country == "US" else 1 for place in PLACES]
"""Most roles are in the United States, as in most users' folders."""
PERIOD_DIVISORS = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def slugify(text: str) -> str:
    cleaned = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in cleaned.split("-") if part)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _round(value: float, period: str, currency: str) -> float | int:
    if currency in ("JPY", "INR"):
        return int(round(value, -4 if period == "year" else -2))
    if period == "hour":
        return round(value * 2) / 2
    if period in ("day", "week"):
        return int(round(value, -1))
    return int(round(value, -3 if period == "year" else -2))


def _compensation(rng: random.Random, family: Family, place: Place, employment: str) -> dict[str, Any] | None:
    if rng.random() < 0.08:
        return None
    if employment in ("per_diem", "temporary") or (
        family.name in ("logistics", "hospitality") and rng.random() < 0.6
    ):
        period = rng.choice(("hour", "hour", "day"))
    elif employment == "contract":
        period = rng.choice(("day", "week", "month"))
    elif place.monthly:
        period = "month"
    else:
        period = "year"
    low, high = family.salary
    start = rng.uniform(low, (low + high) / 2) * place.pay_factor / PERIOD_DIVISORS[period]
    spread = rng.uniform(1.1, 1.45)
    comp: dict[str, Any] = {"currency": place.currency, "min": _round(start, period, place.currency)}
    if rng.random() < 0.9:
        comp["max"] = max(comp["min"], _round(start * spread, period, place.currency))
    comp["period"] = period
    if family.name == "sales" and rng.random() < 0.7:
        comp["variable_pay"] = rng.choice(
            (
                "Uncapped commission on new business, paid monthly",
                "A quarterly bonus of up to 15% of base pay, tied to team targets",
            )
        )
    return comp


def _location(rng: random.Random, place: Place) -> dict[str, Any]:
    city, region = rng.choice(place.cities)
    workplace = rng.choice(WORKPLACES)
    location: dict[str, Any] = {"city": city}
    if region:
        location["region"] = region
    location["country"] = place.country
    location["workplace"] = workplace
    if workplace == "remote":
        others = [p.country for p in PLACES if p.country != place.country]
        location["remote_regions"] = [place.country, *rng.sample(others, rng.randint(0, 2))]
    return location


def _skill_entries(rng: random.Random, names: Sequence[str]) -> list[Any]:
    entries: list[Any] = []
    for name in names:
        roll = rng.random()
        if roll < 0.15:
            entries.append(
                {
                    "name": name,
                    "must_have": True,
                    "weight": rng.randint(2, 4),
                    "description": f"You use {name.lower()} in your daily work without close supervision.",
                }
            )
        elif roll < 0.3:
            entries.append({"name": name, "weight": rng.randint(1, 3)})
        else:
            entries.append(name)
    return entries


def _responsibilities(rng: random.Random, family: Family, count: int) -> dict[str, list[str]]:
    """The family's own duties first, shared ones as secondary; past both, duties with another aim."""
    own = list(family.duties)
    rng.shuffle(own)
    secondary_count = rng.randint(0, min(len(SHARED_DUTIES), count // 3))
    primary_count = count - secondary_count
    if primary_count > len(own):
        secondary_count = min(len(SHARED_DUTIES), count - len(own))
        primary_count = count - secondary_count
    primary: list[str] = []
    for index in range(primary_count):
        duty = own[index % len(own)]
        if index >= len(own) or rng.random() < 0.4:
            aim = (index // len(own) + rng.randrange(len(family.aims))) % len(family.aims)
            duty += " " + family.aims[aim]
        primary.append(duty + ".")
    secondary = [duty + "." for duty in rng.sample(SHARED_DUTIES, secondary_count)]
    return {"primary": list(dict.fromkeys(primary)), "secondary": secondary}


def _summary(rng: random.Random, family: Family, title: str) -> str:
    duty = _lower_first(rng.choice(family.duties))
    opening = rng.choice(SUMMARY_OPENINGS).format(
        title=title, duty=duty, aim=rng.choice(family.aims), department=family.department
    )
    middle = rng.sample(SUMMARY_MIDDLES, rng.randint(1, 3))
    return " ".join([opening, *middle, rng.choice(SUMMARY_CLOSINGS)])


def _interview(rng: random.Random, family: Family, skills: Sequence[str]) -> dict[str, Any]:
    stages = rng.sample(STAGES, rng.randint(2, 4))
    return {
        "stages": [
            {
                "name": name,
                "minutes": minutes,
                "focus": rng.sample(list(skills), min(len(skills), rng.randint(1, 3))),
            }
            for name, minutes in stages
        ]
    }


def _competencies(rng: random.Random, family: Family) -> list[dict[str, Any]]:
    duty = _lower_first(rng.choice(family.duties))
    return [
        {
            "name": "Judgment under pressure",
            "definition": "Makes sound, timely decisions when information is incomplete and time is short.",
            "must_have": True,
            "weight": 3,
            "questions": [rng.choice(QUESTIONS).format(duty=duty)],
        }
    ]


def build_role(index: int, seed: int) -> dict[str, Any]:
    """The role with number ``index`` for ``seed``, as plain data in the role file's key order."""
    rng = random.Random(f"{seed}:{index}")
    family = rng.choice(FAMILIES)
    place = rng.choices(PLACES, PLACE_WEIGHTS)[0]
    employment = rng.choice(EMPLOYMENT)
    title = (rng.choice(SENIORITY) + rng.choice(family.titles) + rng.choice(SPECIALTIES)).strip()
    if employment == "internship":
        title = rng.choice(family.titles) + " Intern"
    hard = rng.sample(family.hard, rng.randint(min(3, len(family.hard)), len(family.hard)))
    soft = rng.sample(SOFT_SKILLS, rng.randint(2, 8))
    count = min(25, max(3, int(rng.triangular(3, 26, 9))))
    min_years = rng.choice((0, 0, 1, 2, 3, 5, 7))
    role: dict[str, Any] = {
        "id": f"{slugify(title)}-{index:05d}",
        "title": title,
        "tags": [*rng.sample(family.tags, rng.randint(1, len(family.tags))), place.country],
        "department": family.department,
    }
    if rng.random() < 0.6:
        role["reports_to"] = rng.choice(family.leads_to)
    if rng.random() < 0.7:
        role["occupation_code"] = family.code
    if rng.random() < 0.3:
        role["openings"] = rng.randint(1, 12)
    role["employment_type"] = employment
    if rng.random() < 0.4:
        role["schedule"] = rng.choice(SCHEDULES)
    role["location"] = _location(rng, place)
    compensation = _compensation(rng, family, place, employment)
    if compensation:
        role["compensation"] = compensation
    role["summary"] = _summary(rng, family, title)
    role["career_path"] = {
        "entry_points": rng.sample(family.leads_from, rng.randint(1, len(family.leads_from))),
        "advancement": rng.sample(family.leads_to, rng.randint(1, len(family.leads_to))),
    }
    role["responsibilities"] = _responsibilities(rng, family, count)
    role["skills"] = {"hard": _skill_entries(rng, hard), "soft": _skill_entries(rng, soft)}
    role["education"] = {"minimum": [rng.choice(family.degrees)]}
    if rng.random() < 0.5:
        role["education"]["preferred"] = rng.sample(family.certificates, 1)
    role["experience"] = {
        "min_years": min_years,
        "max_years": min_years + rng.randint(2, 6),
        "description": f"At least {min_years} year{'s' * (min_years > 1)} of related work."
        if min_years
        else "No previous experience required; we train you.",
        "preferred": rng.sample(EXPERIENCE_PREFERRED, rng.randint(0, 3)),
    }
    role["qualifications"] = {"required": rng.sample(QUALIFICATIONS_REQUIRED, rng.randint(1, 3))}
    if rng.random() < 0.5:
        role["benefits"] = rng.sample(BENEFITS, rng.randint(2, 6))
    if rng.random() < 0.2:
        role["competencies"] = _competencies(rng, family)
    if rng.random() < 0.3:
        role["interview_plan"] = _interview(rng, family, hard[:4])
    return role


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def to_yaml(value: Any, indent: int = 0) -> Iterator[str]:
    """Block-style YAML lines for plain data (mappings, lists, strings, numbers)."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                yield f"{pad}{key}:"
                yield from to_yaml(item, indent + 2)
            elif isinstance(item, list):
                continue
            else:
                yield f"{pad}{key}: {_scalar(item)}"
    else:
        for item in value:
            if isinstance(item, dict):
                lines = list(to_yaml(item, indent + 2))
                yield f"{pad}- {lines[0].lstrip()}"
                yield from lines[1:]
            else:
                yield f"{pad}- {_scalar(item)}"


COMPANY: dict[str, Any] = {
    "name": "Brightwater Example Group",
    "about": "Brightwater Example Group runs clinics, warehouses, schools and field crews in "
    "fourteen countries. We are a fictional employer used to measure hirecli.",
    "benefits": [
        "Medical, dental and vision coverage",
        "Paid time off from your first month",
        "A yearly learning budget",
    ],
    "eeo_statement": "Brightwater Example Group is an equal opportunity employer. We hire on the work "
    "and what each person brings to it, never on any status protected by law. Ask us "
    "for any accommodation you need while applying.",
    "apply": {"url": "https://example.com/jobs", "email": "jobs@example.com"},
    "website": "https://example.com",
    "location": {"city": "Denver", "region": "CO", "country": "US", "workplace": "hybrid"},
}


def write_roles(count: int, outdir: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` role files and ``company.yaml`` into ``outdir``; return the role files."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "company.yaml").write_text("\n".join(to_yaml(COMPANY)) + "\n", encoding="utf-8")
    written = []
    for index in range(count):
        role = build_role(index, seed)
        path = outdir / f"{role['id']}.yaml"
        path.write_text("\n".join(to_yaml(role)) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, help="how many role files to write")
    parser.add_argument("outdir", type=Path, help="folder to write them into (created if needed)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same files (default 1)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("count must be 0 or more")
    write_roles(args.count, args.outdir, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
