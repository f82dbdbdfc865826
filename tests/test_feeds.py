"""Job feeds (Indeed, LinkedIn, schema.org) and Greenhouse payloads, each checked against what
its documentation requires. The checks below are written from the published specifications:

* Indeed's XML feed reference: a ``<source>`` root, one ``<job>`` per job with the required
  title, date (ISO 8601), referencenumber, requisitionid, url, company, city, state, country
  and description; optional postalcode, streetaddress, email, salary, education, jobtype,
  category, experience, expirationdate, remotetype; every value in CDATA; no HTML entities.
* LinkedIn's XML feed development guide (Basic Jobs): ``<source>`` with lastBuildDate,
  publisherUrl, publisher, expectedJobCount; per job the mandatory partnerJobId (at most 40
  characters), company, title, description (at least 100 characters, limited HTML), applyUrl
  and location, and the recommended fields with their enumerations.
* schema.org ``ItemList``/``ListItem`` and Google's required properties of ``JobPosting``.
* Greenhouse Harvest: the body of PATCH /v2/job_posts/{id} (title, location, content on one
  line), the job stage object with interviews and their interview_kit (content, questions),
  and scorecard attributes (name, type).
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import etree
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode
from paths import ROLES

DATE = "2025-03-14"
COMPANY_FEEDS = """\
feeds:
  job_url: https://example.com/careers/{id}
  linkedin_company_id: "1234567"
  poster_email: jobs@example.com
"""

INDEED_XSD = """\
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="text"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="date"><xs:restriction base="xs:string">
    <xs:pattern value="\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2}))?"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="jobtype"><xs:restriction base="xs:string">
    <xs:enumeration value="fulltime"/><xs:enumeration value="parttime"/><xs:enumeration value="contract"/>
    <xs:enumeration value="internship"/><xs:enumeration value="temporary"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="remotetype"><xs:restriction base="xs:string">
    <xs:enumeration value="Fully remote"/><xs:enumeration value="Hybrid remote"/></xs:restriction>
  </xs:simpleType>
  <xs:element name="source"><xs:complexType><xs:sequence>
    <xs:element name="publisher" type="text" minOccurs="0"/>
    <xs:element name="publisherurl" type="text" minOccurs="0"/>
    <xs:element name="job" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:all>
      <xs:element name="title" type="text"/>
      <xs:element name="date" type="date"/>
      <xs:element name="referencenumber" type="text"/>
      <xs:element name="requisitionid" type="text"/>
      <xs:element name="url" type="text"/>
      <xs:element name="company" type="text"/>
      <xs:element name="sourcename" type="text" minOccurs="0"/>
      <xs:element name="city" type="text"/>
      <xs:element name="state" type="text"/>
      <xs:element name="country" type="text"/>
      <xs:element name="postalcode" type="text" minOccurs="0"/>
      <xs:element name="streetaddress" type="text" minOccurs="0"/>
      <xs:element name="email" type="text" minOccurs="0"/>
      <xs:element name="description" type="text"/>
      <xs:element name="salary" type="text" minOccurs="0"/>
      <xs:element name="education" type="text" minOccurs="0"/>
      <xs:element name="jobtype" type="jobtype" minOccurs="0"/>
      <xs:element name="category" type="text" minOccurs="0"/>
      <xs:element name="experience" type="text" minOccurs="0"/>
      <xs:element name="expirationdate" type="date" minOccurs="0"/>
      <xs:element name="remotetype" type="remotetype" minOccurs="0"/>
    </xs:all></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>
"""

LINKEDIN_XSD = """\
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="text"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="enum">
    <xs:restriction base="xs:string"><xs:pattern value="[A-Z_]+"/></xs:restriction></xs:simpleType>
  <xs:complexType name="money"><xs:sequence>
    <xs:element name="amount"><xs:simpleType><xs:restriction base="xs:decimal">
      <xs:minExclusive value="0"/></xs:restriction></xs:simpleType></xs:element>
    <xs:element name="currencyCode"><xs:simpleType><xs:restriction base="xs:string">
      <xs:pattern value="[A-Z]{3}"/></xs:restriction></xs:simpleType></xs:element>
  </xs:sequence></xs:complexType>
  <xs:element name="source"><xs:complexType><xs:sequence>
    <xs:element name="lastBuildDate" type="text" minOccurs="0"/>
    <xs:element name="publisherUrl" type="text" minOccurs="0"/>
    <xs:element name="publisher" type="text" minOccurs="0"/>
    <xs:element name="expectedJobCount" type="xs:nonNegativeInteger" minOccurs="0"/>
    <xs:element name="job" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:all>
      <xs:element name="partnerJobId"><xs:simpleType><xs:restriction base="xs:string">
        <xs:minLength value="1"/><xs:maxLength value="40"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="company" type="text"/>
      <xs:element name="companyId" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="[0-9]+"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="title"><xs:simpleType><xs:restriction base="xs:string">
        <xs:minLength value="1"/><xs:maxLength value="200"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="description"><xs:simpleType><xs:restriction base="xs:string">
        <xs:minLength value="100"/><xs:maxLength value="25000"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="applyUrl"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="https://\\S+"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="location" type="text"/>
      <xs:element name="city" type="text" minOccurs="0"/>
      <xs:element name="state" type="text" minOccurs="0"/>
      <xs:element name="country" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="[A-Z]{2}"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="postalCode" type="text" minOccurs="0"/>
      <xs:element name="workplaceTypes" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="On-site"/><xs:enumeration value="Hybrid"/><xs:enumeration value="Remote"/>
      </xs:restriction></xs:simpleType></xs:element>
      <xs:element name="jobtype" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="FULL_TIME"/><xs:enumeration value="PART_TIME"/>
        <xs:enumeration value="CONTRACT"/>
        <xs:enumeration value="TEMPORARY"/><xs:enumeration value="VOLUNTEER"/>
        <xs:enumeration value="INTERNSHIP"/><xs:enumeration value="OTHER"/>
      </xs:restriction></xs:simpleType></xs:element>
      <xs:element name="experienceLevel" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
        <xs:enumeration value="ENTRY_LEVEL"/><xs:enumeration value="ASSOCIATE"/>
        <xs:enumeration value="MID_SENIOR_LEVEL"/><xs:enumeration value="DIRECTOR"/>
        <xs:enumeration value="EXECUTIVE"/><xs:enumeration value="INTERNSHIP"/>
        <xs:enumeration value="NOT_APPLICABLE"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="posterEmail" type="text" minOccurs="0"/>
      <xs:element name="salaries" minOccurs="0"><xs:complexType><xs:sequence>
        <xs:element name="salary" maxOccurs="unbounded"><xs:complexType><xs:sequence>
          <xs:element name="highEnd" type="money"/>
          <xs:element name="lowEnd" type="money"/>
          <xs:element name="period"><xs:simpleType><xs:restriction base="xs:string">
            <xs:enumeration value="YEARLY"/><xs:enumeration value="MONTHLY"/><xs:enumeration value="WEEKLY"/>
            <xs:enumeration value="DAILY"/><xs:enumeration value="HOURLY"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element name="type" type="enum"/>
        </xs:sequence></xs:complexType></xs:element>
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="skills" minOccurs="0"><xs:complexType><xs:sequence>
        <xs:element name="skill" type="text" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
      </xs:element>
    </xs:all></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>
"""

LINKEDIN_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li"})
"""The limited set of HTML tags LinkedIn accepts in a description."""

_POSTAL_ADDRESS = {
    "type": "object",
    "required": ["@type"],
    "properties": {
        "@type": {"const": "PostalAddress"},
        "addressCountry": {"type": "string", "pattern": "^[A-Z]{2}$"},
    },
}
JOB_POSTING = {
    "type": "object",
    "required": ["@type", "title", "description", "datePosted", "hiringOrganization"],
    "not": {"required": ["@context"]},
    "properties": {
        "@type": {"const": "JobPosting"},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "datePosted": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}"},
        "validThrough": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}"},
        "url": {"type": "string", "pattern": "^https?://"},
        "hiringOrganization": {
            "type": "object",
            "required": ["@type", "name"],
            "properties": {"@type": {"const": "Organization"}},
        },
        "employmentType": {
            "enum": [
                "FULL_TIME",
                "PART_TIME",
                "CONTRACTOR",
                "TEMPORARY",
                "INTERN",
                "VOLUNTEER",
                "PER_DIEM",
                "OTHER",
            ]
        },
        "jobLocation": {
            "type": "object",
            "required": ["@type", "address"],
            "properties": {"@type": {"const": "Place"}, "address": _POSTAL_ADDRESS},
        },
        "jobLocationType": {"const": "TELECOMMUTE"},
        "applicantLocationRequirements": {"type": "array", "minItems": 1},
        "baseSalary": {
            "type": "object",
            "required": ["@type", "currency", "value"],
            "properties": {
                "@type": {"const": "MonetaryAmount"},
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                "value": {
                    "type": "object",
                    "required": ["@type", "unitText"],
                    "properties": {
                        "@type": {"const": "QuantitativeValue"},
                        "unitText": {"enum": ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]},
                    },
                },
            },
        },
        "identifier": {
            "type": "object",
            "required": ["@type", "value"],
            "properties": {"@type": {"const": "PropertyValue"}},
        },
    },
    "anyOf": [
        {"required": ["jobLocation"]},
        {"required": ["jobLocationType", "applicantLocationRequirements"]},
    ],
}
ITEM_LIST = {
    "type": "object",
    "required": ["@context", "@type", "itemListElement", "numberOfItems"],
    "properties": {
        "@context": {"enum": ["https://schema.org", "https://schema.org/", "http://schema.org"]},
        "@type": {"const": "ItemList"},
        "numberOfItems": {"type": "integer", "minimum": 0},
        "itemListElement": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["@type", "position", "item"],
                "additionalProperties": False,
                "properties": {
                    "@type": {"const": "ListItem"},
                    "position": {"type": "integer", "minimum": 1},
                    "item": JOB_POSTING,
                },
            },
        },
    },
}

GREENHOUSE_JOB_POST = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "content"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "location": {"type": "string", "minLength": 1},
        "content": {"type": "string", "minLength": 1, "pattern": "^[^\\n\\r]*$"},
    },
}
GREENHOUSE_STAGES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "priority", "interviews"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "priority": {"type": "integer", "minimum": 0},
            "interviews": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name", "schedulable", "estimated_minutes", "interview_kit"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "schedulable": {"type": "boolean"},
                        "estimated_minutes": {"type": "integer", "minimum": 1},
                        "interview_kit": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["content", "questions"],
                            "properties": {
                                "content": {"type": ["string", "null"]},
                                "questions": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "additionalProperties": False,
                                        "required": ["question"],
                                        "properties": {"question": {"type": "string", "minLength": 1}},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}
GREENHOUSE_SCORECARD = {
    "type": "object",
    "additionalProperties": False,
    "required": ["attributes"],
    "properties": {
        "attributes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "type"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "type": {"enum": ["Skills", "Qualifications", "Personality Traits", "Details"]},
                    "note": {"type": ["string", "null"]},
                },
            },
        }
    },
}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(map(str, args)))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The example roles with a company profile that gives job pages and LinkedIn ids."""
    roles = tmp_path / "roles"
    shutil.copytree(ROLES, roles)
    with (roles / "company.yaml").open("a", encoding="utf-8") as handle:
        handle.write(COMPANY_FEEDS)
    return roles


def cdata_everywhere(xml: str) -> None:
    """Every value stands in a CDATA section: outside them, only tags and white space."""
    outside = re.sub(r"<!\[CDATA\[.*?\]\]>", "", xml, flags=re.S)
    outside = re.sub(r"^<\?xml[^>]*\?>", "", outside)
    for text in re.findall(r">([^<]*)<", outside):
        assert not text.strip(), f"{text[:40]!r} stands outside CDATA"


def published_ids() -> list[str]:
    from hirecli.model.loader import iter_role_files, load_role

    return sorted(load_role(p).slug for p in iter_role_files([ROLES]))


# ---- Indeed -------------------------------------------------------------------------


def test_indeed_feed(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "indeed.xml"
    code, _, err = run("export", catalogue, "--feed", "indeed", "-o", out, "--date", DATE)
    text = out.read_text(encoding="utf-8")
    tree = etree.fromstring(text.encode("utf-8"))
    etree.XMLSchema(etree.fromstring(INDEED_XSD.encode())).assertValid(tree)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<source>')
    cdata_everywhere(text)
    jobs = tree.findall("job")
    ids = [job.findtext("referencenumber") for job in jobs]
    assert len(ids) == len(set(ids))
    left_out = [line for line in err.splitlines() if "left out of the indeed feed" in line]
    assert sorted(ids) == sorted(
        set(published_ids()) - {line.split("/")[-1].split(".yaml")[0] for line in left_out}
    )
    assert (code == ExitCode.INVALID) == bool(left_out)
    for job in jobs:
        role_id = job.findtext("referencenumber")
        assert job.findtext("requisitionid") == role_id
        assert job.findtext("url") == f"https://example.com/careers/{role_id}"
        assert job.findtext("date") == f"{DATE}T00:00:00Z"
        description = job.findtext("description") or ""
        assert not re.search(r"&(?!lt;|gt;)[#A-Za-z0-9]+;", description), "Indeed reads no HTML entities"
        assert "<p>" in description or "<ul>" in description
    nurse = next(j for j in jobs if j.findtext("referencenumber") == "registered-nurse")
    place = (nurse.findtext("city"), nurse.findtext("state"), nurse.findtext("country"))
    assert place == ("Seattle", "WA", "US")
    assert nurse.findtext("salary") == "$98,000 – $146,000 per year"
    assert nurse.findtext("jobtype") == "fulltime"


def test_roles_missing_what_a_feed_requires_are_named_and_left_out(tmp_path: Path) -> None:
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "company.yaml").write_text(
        "name: Acme\napply:\n  url: https://example.com/jobs\n", encoding="utf-8"
    )
    shutil.copy(ROLES / "registered-nurse.yaml", roles / "registered-nurse.yaml")
    (roles / "nowhere.yaml").write_text(
        "title: Nowhere Analyst\nsummary: A role without a place.\n", encoding="utf-8"
    )
    out = tmp_path / "feed.xml"
    code, _, err = run("export", roles, "--feed", "indeed", "-o", out, "--date", DATE)
    assert code == ExitCode.INVALID
    assert (
        f"{roles / 'nowhere.yaml'}: left out of the indeed feed: no city (location.city, or the "
        "company's location); no state or province (location.region); no country (location.country)" in err
    )
    tree = etree.parse(str(out))
    assert [j.findtext("referencenumber") for j in tree.findall("job")] == ["registered-nurse"]
    assert "1 left out" in err


def test_feeds_never_overwrite_without_force(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.json"
    out.write_text("mine", encoding="utf-8")
    code, _, err = run("export", catalogue, "--feed", "jsonld", "-o", out, "--date", DATE)
    assert code == ExitCode.USAGE
    assert "use --force" in err
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("export", catalogue, "--feed", "jsonld", "-o", out, "--date", DATE, "--force")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--feed", "monster", "-o", "x.xml"], "unknown feed 'monster'; known: indeed, linkedin, jsonld"),
        (["--ats", "lever", "-o", "out"], "unknown applicant tracking system 'lever'; known: greenhouse"),
        (["--feed", "indeed"], "needs role files or folders (PATH...) and a feed file"),
        (["--feed", "indeed", "--ats", "greenhouse", "-o", "x"], "give one of them"),
    ],
)
def test_feed_usage_errors(
    catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("export", catalogue, *args)
    assert code == ExitCode.USAGE
    assert message in err


def test_the_same_date_gives_the_same_bytes(catalogue: Path, tmp_path: Path) -> None:
    for name in ("indeed", "linkedin", "jsonld"):
        first, second = tmp_path / f"{name}-1", tmp_path / f"{name}-2"
        run("export", catalogue, "--feed", name, "-o", first, "--date", DATE)
        run("export", catalogue, "--feed", name, "-o", second, "--date", DATE)
        assert first.read_bytes() == second.read_bytes()


def test_cdata_survives_its_own_end_marker(tmp_path: Path) -> None:
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "company.yaml").write_text(
        "name: Acme ]]> & Sons\napply:\n  url: https://example.com/jobs\nlocation:\n  city: Austin\n"
        "  region: TX\n  country: US\n",
        encoding="utf-8",
    )
    (roles / "odd.yaml").write_text(
        "title: Engineer ]]> Lead <b>\nsummary: Tags like <b> and ]]> stay text.\n", encoding="utf-8"
    )
    out = tmp_path / "feed.xml"
    code, _, err = run("export", roles, "--feed", "indeed", "-o", out, "--date", DATE)
    assert code == 0, err
    job = etree.parse(str(out)).find("job")
    assert job is not None
    assert job.findtext("company") == "Acme ]]> & Sons"
    assert job.findtext("title") == "Engineer ]]> Lead <b>"
    assert "<p>Tags like &lt;b&gt; and ]]&gt; stay text.</p>" in (job.findtext("description") or "")


# ---- LinkedIn -----------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        assert not attrs, f"<{tag}> has attributes {attrs}"


def test_linkedin_feed(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "linkedin.xml"
    code, _, err = run("export", catalogue, "--feed", "linkedin", "-o", out, "--date", DATE)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    tree = etree.fromstring(text.encode("utf-8"))
    etree.XMLSchema(etree.fromstring(LINKEDIN_XSD.encode())).assertValid(tree)
    cdata_everywhere(text)
    jobs = tree.findall("job")
    assert sorted(j.findtext("partnerJobId") or "" for j in jobs) == published_ids()
    assert tree.findtext("expectedJobCount") == str(len(jobs))
    assert tree.findtext("lastBuildDate") == "Fri, 14 Mar 2025 00:00:00 GMT"
    for job in jobs:
        parser = _Tags()
        parser.feed(job.findtext("description") or "")
        assert parser.tags <= LINKEDIN_TAGS, parser.tags - LINKEDIN_TAGS
        assert job.findtext("companyId") == "1234567"
        assert job.findtext("posterEmail") == "jobs@example.com"
    nurse = next(j for j in jobs if j.findtext("partnerJobId") == "registered-nurse")
    assert nurse.findtext("location") == "Seattle, WA"
    assert nurse.findtext("workplaceTypes") == "On-site"
    assert nurse.findtext("jobtype") == "FULL_TIME"
    salary = nurse.find("salaries/salary")
    assert salary is not None
    assert (
        salary.findtext("lowEnd/amount"),
        salary.findtext("highEnd/amount"),
        salary.findtext("period"),
        salary.findtext("type"),
    ) == ("98000", "146000", "YEARLY", "BASE_SALARY")
    remote = next(j for j in jobs if j.findtext("partnerJobId") == "software-engineer")
    assert remote.findtext("workplaceTypes") == "Remote"
    assert remote.findtext("location") == "United States, Canada"


def test_linkedin_refuses_what_its_guide_refuses(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "company.yaml").write_text(
        "name: Acme\napply:\n  url: http://example.com/jobs\nlocation:\n"
        "  city: Austin\n  region: TX\n  country: US\n",
        encoding="utf-8",
    )
    (plain / "long.yaml").write_text(
        "id: a-role-id-that-is-far-longer-than-forty-characters\ntitle: Long\n", encoding="utf-8"
    )
    code, _, err = run("export", plain, "--feed", "linkedin", "-o", tmp_path / "f.xml", "--date", DATE)
    assert code == ExitCode.INVALID
    assert "LinkedIn's partnerJobId takes at most 40" in err
    assert "the apply address http://example.com/jobs does not start with https://" in err
    short = tmp_path / "short"
    short.mkdir()
    (short / "company.yaml").write_text(
        "name: Acme\nfeeds:\n  job_url: https://example.com/jobs/{id}\n", encoding="utf-8"
    )
    (short / "short.yaml").write_text(
        "title: Short\nlocation:\n  city: Austin\n  region: TX\n  country: US\n", encoding="utf-8"
    )
    code, _, err = run("export", short, "--feed", "linkedin", "-o", tmp_path / "g.xml", "--date", DATE)
    assert code == ExitCode.INVALID
    assert "characters; LinkedIn needs at least 100" in err


# ---- schema.org ---------------------------------------------------------------------


def test_jsonld_item_list(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "jobs.jsonld"
    code, _, err = run("export", catalogue, "--feed", "jsonld", "-o", out, "--date", DATE)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(ITEM_LIST).validate(data)
    items = data["itemListElement"]
    assert data["numberOfItems"] == len(items)
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert sorted(item["item"]["identifier"]["value"] for item in items) == published_ids()
    for item in items:
        posting = item["item"]
        assert posting["url"] == f"https://example.com/careers/{posting['identifier']['value']}"
        assert posting["datePosted"] == DATE


def test_jsonld_leaves_out_postings_google_would_refuse(tmp_path: Path) -> None:
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "lonely.yaml").write_text("title: Lonely Role\n", encoding="utf-8")
    code, _, err = run("export", roles, "--feed", "jsonld", "-o", tmp_path / "f.json", "--date", DATE)
    assert code == ExitCode.INVALID
    assert "hiringOrganization is missing" in err
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["itemListElement"] == []


# ---- Greenhouse ---------------------------------------------------------------------


def kit_data(role: Path) -> dict[str, Any]:
    code, out, err = run("interview-kit", role, "--format", "data")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


GREENHOUSE_ROLES = (
    "registered-nurse",
    "software-engineer-i",
    "software-engineer-ii-payments",
    "warehouse-associate",
)


def test_greenhouse_payloads(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "greenhouse"
    files = [next(catalogue.rglob(f"{name}.yaml")) for name in GREENHOUSE_ROLES]
    code, _, err = run("export", *files, "--ats", "greenhouse", "-o", out, "--date", DATE)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == sorted(GREENHOUSE_ROLES)
    for folder in out.iterdir():
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["job_post.json", "job_stages.json", "scorecard.json"]
        jsonschema.validate(json.loads((folder / "job_post.json").read_text("utf-8")), GREENHOUSE_JOB_POST)
        jsonschema.validate(json.loads((folder / "job_stages.json").read_text("utf-8")), GREENHOUSE_STAGES)
        jsonschema.validate(json.loads((folder / "scorecard.json").read_text("utf-8")), GREENHOUSE_SCORECARD)
    data = kit_data(catalogue / "registered-nurse.yaml")
    stages = json.loads((out / "registered-nurse" / "job_stages.json").read_text("utf-8"))
    assert [s["name"] for s in stages] == [s["name"] for s in data["stages"]]
    texts = {q["id"]: q["text"] for q in data["questions"]}
    for stage, expected in zip(stages, data["stages"], strict=True):
        interview = stage["interviews"][0]
        assert interview["estimated_minutes"] == expected["minutes"]
        assert [q["question"] for q in interview["interview_kit"]["questions"]] == [
            texts[q] for q in expected["questions"]
        ]
        assert interview["interview_kit"]["content"].startswith("<h5>Purpose</h5>")
    card = json.loads((out / "registered-nurse" / "scorecard.json").read_text("utf-8"))
    assert [a["name"] for a in card["attributes"]] == [c["name"] for c in data["competencies"]]
    post = json.loads((out / "registered-nurse" / "job_post.json").read_text("utf-8"))
    assert post["title"] == "Registered Nurse, Medical-Surgical"
    assert post["location"] == "On-site — Seattle, WA, United States"


def test_greenhouse_never_overwrites_without_force(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "gh"
    assert run("export", catalogue / "registered-nurse.yaml", "--ats", "greenhouse", "-o", out)[0] == 0
    before = (out / "registered-nurse" / "job_post.json").read_bytes()
    code, _, err = run("export", catalogue / "registered-nurse.yaml", "--ats", "greenhouse", "-o", out)
    assert code == ExitCode.USAGE
    assert "use --force" in err
    assert (out / "registered-nurse" / "job_post.json").read_bytes() == before
