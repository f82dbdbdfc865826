"""The seed job description imports to the same role as the hand-made file, and the same
posting.

The real scraped page lives outside the repository (``paths.SEED_TEXT``); where it is
missing (a fresh clone), the page is rebuilt from the hand-made role in the same shape,
scrape damage included, so the comparison always runs.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from hirecli.builders.posting.build import build_posting, build_posting_with_report
from hirecli.document import to_dict
from hirecli.importers import Imported, import_path, import_text
from hirecli.model.loader import load_company, load_role
from hirecli.model.role import Role
from paths import ROLES, SEED_ROLE, SEED_TEXT

NOT_IN_THE_TEXT = {"occupation_code", "employment_type"}
"""The seed page states neither an O*NET-SOC code nor an employment type; the hand-made
role adds both, and the importer invents neither."""


def seed_shaped_text(role: Role) -> str:
    """The page the seed was scraped from, rebuilt from ``role``: emoji headings, "•"
    bullets, run-together tags, a navigation line and one bullet that lost its first letter."""
    assert role.compensation is not None
    assert role.summary is not None
    out = [
        "Back to Home",
        "",
        f"Key Responsibilities and Required Skills for a {role.title}",
        "",
        f"\N{MONEY BAG} ${role.compensation.min:,.0f} - ${role.compensation.max:,.0f}",
        "",
        "".join(role.tags),
        "",
        "\N{DIRECT HIT} Role Definition",
        "",
        role.summary,
        "",
        "",
        "\N{CHART WITH UPWARDS TREND} Career Progression",
        "",
        "Typical Career Path",
        "",
    ]

    def bullets(heading: str, items: list[str], damaged: int | None = None) -> None:
        out.extend([heading, ""])
        for index, item in enumerate(items):
            out.append(f"    -{item[1:]}" if index == damaged else f"  \N{BULLET} {item}")
        out.append("")

    path = role.career_path
    bullets("Entry Point From:", path.entry_points)
    bullets("Advancement To:", path.advancement)
    bullets("Lateral Moves:", path.lateral_moves)
    out += ["Core Responsibilities", ""]
    bullets("Primary Functions", role.responsibilities.primary, damaged=13)
    bullets("Secondary Functions", role.responsibilities.secondary)
    out += ["Required Skills & Competencies", ""]
    bullets("Hard Skills (Technical)", [s.name for s in role.skills.hard])
    bullets("Soft Skills", [s.name for s in role.skills.soft])
    out += ["Education & Experience", "", "Educational Background", ""]
    bullets("Minimum Education:", role.education.minimum)
    bullets("Preferred Education:", role.education.preferred)
    bullets("Relevant Fields of Study:", role.education.fields_of_study)
    out += ["Experience Requirements", "", f"Typical Experience Range: {role.experience.description}", ""]
    bullets("Preferred:", role.experience.preferred)
    return "\n".join(out).rstrip("\n")


@pytest.fixture(scope="module")
def hand_made() -> Role:
    return load_role(SEED_ROLE)


@pytest.fixture(scope="module", params=["scraped page", "rebuilt page"])
def imported(request: pytest.FixtureRequest, hand_made: Role) -> Imported:
    if request.param == "scraped page":
        if not Path(SEED_TEXT).is_file():
            pytest.skip(f"the scraped seed page is not here ({SEED_TEXT.name}); the rebuilt one runs")
        return import_path(str(SEED_TEXT))
    return import_text(seed_shaped_text(hand_made), "seed-job-description.txt")


def _without(role: Role, fields: set[str]) -> dict[str, Any]:
    return role.model_dump(exclude=fields)


def test_same_content_as_the_hand_made_role(imported: Imported, hand_made: Role) -> None:
    assert _without(imported.built.role, NOT_IN_THE_TEXT) == _without(hand_made, NOT_IN_THE_TEXT)


def test_every_section_holds_the_seed_items(imported: Imported, hand_made: Role) -> None:
    role = imported.built.role
    assert role.title == "Mental Health Professional"
    assert role.tags == ["Healthcare", "Social Services", "Counseling", "Therapy"]
    assert len(role.responsibilities.primary) == 21
    assert len(role.responsibilities.secondary) == 4
    assert [len(role.skills.hard), len(role.skills.soft)] == [12, 8]
    assert role.responsibilities.primary == hand_made.responsibilities.primary
    assert role.skills == hand_made.skills
    assert role.career_path == hand_made.career_path
    assert role.education == hand_made.education
    assert role.experience == hand_made.experience
    assert (role.experience.min_years, role.experience.max_years) == (2, 7)
    assert role.compensation is not None
    assert (role.compensation.min, role.compensation.max) == (55000, 95000)
    assert (role.compensation.currency, role.compensation.period) == ("USD", "year")
    assert role.summary == hand_made.summary


def test_the_damaged_bullet_is_mended_and_reported(imported: Imported) -> None:
    mends = imported.report.mends
    assert [m.after[:8] for m in mends] == ["Maintain"]
    assert mends[0].before.startswith("-aintain")
    assert mends[0].sure


def test_nothing_is_lost_or_parked(imported: Imported) -> None:
    report = imported.report
    assert [a.text for a in report.dropped] == ["Back to Home"]
    assert report.notes == []
    assert report.warnings == []
    assert "notes" not in imported.built.data
    assert all(s.confidence == 1.0 for s in report.sections)


def test_the_posting_carries_the_same_content(imported: Imported, hand_made: Role) -> None:
    company = load_company(ROLES / "company.yaml")
    role = imported.built.role
    completed = role.model_copy(update={name: getattr(hand_made, name) for name in NOT_IN_THE_TEXT})
    assert to_dict(build_posting(completed, company)) == to_dict(build_posting(hand_made, company))
    assert to_dict(build_posting(completed)) == to_dict(build_posting(hand_made))
    date = datetime.date(2026, 1, 15)
    assert to_dict(build_posting(completed, company, date=date)) == to_dict(
        build_posting(hand_made, company, date=date)
    )


def test_the_posting_of_the_import_invents_nothing(imported: Imported) -> None:
    role = imported.built.role
    assert "employment_type" not in imported.built.data
    result = build_posting_with_report(role, date=datetime.date(2026, 1, 15))
    assert all(label != "Employment type" for label, _ in result.facts)
    assert "employmentType" not in (result.jsonld or {})
    assert "Full-time" not in str(to_dict(result.document))


def test_the_written_file_keeps_the_documented_key_order(imported: Imported) -> None:
    text = imported.built.text
    assert text.startswith("# yaml-language-server: $schema=../schema/role.schema.json\n")
    keys = [line.split(":")[0] for line in text.splitlines()[1:] if line[:1].isalpha()]
    order = list(Role.model_fields)
    assert keys == sorted(keys, key=order.index)
    assert keys[:3] == ["id", "title", "tags"]


def test_the_rebuilt_page_is_the_scraped_page(hand_made: Role) -> None:
    if not Path(SEED_TEXT).is_file():
        pytest.skip("the scraped seed page is not here to compare with")
    assert seed_shaped_text(hand_made) == Path(SEED_TEXT).read_text("utf-8")
