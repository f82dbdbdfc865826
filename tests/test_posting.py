"""The posting builder on the document tree: sections, wording, order, company profile, options."""

from __future__ import annotations

import datetime
import textwrap

import pytest

from hirecli.builders.posting.build import build_posting, build_posting_with_report, resolve_sections
from hirecli.builders.posting.facts import location_text
from hirecli.builders.posting.sections import experience_line
from hirecli.document import BulletList, Document, Heading, KeyFacts, Link, Paragraph, plain, to_dict
from hirecli.errors import UnknownFormatError, UsageError
from hirecli.model.company import Company
from hirecli.model.loader import load_company, load_role, load_role_text, load_text
from hirecli.model.role import Experience, Location, Role
from paths import ROLES, SEED_ROLE

DATE = datetime.date(2026, 1, 15)


def role_from(text: str) -> Role:
    return load_role_text(textwrap.dedent(text), "role.yaml").model


def company_from(text: str) -> Company:
    return load_text(textwrap.dedent(text), "company.yaml", Company).model


def headings(doc: Document, level: int = 2) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == level]


def lists_after(doc: Document, heading: str) -> list[list[str]]:
    """The bullet lists between ``heading`` and the next level-2 heading."""
    found: list[list[str]] = []
    inside = False
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level <= 2:
            inside = block.text == heading
        elif inside and isinstance(block, BulletList):
            found.append([plain(item) for item in block.items])
    return found


def all_text(doc: Document) -> str:
    return str(to_dict(doc)["blocks"])


@pytest.fixture(scope="module")
def seed() -> Role:
    return load_role(SEED_ROLE)


@pytest.fixture(scope="module")
def company() -> Company:
    return load_company(ROLES / "company.yaml")


def test_meta_and_title(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company, date=DATE)
    assert doc.meta.kind == "posting"
    assert doc.meta.title == "Mental Health Professional"
    assert doc.meta.company == "Fernhollow Commons Cooperative"
    assert doc.meta.date == "2026-01-15"
    assert doc.meta.role_id == "mental-health-professional"
    assert doc.meta.keywords == ("Healthcare", "Social Services", "Counseling", "Therapy")
    assert doc.meta.structured_data is not None
    assert '"@type": "JobPosting"' in doc.meta.structured_data
    assert doc.blocks[0] == Heading(1, "Mental Health Professional")


def test_no_structured_data_without_a_date(seed: Role, company: Company) -> None:
    assert build_posting(seed, company).meta.structured_data is None


def test_careers_sections_in_order(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company)
    assert headings(doc) == [
        "About the role",
        "What you'll do",
        "What you'll bring",
        "Nice to have",
        "Skills for this role",
        "Your career path",
        "Pay and benefits",
        "About Fernhollow Commons Cooperative",
        "Equal opportunity",
        "How to apply",
    ]


def test_key_facts(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company)
    facts = next(b for b in doc.blocks if isinstance(b, KeyFacts))
    assert [(label, plain(value)) for label, value in facts.facts] == [
        ("Pay", "$55,000 – $95,000 per year"),
        ("Location", "On-site — Denver, CO, United States"),
        ("Employment type", "Full-time"),
    ]


def test_every_list_keeps_the_role_files_order_and_wording(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company)
    assert lists_after(doc, "What you'll do") == [
        seed.responsibilities.primary,
        seed.responsibilities.secondary,
    ]
    assert lists_after(doc, "Skills for this role") == [
        [s.name for s in seed.skills.hard],
        [s.name for s in seed.skills.soft],
    ]
    path = seed.career_path
    assert lists_after(doc, "Your career path") == [path.entry_points, path.advancement, path.lateral_moves]
    assert lists_after(doc, "Pay and benefits") == [company.benefits]


def test_requirements_and_nice_to_have(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company)
    [required] = lists_after(doc, "What you'll bring")
    assert required == [*seed.education.minimum, "2-7 years of post-graduate clinical experience."]
    [preferred] = lists_after(doc, "Nice to have")
    assert preferred[:5] == [*seed.education.preferred, *seed.experience.preferred]
    assert preferred[5].startswith("A background in one of these fields: Social Work (MSW); ")


def test_must_have_skills_and_required_qualifications_are_requirements() -> None:
    role = role_from("""\
        title: Analyst
        skills:
          hard:
            - name: SQL
              must_have: true
              description: You write queries that others can read.
            - Excel
          soft:
            - name: Curiosity
              must_have: true
        qualifications:
          required: [A driver's license]
          preferred: [Spanish]
        experience: {min_years: 2, max_years: 5}
    """)
    [required] = lists_after(build_posting(role), "What you'll bring")
    assert required == [
        "2–5 years of relevant experience",
        "SQL: You write queries that others can read.",
        "Curiosity",
        "A driver's license",
    ]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (2, 7, "2–7 years of relevant experience"),
        (1, 1, "1 year of relevant experience"),
        (3, None, "At least 3 years of relevant experience"),
        (None, 4, "Up to 4 years of relevant experience"),
        (0, 2, "No previous experience required"),
        (None, None, None),
    ],
)
def test_experience_in_words(low: int | None, high: int | None, expected: str | None) -> None:
    assert experience_line(Experience(min_years=low, max_years=high)) == expected


def test_experience_description_is_used_as_written() -> None:
    experience = Experience(min_years=1, description="One year  in\nretail.")
    assert experience_line(experience) == "One year in retail."


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (Location(workplace="remote", remote_regions=["US", "CA"]), "Remote (United States, Canada)"),
        (
            Location(city="Chicago", region="IL", country="US", workplace="hybrid"),
            "Hybrid — Chicago, IL, United States",
        ),
        (Location(city="London", country="GB", workplace="hybrid"), "Hybrid — London, United Kingdom"),
        (Location(city="Oslo", country="NO", workplace="onsite"), "On-site — Oslo, Norway"),
        (Location(city="Oslo", country="NO"), "Oslo, Norway"),  # workplace not stated: no "On-site"
        (Location(workplace="remote"), "Remote"),
        (None, ""),
    ],
)
def test_location_wording(location: Location | None, expected: str) -> None:
    assert location_text(location) == expected


def test_without_a_company_profile_the_posting_still_reads_well() -> None:
    role = load_role(ROLES / "warehouse-associate.yaml")
    doc = build_posting(role, None, date=DATE)
    text = all_text(doc)
    assert "None" not in text
    assert "About Fernhollow" not in text
    assert "How to apply" not in headings(doc)
    assert "Equal opportunity" not in headings(doc)
    assert lists_after(doc, "Pay and benefits") == [role.benefits]
    for block in doc.blocks:
        if isinstance(block, BulletList):
            assert block.items
            assert all(plain(item).strip() for item in block.items)


def test_a_title_only_role_has_no_empty_sections() -> None:
    doc = build_posting(role_from("title: Gardener\n"))
    assert headings(doc, 1) == ["Gardener"]
    assert headings(doc) == []
    assert [type(b) for b in doc.blocks] == [Heading]  # no employment type is stated: no "Full-time"


def test_company_location_is_used_when_the_role_has_none(seed: Role, company: Company) -> None:
    assert seed.location is None
    facts = next(b for b in build_posting(seed, company).blocks if isinstance(b, KeyFacts))
    assert ("Location", "On-site — Denver, CO, United States") in [(k, plain(v)) for k, v in facts.facts]
    role = load_role(ROLES / "software-engineer.yaml")
    facts = next(b for b in build_posting(role, company).blocks if isinstance(b, KeyFacts))
    assert ("Location", "Remote (United States, Canada)") in [(k, plain(v)) for k, v in facts.facts]


def test_company_benefits_come_before_the_roles() -> None:
    role = load_role(ROLES / "registered-nurse.yaml")
    profile = load_company(ROLES / "company.yaml")
    [benefits] = lists_after(build_posting(role, profile), "Pay and benefits")
    assert benefits == [*profile.benefits, *role.benefits]


def test_pay_section_with_variable_pay() -> None:
    role = load_role(ROLES / "sales-development-representative.yaml")
    doc = build_posting(role)
    paras = [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Pay: $54,000 – $62,000 per year" in paras
    assert any(p.startswith("Additional pay: Uncapped commission") for p in paras)


def test_hourly_and_foreign_pay() -> None:
    doc = build_posting(load_role(ROLES / "marketing-intern.yaml"))
    facts = {k: plain(v) for k, v in next(b for b in doc.blocks if isinstance(b, KeyFacts)).facts}
    assert facts["Pay"] == "£15.75 – £17.00 per hour"
    assert facts["Employment type"] == "Internship"


def test_apply_links(company: Company) -> None:
    doc = build_posting(role_from("title: Cook\n"), company)
    start = doc.blocks.index(Heading(2, "How to apply"))
    [para] = [b for b in doc.blocks[start:] if isinstance(b, Paragraph)]
    links = [part for part in para.content if isinstance(part, Link)]
    assert [(link.text, link.url) for link in links] == [
        ("https://example.com/careers", "https://example.com/careers"),
        ("careers@example.com", "mailto:careers@example.com"),
    ]
    email_only = company_from("name: Acme\napply:\n  email: jobs@acme.example\n")
    doc = build_posting(role_from("title: Cook\n"), email_only)
    assert plain(doc.blocks[-1].content) == "Send your application to jobs@acme.example."  # type: ignore[union-attr]


def test_summary_paragraphs_and_line_breaks() -> None:
    role = role_from("""\
        title: Cook
        summary: |
          First line
          continues here.

          Second paragraph.
    """)
    doc = build_posting(role)
    paras = [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paras == ["First line continues here.", "Second paragraph."]


def test_sections_option_reorders_and_selects(seed: Role, company: Company) -> None:
    doc = build_posting(seed, company, sections=["pay", "summary", "career-path"])
    assert headings(doc) == ["Pay and benefits", "About the role", "Your career path"]


def test_unknown_section_is_a_usage_error_listing_known_ones() -> None:
    with pytest.raises(UnknownFormatError) as caught:
        resolve_sections(["summary", "benefitz"])
    assert "unknown section 'benefitz'" in caught.value.message
    assert "responsibilities" in caught.value.message
    with pytest.raises(UsageError):
        resolve_sections([" ", ""])


def test_max_bullets_caps_every_list_and_says_so(seed: Role, company: Company) -> None:
    result = build_posting_with_report(seed, company, max_bullets=2)
    assert lists_after(result.document, "What you'll do") == [seed.responsibilities.primary[:2]]
    assert lists_after(result.document, "Your career path") == [seed.career_path.entry_points[:2]]
    messages = [n.message for n in result.notices]
    assert any(
        m.startswith("--max-bullets 2: dropped the last 19 of 21 responsibilities: 'Provide evidence-based")
        for m in messages
    )
    assert any(
        m.startswith("--max-bullets 2: dropped the last 4 of 4 further responsibilities") for m in messages
    )
    assert not any(n.strict for n in result.notices)


def test_max_bullets_below_one_is_refused(seed: Role) -> None:
    with pytest.raises(UsageError):
        build_posting(seed, max_bullets=0)


def test_notes_appear_under_good_to_know() -> None:
    role = load_role(ROLES / "registered-nurse.yaml")
    doc = build_posting(role)
    index = doc.blocks.index(Heading(2, "Good to know"))
    assert plain(doc.blocks[index + 1].content).startswith("The yearly range is based on")  # type: ignore[union-attr]


def test_section_strings_for_templates(seed: Role, company: Company) -> None:
    strings = build_posting_with_report(seed, company).section_strings()
    assert strings["responsibilities"] == [*seed.responsibilities.primary, *seed.responsibilities.secondary]
    assert strings["summary"] == [" ".join(seed.summary.split())]  # type: ignore[union-attr]


def test_same_input_same_document(seed: Role, company: Company) -> None:
    first = build_posting(seed, company, date=DATE, valid_days=30)
    second = build_posting(
        load_role(SEED_ROLE), load_company(ROLES / "company.yaml"), date=DATE, valid_days=30
    )
    assert to_dict(first) == to_dict(second)
