"""The linter's checks on the seed role, the seed text, and small postings made for each rule."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirecli.lint.config import Settings
from hirecli.lint.engine import Options, lint_file, lint_posting
from hirecli.lint.gender import coded_words, stem_of, verdict
from hirecli.lint.model import FileReport, Severity
from hirecli.lint.postings import read_posting
from hirecli.lint.tokens import tokenize
from paths import SEED_ROLE, SEED_TEXT

TODAY = date(2026, 11, 28)
CLINICAL_TERMS = [
    "assessment",
    "aggression",
    "Active",
    "persistent",
    "individual",
    "Emotional",
    "competency",
    "confidential",
    "Principles",
    "challenges",
    "Individualized",
]


def lint_text(text: str, settings: Settings | None = None, *, today: date = TODAY) -> FileReport:
    return lint_posting(read_posting(text.encode("utf-8"), "posting.md", ".md"), settings, today=today)


def rules_found(report: FileReport) -> set[str]:
    return {f.rule for f in report.findings}


def texts(report: FileReport, rule: str) -> list[str]:
    return [f.text for f in report.findings if f.rule == rule]


@pytest.fixture(scope="module")
def seed_role() -> FileReport:
    report, _ = lint_file(str(SEED_ROLE), Options(use_company=False, kit=False, today=TODAY))
    return report


def test_seed_role_reports_what_a_recruiter_would_fix(seed_role: FileReport) -> None:
    found = rules_found(seed_role)
    assert {"posting-length", "bullets-per-section", "eeo-statement-missing", "gender-coded-balance"} <= found
    assert seed_role.stats["words"] > 700
    assert max(seed_role.stats["lists"]) == 21  # type: ignore[type-var, arg-type]
    assert seed_role.gender.verdict in ("feminine", "strongly feminine")
    assert not [f for f in seed_role.findings if f.severity is Severity.error]


def test_seed_role_has_no_false_alarms_on_clinical_vocabulary(seed_role: FileReport) -> None:
    flagged = {f.text.casefold() for f in seed_role.findings if f.text}
    for term in CLINICAL_TERMS:
        assert term.casefold() not in flagged
    counted = set(seed_role.gender.masculine) | set(seed_role.gender.feminine)
    assert not counted & {"compet", "confident", "principle", "individual", "persist", "respon", "emotiona"}


def test_seed_role_with_its_company_profile_has_the_eeo_statement() -> None:
    report, _ = lint_file(str(SEED_ROLE), Options(kit=False, today=TODAY))
    assert "eeo-statement-missing" not in rules_found(report)
    assert [law["id"] for law in report.stats["jurisdictions"]] == ["us-co"]  # type: ignore[attr-defined, index]


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed job description is not in this checkout")
def test_seed_text_finds_the_damaged_bullet() -> None:
    report, _ = lint_file(str(SEED_TEXT), Options(use_company=False, today=TODAY))
    [damaged] = [f for f in report.findings if f.rule == "damaged-bullet"]
    assert damaged.text == "-aintain"
    line = SEED_TEXT.read_text(encoding="utf-8").splitlines()[damaged.line - 1]
    assert line[damaged.column - 1 :].startswith("-aintain a full clinical caseload")
    assert {"posting-length", "bullets-per-section", "eeo-statement-missing"} <= rules_found(report)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("responsive", "respon"),
        ("responsibilities", None),
        ("responsible", None),
        ("share", "share"),
        ("sharepoint", None),
        ("competitive", "compet"),
        ("competency", None),
        ("confidential", None),
        ("analytical", "analy"),
        ("analyst", None),
        ("self-reliant", "self-relian"),
        ("leadership", "lead"),
    ],
)
def test_stems_match_word_forms_not_prefixes(word: str, stem: str | None) -> None:
    found = stem_of(word)
    assert (found.stem if found else None) == stem


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Strong Active Listening skills", []),
        ("An active Colorado RN license", []),
        ("You are active in the community", ["active"]),
        ("De-escalate aggressive behaviors calmly", []),
        ("An aggressive sales culture", ["aggress"]),
        ("A competitive salary and a competitive team", ["compet"]),
        ("Clients with severe and persistent mental illness", []),
        ("Help clients navigate life's challenges", []),
        ("Data-driven and results-driven", ["driven"]),
    ],
)
def test_clinical_and_pay_phrases_are_not_gender_coded(text: str, counted: list[str]) -> None:
    assert [w.stem.stem for w in coded_words(text, tokenize(text))] == counted


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (6, "strongly feminine"),
        (1, "feminine"),
        (0, "neutral"),
        (-2, "masculine"),
        (-4, "strongly masculine"),
    ],
)
def test_verdict_thresholds(score: int, expected: str) -> None:
    assert verdict(score) == expected


def test_strongly_masculine_posting_is_a_warning() -> None:
    report = lint_text("We want an ambitious, assertive, competitive and decisive leader who is independent.")
    [balance] = [f for f in report.findings if f.rule == "gender-coded-balance"]
    assert balance.severity is Severity.warning
    assert report.gender.verdict == "strongly masculine"
    assert len(texts(report, "masculine-coded-word")) == 6


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("He or she will report to the director.", "gendered-pronoun", "He or she"),
        ("Join our salesmen on the road.", "gendered-term", "salesmen"),
        ("We need more manpower.", "gendered-term", "manpower"),
        ("Hey guys, we're hiring!", "gendered-term", "guys"),
        ("Join our young, energetic team.", "protected-preference", "young, energetic team"),
        ("Ideal for recent graduates.", "protected-preference", "Ideal for recent graduates"),
        ("Digital natives will thrive here.", "ageism", "Digital natives"),
        ("You must be able to stand for 8 hours.", "ability-wording", "able to stand"),
        ("It gets crazy on Fridays.", "ableist-language", "crazy"),
        ("Our ping-pong table is famous.", "hollow-perk", "ping-pong"),
        ("We work hard, play hard.", "pressure-culture", "work hard, play hard"),
        ("A fast-paced, high-pressure floor.", "pressure-culture", "fast-paced, high-pressure"),
        ("You will wear many hats.", "pressure-culture", "wear many hats"),
        ("Let's synergize and circle back.", "corporate-jargon", "synergize"),
        ("We leverage data daily.", "corporate-jargon", "leverage"),
        ("Become our coding ninja.", "hero-title", "ninja"),
        ("Salary: competitive pay.", "vague-pay", "competitive pay"),
        ("Know HIPPA by heart.", "tool-name-spelling", "HIPPA"),
        ("The successful candidate will travel.", "third-person", "The successful candidate"),
        ("Native English speaker required.", "protected-preference", "Native English speaker required"),
        ("Native-level English preferred.", "origin-wording", "Native-level"),
    ],
)
def test_word_rules_find_their_words(text: str, rule: str, found: str) -> None:
    assert found in texts(lint_text(text), rule)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("You will review responsibilities with the team.", "masculine-coded-word"),
        ("Share files in SharePoint.", "tool-name-spelling"),
        ("We use JavaScript and GitHub.", "tool-name-spelling"),
        ("Experience with young adults and their families.", "ageism"),
        ("Walk clients through the intake form.", "ability-wording"),
        ("You will see the big picture.", "ability-wording"),
        ("Fluent Spanish is required.", "origin-wording"),
        ("Lead poisoning prevention programs.", "masculine-coded-word"),
    ],
)
def test_word_rules_leave_innocent_text_alone(text: str, rule: str) -> None:
    assert rule not in rules_found(lint_text(text))


def test_accommodation_wording_is_not_flagged() -> None:
    text = "The job includes moving boxes of up to 50 pounds, with or without reasonable accommodation."
    assert "ability-wording" not in rules_found(lint_text(text))


def _posting(bullets: int, words_per_bullet: int = 6, *, extra: str = "") -> str:
    items = "\n".join(f"- Task number {i} " + "word " * words_per_bullet for i in range(bullets))
    return f"# A job\n\n## What you'll do\n\n{items}\n\n{extra}\n"


def test_length_and_bullet_counts() -> None:
    long = lint_text(_posting(24, 30))
    assert "posting-length" in rules_found(long)
    [crowded] = [f for f in long.findings if f.rule == "bullets-per-section"]
    assert "24 bullets" in crowded.message
    short = lint_text(_posting(3))
    notes = [f for f in short.findings if f.rule == "bullets-per-section"]
    assert notes
    assert notes[0].severity is Severity.info
    assert "posting-length" in rules_found(short)


def test_requirement_inflation_counts_must_haves_against_preferred() -> None:
    must = "\n".join(f"- Requirement {i} that matters" for i in range(10))
    report = lint_text(f"# Job\n\n## Requirements\n\n{must}\n\n## Nice to have\n\n- One extra\n")
    assert report.stats["requirements"] == {"must_have": 10, "preferred": 1}
    assert "requirement-inflation" in rules_found(report)
    balanced = lint_text("# Job\n\n## Requirements\n\n- A\n- B\n- C\n\n## Preferred\n\n- D\n- E\n")
    assert "requirement-inflation" not in rules_found(balanced)


def test_duplicates_damage_and_mojibake() -> None:
    text = (
        "# Job\n\n## Duties\n\n- Keep the stock room tidy and safe\n"
        "- Keep the stock room tidy and safe.\n- Answer the phone politely\n"
        "-nswer emails within a day\n- Work with the team\n"
        "- clean the floor\n\nWe’re hiring â€™ now.\n"
    )
    report = lint_text(text)
    assert texts(report, "duplicate-bullet") == ["Keep the stock room tidy and safe."]
    assert set(texts(report, "damaged-bullet")) == {"-nswer", "clean"}
    assert texts(report, "mojibake") == ["â€™"]


def test_readability_and_long_sentences() -> None:
    sentence = " ".join(["comprehensive multidisciplinary interdisciplinary collaboration"] * 10) + "."
    report = lint_text(f"# Job\n\n{sentence}\n")
    assert "long-sentence" in rules_found(report)
    [ease] = [f for f in report.findings if f.rule == "reading-ease"]
    assert ease.severity is Severity.warning
    plain = lint_text("# Job\n\nYou will fix bikes. You will talk to riders. The pay is good.\n")
    assert "reading-ease" not in rules_found(plain)
    assert float(plain.stats["reading_ease"]) > 60  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "pay", "rule", "severity"),
    [
        ("Denver, CO", "", "pay-range-missing", Severity.error),
        ("Denver, CO", "Pay: up to $90,000 a year", "pay-range-open-ended", Severity.error),
        ("Seattle, WA", "Pay: $60,000+ a year", "pay-range-open-ended", Severity.error),
        ("Madrid, Spain", "", "pay-range-missing", Severity.error),
        ("Austin, TX", "", "pay-range-missing", Severity.info),
    ],
)
def test_pay_transparency_by_location(location: str, pay: str, rule: str, severity: Severity) -> None:
    report = lint_text(f"# Job\n\nLocation: {location}\n\n{pay}\n")
    assert severity in [f.severity for f in report.findings if f.rule == rule]


def test_benefits_are_required_where_the_law_asks() -> None:
    colorado = lint_text("# Job\n\nLocation: Denver, CO\n\nPay: $50,000 - $60,000 a year.\n")
    assert "benefits-missing" in rules_found(colorado)
    california = lint_text("# Job\n\nLocation: Oakland, CA\n\nPay: $50,000 - $60,000 a year.\n")
    assert "benefits-missing" not in rules_found(california)
    with_benefits = lint_text(
        "# Job\n\nLocation: Denver, CO\n\nPay: $50,000 - $60,000 a year.\n\n"
        "## Benefits\n\n- Health insurance\n"
    )
    assert "benefits-missing" not in rules_found(with_benefits)


def test_laws_not_yet_in_effect_are_a_note() -> None:
    report = lint_text("# Job\n\nLocation: Boston, MA\n", today=date(2025, 6, 1))
    assert "pay-law-upcoming" in rules_found(report)
    assert "pay-range-missing" not in rules_found(report)


def test_employer_size_below_a_threshold_is_not_covered() -> None:
    small = lint_text("# Job\n\nLocation: St Paul, MN\n", Settings(employees=10))
    assert "pay-range-missing" not in {f.rule for f in small.findings if f.severity is Severity.error}
    big = lint_text("# Job\n\nLocation: St Paul, MN\n", Settings(employees=40))
    assert "pay-range-missing" in rules_found(big)


def test_configured_jurisdictions_apply_without_a_location() -> None:
    report = lint_text("# Job\n\nNo location given.\n", Settings(jurisdictions=("us-ny-nyc",)))
    [missing] = [f for f in report.findings if f.rule == "pay-range-missing"]
    assert missing.severity is Severity.error
    assert "New York City" in missing.message
    everywhere = lint_text("# Job\n", Settings(jurisdictions=("all",)))
    assert len([f for f in everywhere.findings if f.rule == "pay-range-missing"]) >= 15


def test_eeo_statement() -> None:
    assert "eeo-statement-missing" in rules_found(lint_text("# Job\n\nWe fix bikes.\n"))
    ok = lint_text("# Job\n\nWe are an equal opportunity employer.\n")
    assert "eeo-statement-missing" not in rules_found(ok)


def test_settings_disable_change_severity_allow_and_ban() -> None:
    text = "# Job\n\nOur guys are rockstars who crush it.\n"
    base = lint_text(text)
    assert {"gendered-term", "hero-title", "pressure-culture"} <= rules_found(base)
    tuned = lint_text(
        text,
        Settings(
            disable=frozenset({"hero-title"}),
            severity={"gendered-term": "error"},
            allow=("crush it",),
            ban=(("job", "role", "info"),),
        ),
    )
    found = rules_found(tuned)
    assert "hero-title" not in found
    assert "pressure-culture" not in found
    assert [f.severity for f in tuned.findings if f.rule == "gendered-term"] == [Severity.error]
    [banned] = [f for f in tuned.findings if f.rule == "banned-term"]
    assert (banned.text, banned.suggestion, banned.severity) == ("Job", "role", Severity.info)


def test_allowed_words_are_not_counted_as_gender_coded() -> None:
    text = "# Job\n\nWe offer aggressive treatment plans for aggressive cancers.\n"
    assert lint_text(text).gender.masculine == {"aggress": 2}
    allowed = Settings(allow=("aggressive treatment", "aggressive cancers"))
    assert lint_text(text, allowed).gender.masculine == {}


WORDS = st.sampled_from(
    [
        "rockstar",
        "guys",
        "young",
        "team",
        "support",
        "we",
        "build",
        "he",
        "active",
        "listening",
        "-aintain",
        "crazy",
        "ping",
        "pong",
        "synergy",
        "the",
        "ideal",
        "candidate",
        "â€™",
        "fast-paced",
        "•",
        "$50,000",
        "-",
        "##",
        "Pay:",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=12))
def test_every_finding_points_at_its_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    report = lint_text(text)
    source = text.splitlines()
    for finding in report.findings:
        assert finding.context[finding.start : finding.start + len(finding.text)] == finding.text
        if finding.text:
            here = source[finding.line - 1][finding.column - 1 :]
            assert here.startswith(finding.text.split()[0])
