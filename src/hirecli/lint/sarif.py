"""Lint findings as SARIF 2.1.0, for code-scanning tools (GitHub code scanning and others).

One run of the tool ``hirecli``: every rule of the rule table as a reporting descriptor
(with its default level, title, why it matters and what to do), and every finding as a
result with its rule, level, message and place (file relative to the current folder,
line and column; the exact words when the finding is about some). Each result carries
the fingerprint that ``--baseline`` uses, so that code scanning tracks a finding across
commits the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hirecli.lint.baseline import fingerprint, relative_file
from hirecli.lint.model import FileReport, Finding, Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
ROOT_ID = "SRCROOT"
FINGERPRINT = "hirecliFinding/v1"


def _descriptor(
    rule_id: str, category: str, severity: Severity, title: str, why: str, suggestion: str
) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": title},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": category, "tags": [category]},
    }
    if why:
        descriptor["fullDescription"] = {"text": why}
    if suggestion or why:
        descriptor["help"] = {"text": " ".join(p for p in (why, suggestion) if p)}
    return descriptor


def _rules(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    from hirecli.lint.rules import rules

    table = rules()
    out = [_descriptor(r.id, r.category, r.severity, r.title, r.why, r.suggestion) for r in table.values()]
    for finding in findings:
        if finding.rule not in table and all(d["id"] != finding.rule for d in out):
            out.append(
                _descriptor(
                    finding.rule,
                    finding.category,
                    finding.severity,
                    finding.rule,
                    finding.why,
                    finding.suggestion,
                )
            )
    return out


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.text and "\n" not in finding.text:
        region["endColumn"] = region["startColumn"] + len(finding.text)
        region["snippet"] = {"text": finding.text}
    return region


def _result(finding: Finding, index: int, root: Path) -> dict[str, Any]:
    message = finding.message if not finding.suggestion else f"{finding.message} {finding.suggestion}"
    uri = relative_file(finding.file, root)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {
                "uri": "stdin" if uri.startswith("<") or uri == "-" else uri,
                "uriBaseId": ROOT_ID,
            },
            "region": _region(finding),
        }
    }
    if finding.field:
        location["logicalLocations"] = [{"name": finding.field, "kind": "member"}]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": " ".join(message.split())},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding, root)},
        "properties": {"category": finding.category},
    }
    return result


def sarif_log(reports: Sequence[FileReport], root: Path | None = None) -> dict[str, Any]:
    """The SARIF log of ``reports``; paths are given relative to ``root`` (default: here)."""
    from hirecli.__about__ import __version__

    base = (root or Path.cwd()).resolve()
    findings = [f for report in reports for f in report.findings]
    rules = _rules(findings)
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "hirecli",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": base.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule], base) for f in findings],
            }
        ],
    }


def to_sarif(reports: Sequence[FileReport], root: Path | None = None) -> str:
    return json.dumps(sarif_log(reports, root), indent=2, ensure_ascii=False) + "\n"
