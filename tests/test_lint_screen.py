"""The law screen's machinery: severities, exemptions, normalisation, positions in every YAML
style, every field read, company profiles linted once, linear-time patterns, pay laws."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.lint import screen
from hirecli.lint.engine import Options, lint_file, lint_posting
from hirecli.lint.model import FileReport, Severity
from hirecli.lint.postings import read_posting
from hirecli.screening import protected
from hirecli.screening.fastre import lower_text, split_alternatives
from hirecli.screening.normalize import normalize
from hirecli.screening.protected import find_protected_topics
from paths import ROLES, ROOT

TODAY = date(2026, 12, 4)


def lint_text(text: str) -> FileReport:
    return lint_posting(read_posting(text.encode("utf-8"), "ad.md", ".md"), today=TODAY)


def law(report: FileReport) -> list[tuple[str, Severity]]:
    return [(f.text, f.severity) for f in report.findings if f.rule == "protected-preference"]


# --- severities that follow the law -------------------------------------------------------------


def test_the_issue_examples_are_errors_that_name_their_law() -> None:
    report = lint_text("# Engineer\n\nWe are a young, energetic team of rockstar engineers.\n")
    [finding] = [f for f in report.findings if f.rule == "protected-preference"]
    assert finding.severity is Severity.error
    assert "ADEA, 29 CFR 1625.4(a)" in finding.message
    assert finding.suggestion
    for term in ("age 25 to 35", "young", "college student", "recent college graduate", "boy", "girl"):
        wanted = {
            "young": "Young people wanted.",
            "boy": "Office boy wanted.",
            "girl": "Shop girl wanted.",
            "college student": "Ideal for a college student.",
            "recent college graduate": "Recent college graduates only.",
        }.get(term, f"Applicants {term}.")
        assert [s for _, s in law(lint_text(f"# Job\n\n{wanted}\n"))] == [Severity.error], term


def test_records_are_errors_only_where_the_place_restricts_them() -> None:
    text = "# Driver\n\nLocation: {}\n\nNo arrest record.\n"
    assert law(lint_text(text.format("Chicago, IL"))) == [("No arrest record", Severity.error)]
    assert law(lint_text(text.format("Austin, TX"))) == [("No arrest record", Severity.warning)]
    nyc = lint_text("# Driver\n\nLocation: Brooklyn, NY\n\nFelons need not apply.\n")
    [finding] = [f for f in nyc.findings if f.rule == "protected-preference"]
    assert finding.severity is Severity.error
    assert "Fair Chance Act" in finding.message


def test_a_religious_organisation_or_a_bfoq_turns_the_error_into_a_warning() -> None:
    church = lint_text(
        "# Youth Minister\n\nOur parish is a religious organization.\n\nMust be a practicing Catholic.\n"
    )
    assert law(church) == [("Must be a practicing Catholic", Severity.warning)]
    shop = lint_text("# Accountant\n\nMust be a practicing Catholic.\n")
    assert law(shop) == [("Must be a practicing Catholic", Severity.error)]
    bfoq = lint_text("# Attendant\n\nFemale only: sex is a bona fide occupational qualification here.\n")
    assert [s for _, s in law(bfoq)] == [Severity.warning]


def test_citizenship_a_law_requires_is_lawful() -> None:
    assert law(lint_text("# Analyst\n\nUS citizens only.\n")) == [("US citizens only", Severity.error)]
    cleared = lint_text("# Analyst\n\nUS citizens only: the role needs a Top Secret security clearance.\n")
    assert law(cleared) == []


def test_questions_in_a_posting_are_screened_too() -> None:
    report = lint_text("# Nanny\n\nAre you married? Send your CV to jobs@example.com.\n")
    assert [f.text for f in report.findings if f.rule == "protected-preference"] == ["Are you married"]


def test_accommodation_clauses_silence_physical_wording() -> None:
    bare = lint_text("# Picker\n\n- Ability to stand and walk for a whole shift\n")
    assert "ability-wording" in {f.rule for f in bare.findings}
    clause = lint_text(
        "# Picker\n\n- Ability to stand and walk for a whole shift, with or without reasonable "
        "accommodation\n"
    )
    assert "ability-wording" not in {f.rule for f in clause.findings}
    lead = lint_text(
        "# Picker\n\nWith or without reasonable accommodation, you will be able to:\n\n"
        "- Stand for a whole shift\n- Lift 50 lb\n- Climb ladders\n"
    )
    assert "ability-wording" not in {f.rule for f in lead.findings}


def test_word_findings_are_not_repeated_under_the_law_finding() -> None:
    report = lint_text("# Job\n\nNative English speaker required.\n")
    assert [f.rule for f in report.findings if "Native" in f.text] == ["protected-preference"]


# --- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "disguised",
    [
        "We want a \u0443\u043eung team.",  # Cyrillic y and o
        "We want a yo\u200bung team.",  # zero-width space
        "We want a ＹＯＵＮＧ team.",  # full-width letters
        "We want a yo\u00adung team.",  # soft hyphen
    ],
)
def test_look_alikes_and_invisible_characters_change_nothing(disguised: str) -> None:
    report = lint_text(f"# Job\n\n{disguised}\n")
    [(text, severity)] = law(report)
    assert severity is Severity.error
    assert text in disguised
    line = disguised
    finding = next(f for f in report.findings if f.rule == "protected-preference")
    assert line[finding.column - 1 :].startswith(finding.text)


def test_normalised_spans_point_at_the_original() -> None:
    text = "ﬁne ‘quotes’ — and \u0443\u043eung\u200b people"
    normal = normalize(text)
    assert normal.text == "fine 'quotes' - and young people"
    at = normal.text.index("young")
    start, end = normal.span(at, at + len("young"))
    assert text[start:end].startswith("\u0443\u043eung")
    assert normalize("plain ascii").unchanged


def test_the_question_screen_normalises_too() -> None:
    [hit] = find_protected_topics("Are you m\u0430rried?")
    assert hit.matched == "Are you m\u0430rried"


# --- linear time ----------------------------------------------------------------------------------

_UNBOUNDED = re.compile(r"(?<!\\)(?:[+*]|\{\d+,\})")


def _nested_unbounded(pattern: str) -> bool:
    """True when an unbounded quantifier applies to a group that holds another one."""
    depth_has: list[bool] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            close = pattern.index("]", index + 2)
            index = close + 1
            if depth_has and _UNBOUNDED.match(pattern, index):
                depth_has[-1] = True
            continue
        if char == "(":
            depth_has.append(False)
        elif char == ")":
            inner = depth_has.pop() if depth_has else False
            after = pattern[index + 1 : index + 2]
            unbounded = after in ("+", "*") or bool(re.match(r"\{\d+,\}", pattern[index + 1 :]))
            if inner and unbounded:
                return True
            if depth_has and (inner or unbounded):
                depth_has[-1] = True
        elif depth_has and char in "+*":
            depth_has[-1] = True
        index += 1
    return False


def _all_patterns() -> list[str]:
    return [
        part for source in (*screen.patterns(), *protected.patterns()) for part in split_alternatives(source)
    ]


def test_no_pattern_nests_unbounded_quantifiers() -> None:
    offenders = [p[:80] for p in _all_patterns() if _nested_unbounded(p)]
    assert offenders == []


@pytest.mark.parametrize(
    "unit", ["you ", "young ", "a" * 7 + " ", "must be ", "are you married ", "- ", "((("]
)
def test_long_adversarial_input_runs_in_linear_time(unit: str) -> None:
    def cost(size: int) -> float:
        text = unit * size
        best = 1e9
        for _ in range(2):
            start = time.perf_counter()
            screen.screen(lower_text(text) + "?")
            find_protected_topics(text + "?")
            lint_text(f"# Job\n\n{text}?\n")
            best = min(best, time.perf_counter() - start)
        return best

    cost(10)  # compile the patterns first
    small, large = cost(250), cost(2000)
    assert large < 5.0
    assert large < small * 8 * 3 + 0.05, (small, large)


# --- every field, every YAML style, with its line and column ----------------------------------------

ROLE = """\
title: Support Specialist
summary: >-
  Help customers every day.
plain: ignored key
notes: |-
  We are a young team.

  Our guys love it here.
career_path:
  entry_points:
    - 'Bar staff: it''s for young people only'
benefits:
  - "Gym pass for our \\"guys\\""
"""


def test_every_text_field_is_linted_at_its_line_and_column(tmp_path: Path) -> None:
    role = tmp_path / "role.yaml"
    role.write_text(ROLE.replace("plain: ignored key\n", ""), encoding="utf-8")
    report, _ = lint_file(str(role), Options(use_company=False, kit=False, today=TODAY))
    lines = role.read_text(encoding="utf-8").splitlines()
    law = sorted((f.line, f.column, f.text) for f in report.findings if f.rule == "protected-preference")
    assert [line for line, _, _ in law] == [5, 10]
    assert all("young" in text for _, _, text in law)
    guys = sorted((f.line, f.column) for f in report.findings if f.text == "guys")
    assert guys == [(7, 7), (12, 25)]
    for finding in report.findings:
        if finding.text and finding.rule != "invalid-file":
            assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.text.split()[0]), finding


def test_company_profile_is_linted_once_as_a_profile(tmp_path: Path) -> None:
    (tmp_path / "company.yaml").write_text(
        "name: Example Cooperative\nabout: A young and dynamic crew of guys.\n"
        "eeo_statement: We are an equal opportunity employer.\n",
        encoding="utf-8",
    )
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"title: Role {name}\nsummary: Do the work.\n", encoding="utf-8"
        )
    result = CliRunner().invoke(
        app, ["lint", str(tmp_path), "--format", "json", "--no-kit", "--fail-on", "none"]
    )
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert sorted(Path(f["file"]).name for f in files) == ["a.yaml", "b.yaml", "company.yaml"]
    in_company = [
        (Path(f["file"]).name, x["rule"])
        for f in files
        for x in f["findings"]
        if Path(x["file"]).name == "company.yaml"
    ]
    assert in_company.count(("company.yaml", "protected-preference")) == 1
    assert all(owner == "company.yaml" for owner, _ in in_company)
    company = next(f for f in files if f["file"].endswith("company.yaml"))
    assert not any(x["rule"] == "invalid-file" for x in company["findings"])


def test_the_readme_ci_example_passes_on_the_shipped_roles() -> None:
    paths = sorted(str(p) for p in ROLES.glob("*.yaml"))
    result = CliRunner().invoke(app, ["lint", *paths, "--format", "github"])
    assert result.exit_code == 0, result.stdout
    assert "::error" not in result.stdout


def test_gender_verdicts_do_not_turn_on_company_names_or_non_trait_words() -> None:
    verdicts = {}
    for path in sorted(ROLES.glob("*.yaml")):
        if path.name == "company.yaml":
            continue
        report, _ = lint_file(str(path), Options(kit=False, today=TODAY))
        counted = set(report.gender.feminine) | set(report.gender.masculine)
        assert "cooperat" not in counted, path.name
        verdicts[path.name] = report.gender.verdict
    assert list(verdicts.values()).count("strongly feminine") <= 1, verdicts


# --- pay laws ---------------------------------------------------------------------------------------


def _role(tmp_path: Path, where: str, pay: str) -> FileReport:
    path = tmp_path / "role.yaml"
    path.write_text(
        f"title: Analyst\nlocation: {where}\ncompensation: {pay}\nsummary: Analyse data.\n", encoding="utf-8"
    )
    return lint_file(str(path), Options(use_company=False, kit=False, today=TODAY))[0]


def test_ontario_caps_the_width_of_a_range(tmp_path: Path) -> None:
    toronto = '{city: Toronto, region: "ON", country: CA}'
    wide = _role(tmp_path, toronto, "{currency: CAD, min: 60000, max: 120000, period: year}")
    assert "pay-range-too-wide" in {f.rule for f in wide.findings}
    narrow = _role(tmp_path, toronto, "{currency: CAD, min: 60000, max: 100000, period: year}")
    assert "pay-range-too-wide" not in {f.rule for f in narrow.findings}
    assert [law["id"] for law in narrow.stats["jurisdictions"]] == ["ca-on"]  # type: ignore[index]
    senior = _role(tmp_path, toronto, "{currency: CAD, min: 210000, max: 290000, period: year}")
    assert senior.stats["jurisdictions"]
    assert "pay-range-too-wide" not in {f.rule for f in senior.findings}


def test_british_columbia_requires_pay(tmp_path: Path) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(
        "title: Analyst\nlocation: {city: Vancouver, region: BC, country: CA}\nsummary: Work.\n",
        encoding="utf-8",
    )
    report, _ = lint_file(str(path), Options(use_company=False, kit=False, today=TODAY))
    assert any(
        f.rule == "pay-range-missing" and f.severity is Severity.error and "British Columbia" in f.message
        for f in report.findings
    )


def test_every_pay_law_has_a_checked_date() -> None:
    data = yaml.safe_load((ROOT / "src" / "hirecli" / "data" / "lint" / "pay_laws.yaml").read_text("utf-8"))
    assert all(isinstance(entry["checked"], date) for entry in data["laws"])
    assert {"ca-bc", "ca-on"} <= {entry["id"] for entry in data["laws"]}


# --- the question screen elsewhere --------------------------------------------------------------------


def test_no_library_question_is_flagged() -> None:
    questions: list[str] = []
    for path in (ROOT / "src" / "hirecli" / "data" / "competencies").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for question in data.get("questions", []) if isinstance(data, dict) else []:
            if isinstance(question, dict):
                questions += [question.get("text", ""), *question.get("probes", [])]
    assert len(questions) > 500
    flagged = [
        (q, [h.matched for h in find_protected_topics(q)]) for q in questions if find_protected_topics(q)
    ]
    assert flagged == []
