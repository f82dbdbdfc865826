"""schema.org JobPosting data: Google's required and recommended properties, mapped values."""

from __future__ import annotations

import datetime
import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hirecli.builders.posting.build import build_jsonld
from hirecli.builders.posting.jsonld import (
    EMPLOYMENT_TYPES,
    credential_category,
    jsonld_text,
    missing_properties,
)
from hirecli.cli.main import app
from hirecli.model.company import Company
from hirecli.model.loader import load_company, load_role, load_role_text
from hirecli.model.role import Role
from paths import ROLES, SEED_ROLE

DATE = datetime.date(2026, 1, 15)
EXAMPLES = sorted(p for p in ROLES.glob("*.yaml") if p.name != "company.yaml")


def role_from(text: str) -> Role:
    return load_role_text(textwrap.dedent(text), "role.yaml").model


@pytest.fixture(scope="module")
def company() -> Company:
    return load_company(ROLES / "company.yaml")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_has_googles_required_properties(path: Path, company: Company) -> None:
    data = build_jsonld(load_role(path), company, date=DATE)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert missing_properties(data) == []
    assert data["datePosted"] == "2026-01-15"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Fernhollow Commons Cooperative",
        "sameAs": "https://example.com",
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Fernhollow Commons Cooperative",
        "value": path.stem,
    }
    assert data["description"].startswith("<dl")
    assert "<h1>" not in data["description"]
    assert "<script" not in data["description"]


def test_onsite_location_is_a_postal_address(company: Company) -> None:
    data = build_jsonld(load_role(ROLES / "registered-nurse.yaml"), company, date=DATE)
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "500 Example Avenue",
            "addressLocality": "Seattle",
            "addressRegion": "WA",
            "postalCode": "98104",
            "addressCountry": "US",
        },
    }
    assert "jobLocationType" not in data


def test_company_location_fills_in_for_the_role(company: Company) -> None:
    data = build_jsonld(load_role(SEED_ROLE), company, date=DATE)
    assert data["jobLocation"]["address"]["addressLocality"] == "Denver"


def test_remote_is_telecommute_with_countries(company: Company) -> None:
    data = build_jsonld(load_role(ROLES / "software-engineer.yaml"), company, date=DATE)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "United States"},
        {"@type": "Country", "name": "Canada"},
    ]
    assert "jobLocation" not in data


def test_remote_without_regions_uses_the_companys_country(company: Company) -> None:
    role = role_from("title: Writer\nlocation: {workplace: remote}\n")
    data = build_jsonld(role, company, date=DATE)
    assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "United States"}]
    data = build_jsonld(role, None, date=DATE)
    problem = "applicantLocationRequirements is missing (set location.remote_regions)"
    assert problem in missing_properties(data)


@pytest.mark.parametrize(
    ("period", "unit"),
    [("year", "YEAR"), ("month", "MONTH"), ("week", "WEEK"), ("day", "DAY"), ("hour", "HOUR")],
)
def test_salary_unit_text(period: str, unit: str) -> None:
    role = role_from(f"title: X\ncompensation: {{currency: EUR, min: 19.5, max: 23, period: {period}}}\n")
    assert build_jsonld(role, date=DATE)["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "minValue": 19.5, "maxValue": 23, "unitText": unit},
    }


def test_a_fixed_rate_is_a_single_value() -> None:
    role = role_from("title: X\ncompensation: {currency: JPY, min: 5000000}\n")
    assert build_jsonld(role, date=DATE)["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 5000000,
        "unitText": "YEAR",
    }


def test_no_pay_no_salary() -> None:
    assert "baseSalary" not in build_jsonld(role_from("title: X\ncompensation: {currency: USD}\n"), date=DATE)


@pytest.mark.parametrize(("ours", "googles"), sorted(EMPLOYMENT_TYPES.items()))
def test_employment_type_mapping(ours: str, googles: str) -> None:
    data = build_jsonld(role_from(f"title: X\nemployment_type: {ours}\n"), date=DATE)
    assert data["employmentType"] == googles


def test_months_of_experience() -> None:
    data = build_jsonld(role_from("title: X\nexperience: {min_years: 3, max_years: 8}\n"), date=DATE)
    assert data["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 36,
    }
    none = build_jsonld(role_from("title: X\nexperience: {min_years: 0}\n"), date=DATE)
    assert none["experienceRequirements"] == "no requirements"
    assert "experienceRequirements" not in build_jsonld(role_from("title: X\n"), date=DATE)


@pytest.mark.parametrize(
    ("texts", "category"),
    [
        (["Master's Degree from an accredited institution"], "postgraduate degree"),
        (["A Ph.D. in chemistry"], "postgraduate degree"),
        (["A bachelor's degree in computer science, or equivalent practical experience"], "bachelor degree"),
        (
            ["An Associate Degree in Nursing (ADN) or a Bachelor of Science in Nursing (BSN)"],
            "associate degree",
        ),
        (["A high school diploma or equivalent (such as a GED)"], "high school"),
        (["A current forklift certification"], "professional certificate"),
        (["No diploma or degree required"], "no requirements"),
        (["Currently studying at a university or college"], None),
        ([], None),
    ],
)
def test_credential_category(texts: list[str], category: str | None) -> None:
    assert credential_category(texts) == category


def test_education_requirements_and_experience_in_place_of_education(company: Company) -> None:
    data = build_jsonld(load_role(ROLES / "software-engineer.yaml"), company, date=DATE)
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    }
    assert data["experienceInPlaceOfEducation"] is True
    nurse = build_jsonld(load_role(ROLES / "registered-nurse.yaml"), company, date=DATE)
    assert "experienceInPlaceOfEducation" not in nurse


def test_occupational_category_and_valid_through(company: Company) -> None:
    data = build_jsonld(load_role(SEED_ROLE), company, date=DATE, valid_days=30)
    assert data["occupationalCategory"] == "21-1014.00"
    assert data["validThrough"] == "2026-02-14"
    assert "validThrough" not in build_jsonld(load_role(SEED_ROLE), company, date=DATE)


def test_title_is_plain_even_on_the_careers_channel() -> None:
    role = role_from("title: Barista - $18/hr - Apply Today!\n")
    assert build_jsonld(role, date=DATE)["title"] == "Barista"


def test_without_company_required_properties_are_reported() -> None:
    data = build_jsonld(role_from("title: X\n"), date=DATE)
    assert "hiringOrganization" not in data
    problems = missing_properties(data)
    assert "hiringOrganization is missing (add a company.yaml or use --company)" in problems
    assert "jobLocation is missing (give the role or the company a location)" in problems


def test_key_order_is_fixed(company: Company) -> None:
    data = build_jsonld(load_role(ROLES / "warehouse-associate.yaml"), company, date=DATE, valid_days=7)
    assert list(data)[:9] == [
        "@context",
        "@type",
        "title",
        "description",
        "identifier",
        "datePosted",
        "validThrough",
        "employmentType",
        "hiringOrganization",
    ]
    assert jsonld_text(data) == jsonld_text(json.loads(jsonld_text(data)))


def test_cli_jsonld_format_and_warnings(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["posting", str(SEED_ROLE), "--format", "jsonld", "--date", "2026-01-15", "--valid-days", "45"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["validThrough"] == "2026-03-01"
    assert result.stdout.startswith('{\n  "@context"')
    lonely = tmp_path / "role.yaml"
    lonely.write_text("title: Cook\n", encoding="utf-8")
    result = runner.invoke(app, ["posting", str(lonely), "--format", "jsonld", "--date", "2026-01-15"])
    assert result.exit_code == 0
    assert "warning: schema.org JobPosting: hiringOrganization is missing" in result.stderr
    strict = runner.invoke(app, ["posting", str(lonely), "--format", "jsonld", "--strict"])
    assert strict.exit_code == 0, "--strict is about trimming; a missing schema.org property is a warning"


def test_cli_jsonld_from_the_output_file_name(tmp_path: Path) -> None:
    target = tmp_path / "posting.jsonld"
    result = CliRunner().invoke(app, ["posting", str(SEED_ROLE), "-o", str(target), "--date", "2026-01-15"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["@type"] == "JobPosting"


def test_html_embeds_the_jsonld() -> None:
    result = CliRunner().invoke(app, ["posting", str(SEED_ROLE), "--format", "html", "--date", "2026-01-15"])
    assert result.exit_code == 0
    opening = '<script type="application/ld+json">'
    start = result.stdout.index(opening) + len(opening)
    embedded = json.loads(result.stdout[start : result.stdout.index("</script>")])
    assert embedded["title"] == "Mental Health Professional"
    assert embedded["description"].startswith("<dl")
