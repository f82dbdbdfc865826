"""The importer's parts on their own: pay, facts, headings, line classes, mends, YAML."""

from __future__ import annotations

import pytest
import yaml

from hirecli.importers.classify import classify, is_noise
from hirecli.importers.fields import (
    employment_details,
    employment_type,
    experience_years,
    is_run_together,
    split_tags,
)
from hirecli.importers.lines import RawLine
from hirecli.importers.location import parse_location
from hirecli.importers.mend import clean_line, mend_dash_bullet
from hirecli.importers.money import find_pay
from hirecli.importers.route import route
from hirecli.importers.sections import match_heading, segment
from hirecli.importers.titles import clean_title, title_in, uncap
from hirecli.importers.yamlout import Flow, Folded, dump_yaml
from hirecli.model.loader import load_role_text
from hirecli.readers.docx import read_docx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$55,000 - $95,000", ("USD", 55000, 95000, "year", False)),
        ("$140k–$175k", ("USD", 140000, 175000, "year", False)),
        ("USD 78,000 to 104,000 annually", ("USD", 78000, 104000, "year", True)),
        ("$19.50 - $23.00 per hour", ("USD", 19.5, 23, "hour", True)),
        ("£32,000 a year", ("GBP", 32000, None, "year", True)),
        ("€45.000–€55.000", ("EUR", 45000, 55000, "year", False)),
        ("$23 - $27", ("USD", 23, 27, "hour", False)),
        ("$50-60k", ("USD", 50000, 60000, "year", False)),
        ("CA$52,000 - CA$60,000 annually", ("CAD", 52000, 60000, "year", True)),
        ("A$95,000 to A$110,000 plus super", ("AUD", 95000, 110000, "year", False)),
        ("₹8,00,000 - ₹12,00,000 per annum", ("INR", 800000, 1200000, "year", True)),
        ("¥4,500,000 per year", ("JPY", 4500000, None, "year", True)),
        ("60,000 - 72,000 CAD per year", ("CAD", 60000, 72000, "year", True)),
        ("$4,000 per month", ("USD", 4000, None, "month", True)),
        ("$1,950 - $2,300 per week", ("USD", 1950, 2300, "week", True)),
        ("$180 a day", ("USD", 180, None, "day", True)),
        ("$22/hr", ("USD", 22, None, "hour", True)),
        ("up to $35 an hour", ("USD", None, 35, "hour", True)),
        ("from £30,000", ("GBP", 30000, None, "year", False)),
        ("$120K+ plus equity", ("USD", 120000, None, "year", False)),
        ("$95,000 - $55,000", ("USD", 55000, 95000, "year", False)),
    ],
)
def test_pay_forms(text: str, expected: tuple[object, ...]) -> None:
    pay = find_pay(text)
    assert pay is not None
    assert (pay.currency, pay.min, pay.max, pay.period, pay.period_stated) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2-7 years of post-graduate clinical experience.",
        "Lift up to 50 pounds",
        "Work 40 hours per week",
        "A 10% annual bonus",
        "Version 3.12 of Python",
        "$0 - $10 per hour",
    ],
)
def test_not_pay(text: str) -> None:
    assert find_pay(text) is None


def test_pay_needs_a_sign_unless_the_context_says_pay() -> None:
    assert find_pay("55,000 - 95,000") is None
    pay = find_pay("55,000 - 95,000", context=True)
    assert pay is not None
    assert (pay.min, pay.max, pay.currency) == (55000, 95000, "USD")


def test_pay_keeps_the_variable_part() -> None:
    pay = find_pay("The range is $78,000 to $104,000 per year, plus an annual bonus of up to 10%.")
    assert pay is not None
    assert pay.variable
    assert pay.extra == "An annual bonus of up to 10%."
    bonus = find_pay("A $2,000 sign-on bonus")
    assert bonus is not None
    assert not bonus.pay_only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2-7 years of post-graduate clinical experience.", (2, 7)),
        ("At least two years of post-licensure experience", (2, None)),
        ("5+ years of experience", (5, None)),
        ("Three to five years in a similar role", (3, 5)),
        ("minimum of 4 yrs in retail", (4, None)),
        ("3 years of experience in sales", (3, None)),
        ("6 months of warehouse experience", (None, None)),
        ("Must be 18 years or older", None),
        ("at least 18 years of age", None),
        ("Strong SQL skills", None),
    ],
)
def test_experience_ranges(text: str, expected: tuple[int | None, int | None] | None) -> None:
    assert experience_years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denver, CO", ("Denver", "CO", "US", None, None, [])),
        ("Aurora, CO 80011", ("Aurora", "CO", "US", "80011", None, [])),
        ("Toronto, ON", ("Toronto", "ON", "CA", None, None, [])),
        ("Austin, Texas", ("Austin", "TX", "US", None, None, [])),
        ("Berlin, Germany", ("Berlin", None, "DE", None, None, [])),
        ("Remote (US only)", (None, None, None, None, "remote", ["US"])),
        ("Remote - US or Canada", (None, None, None, None, "remote", ["US", "CA"])),
        ("Hybrid", (None, None, None, None, "hybrid", [])),
        ("Oslo, Norway (on-site)", ("Oslo", None, "NO", None, "onsite", [])),
    ],
)
def test_locations(text: str, expected: tuple[object, ...]) -> None:
    place = parse_location(text)
    assert place is not None
    found = (
        place.city,
        place.region,
        place.country,
        place.postal_code,
        place.workplace,
        place.remote_regions,
    )
    assert found == expected


def test_unlabeled_location_must_be_fully_understood() -> None:
    assert parse_location("Leeds, UK (Hybrid, 3 days in office)") is None
    place = parse_location("Leeds, UK (Hybrid, 3 days in office)", labeled=True)
    assert place is not None
    found = (place.city, place.country, place.workplace, place.leftover)
    assert found == ("Leeds", "GB", "hybrid", ["3 days"])
    assert parse_location("We value honesty") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Full-time", "full_time"),
        ("Part time", "part_time"),
        ("PRN", "per_diem"),
        ("Temporary (six-month contract)", "temporary"),
        ("Internship", "internship"),
        ("Contract-to-hire", "contract"),
        ("Seasonal", "temporary"),
    ],
)
def test_employment_types(text: str, expected: str) -> None:
    assert employment_type(text) == expected


def test_employment_details_beyond_the_type() -> None:
    assert employment_details("Part-time (24 hours a week)") == "24 hours a week"
    assert employment_details("Full-time, permanent") == ""
    assert employment_details("Contract") == ""


def test_run_together_tags() -> None:
    line = "HealthcareSocial ServicesCounselingTherapy"
    assert is_run_together(line)
    assert split_tags(line) == ["Healthcare", "Social Services", "Counseling", "Therapy"]
    assert split_tags("DevOpsCloudSoftware Engineering") == ["DevOps", "Cloud", "Software Engineering"]
    assert split_tags("Nursing, Healthcare | Remote") == ["Nursing", "Healthcare", "Remote"]
    for ordinary in ("iOS Developer", "McDonald's Shift Manager", "LinkedIn Recruiter", "Senior Nurse"):
        assert not is_run_together(ordinary)


def test_titles() -> None:
    assert title_in("Key Responsibilities and Required Skills for a Mental Health Professional") == (
        "Mental Health Professional"
    )
    assert title_in("Job Description: Line Cook") == "Line Cook"
    assert title_in("Registered Nurse - Job Description") == "Registered Nurse"
    assert title_in("We're hiring: Data Analyst!") == "Data Analyst"
    assert title_in("Responsibilities") is None
    assert clean_title("Senior Data Analyst (Remote)") == ("Senior Data Analyst", "remote", None)
    assert clean_title("Online Math Tutor (Part-time)") == ("Online Math Tutor", None, "part_time")
    assert clean_title("Nurse - Night Shift") == ("Nurse - Night Shift", None, None)
    assert uncap("TRAVEL RN - ICU STEP-DOWN") == "Travel RN - ICU Step-Down"


@pytest.mark.parametrize(
    ("heading", "kind", "confidence"),
    [
        ("Role Definition", "summary", 1.0),
        ("🎯 Role Definition", "summary", 1.0),
        ("WHAT YOU'LL DO", "responsibilities", 1.0),
        ("What You’ll Do:", "responsibilities", 1.0),
        ("Hard Skills (Technical)", "skills.hard", 1.0),
        ("Required Skills & Competencies", "skills", 1.0),
        ("Education + Experience", "education_experience", 1.0),
        ("Entry Point From:", "career_path.entry_points", 1.0),
        ("Our Core Benefits", "benefits", 0.9),
        ("What you bring to the table", "requirements", 0.7),
        ("Responsibilites", "responsibilities", 0.7),
        ("Qualificatons", "requirements", 0.6),
        ("Preferred", "qualifier.preferred", 1.0),
        ("Why travelers love us", "benefits", 0.7),
    ],
)
def test_heading_matches(heading: str, kind: str, confidence: float) -> None:
    found = match_heading(heading)
    assert found is not None
    assert (found.kind, found.confidence) == (kind, confidence)


def test_unknown_headings() -> None:
    assert match_heading("Sundries and odds") is None
    assert match_heading("") is None


def _blocks(text: str) -> list[tuple[str, str]]:
    lines = [RawLine(line, number) for number, line in enumerate(text.splitlines(), 1)]
    blocks, _ = classify(lines)
    return [(b.kind, b.text) for b in blocks]


def test_bullet_kinds_and_wrapped_lines() -> None:
    text = (
        "- dash\n* star\n• dot\n– en dash\n· middle dot\n1. one\n2) two\n(3) three\n"
        "✔ tick\n- a bullet that wraps\n  onto the next line\n- and one that\ncontinues in lower case\n"
    )
    assert _blocks(text) == [
        ("bullet", "dash"),
        ("bullet", "star"),
        ("bullet", "dot"),
        ("bullet", "en dash"),
        ("bullet", "middle dot"),
        ("bullet", "one"),
        ("bullet", "two"),
        ("bullet", "three"),
        ("bullet", "tick"),
        ("bullet", "a bullet that wraps onto the next line"),
        ("bullet", "and one that continues in lower case"),
    ]


def test_heading_cues() -> None:
    text = (
        "RESPONSIBILITIES\n- a\nThings we like:\n- b\n**Perks**\n- c\n🚀 Our Mission\n"
        "We go far.\nExperience\n- d\nPhysical Demands\n- e\n"
    )
    kinds = _blocks(text)
    headings = [text for kind, text in kinds if kind == "heading"]
    assert headings == [
        "RESPONSIBILITIES",
        "Things we like",
        "Perks",
        "Our Mission",
        "Experience",
        "Physical Demands",
    ]


def test_label_lines_split_into_heading_and_value() -> None:
    blocks = _blocks("Typical Experience Range: 2-7 years of clinical work.\nLocation: Leeds\n")
    assert blocks == [
        ("heading", "Typical Experience Range"),
        ("paragraph", "2-7 years of clinical work."),
        ("paragraph", "Location: Leeds"),
    ]


def test_emoji_lines() -> None:
    blocks = _blocks(
        "💰 $55,000 - $95,000\n\n🎯 Role Definition\n\n✅ Medical, dental and vision cover\n"
        "✅ A pension with a 5% match\n"
    )
    assert blocks == [
        ("paragraph", "$55,000 - $95,000"),
        ("heading", "Role Definition"),
        ("bullet", "Medical, dental and vision cover"),
        ("bullet", "A pension with a 5% match"),
    ]


def test_navigation_noise() -> None:
    for text in (
        "Back to Home",
        "Apply now",
        "Share this job",
        "Posted 3 days ago",
        "Show more",
        "Home > Careers > Nurse",
        "Job ID: 12345",
        "1,204 applicants",
    ):
        assert is_noise(text), text
    for text in ("Requirements", "Home care visits", "Apply first aid when needed", "Job ID holders"):
        assert not is_noise(text), text


def test_damaged_bullets() -> None:
    fixed, mend = mend_dash_bullet("-aintain a caseload", 4)
    assert fixed == "Maintain a caseload"
    assert mend.sure
    kept, doubt = mend_dash_bullet("-xyzzy the thing", 5)
    assert kept == "-xyzzy the thing"
    assert not doubt.sure
    guessed, guess = mend_dash_bullet("-rain new staff", 6)
    assert guessed == "Train new staff"
    blocks = _blocks("- Keep records.\n-aintain a caseload.\n-Review notes.\n")
    assert blocks == [
        ("bullet", "Keep records."),
        ("bullet", "Maintain a caseload."),
        ("bullet", "Review notes."),
    ]
    assert guess.reason


def test_dash_words_outside_lists_stay_text() -> None:
    assert _blocks("Hello there, team.\n\n-based pay is not a bullet here\n") == [
        ("paragraph", "Hello there, team."),
        ("paragraph", "-based pay is not a bullet here"),
    ]


def test_clean_line_mends() -> None:
    text, mends = clean_line("You\u00e2\u20ac\u2122ll lead &amp; learn\u200b", 3, entities=True)
    assert text == "You\u2019ll lead & learn"
    assert [m.reason.split()[0] for m in mends] == ["repaired", "replaced"]
    same, none = clean_line("Caf\u00e9 and cr\u00e8me", 1, entities=True)
    assert (same, none) == ("Caf\u00e9 and cr\u00e8me", [])
    controlled, found = clean_line("bad\x07bell", 2, entities=False)
    assert controlled == "badbell"
    assert found


def test_nested_headings_take_meaning_from_above() -> None:
    lines = [
        RawLine(t, n)
        for n, t in enumerate(
            [
                "Education",
                "Preferred:",
                "- a",
                "Experience",
                "Preferred:",
                "- b",
                "Requirements",
                "Preferred",
                "- c",
            ],
            1,
        )
    ]
    blocks, _ = classify(lines)
    kinds = [s.kind for s in segment(blocks)][1:]
    assert kinds == [
        "education",
        "education.preferred",
        "experience",
        "experience.preferred",
        "requirements",
        "preferred",
    ]


@pytest.mark.parametrize(
    "value",
    [
        "NO",
        "yes",
        "Off",
        "y",
        "N",
        "~",
        "1.10",
        "21-1014.00",
        "0o17",
        "012",
        "1:30",
        "2026-01-15",
        "null",
        "- dash",
        "#hash",
        "a: b",
        "  spaced ",
        "quote's",
        '"double"',
        "emoji 🎯",
        "tab\there",
    ],
)
def test_yaml_strings_survive_every_reader(value: str) -> None:
    text = dump_yaml({"title": value, "tags": Flow([value]), "summary": Folded(value)})
    assert yaml.safe_load(text) == {"title": value, "tags": [value], "summary": value}
    assert load_role_text(f"title: x\nnotes: {text.splitlines()[0][7:]}\n").model.notes == value


def test_long_summary_folds_but_items_stay_on_one_line() -> None:
    long = "word " * 40 + "end"
    text = dump_yaml({"summary": Folded(long), "benefits": [long]})
    lines = text.splitlines()
    assert lines[0] == "summary: >-"
    folded = lines[1 : lines.index("benefits:")]
    assert len(folded) > 1
    assert all(len(line) <= 100 for line in folded)
    assert f"  - {long}" in lines
    assert yaml.safe_load(text) == {"summary": long, "benefits": [long]}


def test_repeated_items_are_left_out_and_reported() -> None:
    from hirecli.importers import import_text

    imported = import_text("Cook\n\nDuties\n- Chop onions.\n- Chop onions.\n- Wash pans.\n", "cook.txt")
    assert imported.built.data["responsibilities"]["primary"] == ["Chop onions.", "Wash pans."]
    assert [(a.pos, a.why) for a in imported.report.dropped] == [
        (5, "repeats an item already in responsibilities.primary")
    ]


def test_a_role_too_large_for_a_role_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from hirecli.errors import InvalidInputError
    from hirecli.importers import import_text
    from hirecli.model import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_BYTES", 2048)
    items = "\n".join(f"- Duty number {n} with a long explanation." for n in range(60))
    with pytest.raises(InvalidInputError, match="larger than a role file may be"):
        import_text(f"Cook\n\nDuties\n{items}\n", "cook.txt")


@pytest.mark.parametrize(
    ("kind", "text", "have", "path"),
    [
        ("requirements", "3+ years in retail", False, "experience"),
        ("requirements", "3+ years in retail", True, "qualifications.required"),
        ("requirements", "Bachelor's degree in nursing", False, "education.minimum"),
        ("requirements", "High school diploma or GED", False, "education.minimum"),
        ("requirements", "Active RN licensure in Colorado", False, "qualifications.required"),
        ("requirements", "Must be 18 years or older", False, "qualifications.required"),
        ("preferred", "2 years of people management", False, "experience.preferred"),
        ("preferred", "A master’s degree", False, "education.preferred"),
        ("preferred", "Spanish", False, "qualifications.preferred"),
        ("education", "Active state licensure", False, "education.minimum"),
        ("experience", "Experience in a clinic", False, "experience"),
        ("experience", "Experience in a clinic", True, "qualifications.required"),
        ("skills", "Clear written communication", False, "skills.soft"),
        ("skills", "SQL and Python", False, "skills.hard"),
        ("career_path", "Team Lead", False, "career_path.advancement"),
    ],
)
def test_routing_rules(kind: str, text: str, have: bool, path: str) -> None:
    assert route(kind, text, have_experience=have) == path


def test_docx_reader_reads_inside_content_controls() -> None:
    import io

    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Before")
    wrapped = document.add_paragraph("Inside a content control")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    wrapped._p.addprevious(control)
    control.append(content)
    content.append(wrapped._p)
    buffer = io.BytesIO()
    document.save(buffer)
    texts = [block.text for block in read_docx(buffer.getvalue()).blocks]
    assert texts == ["Before", "Inside a content control"]
