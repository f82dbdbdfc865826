"""Lint results for scripts and CI: JSON, GitHub workflow annotations, and plain lines."""

from __future__ import annotations

import json
from collections.abc import Sequence

from hirecli.lint.model import FileReport, Finding, Severity, fails

JSON_VERSION = 1
_GITHUB_LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def totals(reports: Sequence[FileReport]) -> dict[str, int]:
    findings = [f for r in reports for f in r.findings]
    return {
        "files": len(reports),
        "findings": len(findings),
        "error": sum(1 for f in findings if f.severity is Severity.error),
        "warning": sum(1 for f in findings if f.severity is Severity.warning),
        "info": sum(1 for f in findings if f.severity is Severity.info),
    }


def failed(report: FileReport, fail_on: str) -> bool:
    """True when ``report`` holds a finding at or above ``fail_on``."""
    return fail_on != "none" and any(fails(f.severity, fail_on) for f in report.findings)


def to_json(reports: Sequence[FileReport], fail_on: Sequence[str]) -> str:
    """One JSON document for all files: findings, the figures behind them, and totals."""
    files = []
    for report, level in zip(reports, fail_on, strict=True):
        files.append(
            {
                "file": report.file,
                "failed": failed(report, level),
                "fail_on": level,
                "counts": {s.value: report.count(s) for s in Severity},
                "gender": report.gender.to_dict(),
                "stats": report.stats,
                "findings": [f.to_dict() for f in report.findings],
            }
        )
    payload = {
        "version": JSON_VERSION,
        "failed": any(f["failed"] for f in files),
        "summary": totals(reports),
        "files": files,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the finding's line in a pull request."""
    level = _GITHUB_LEVELS[finding.severity]
    props = ",".join(
        [
            f"file={_escape_property(finding.file)}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={_escape_property(finding.rule)}",
        ]
    )
    body = f"{finding.message}\n{finding.suggestion}" if finding.suggestion else finding.message
    return f"::{level} {props}::{_escape_data(body)}"


def to_github(reports: Sequence[FileReport]) -> str:
    return "".join(github_line(f) + "\n" for r in reports for f in r.findings)


def text_line(finding: Finding) -> str:
    """``file:line:col: severity rule: message``, the shape editors and grep understand."""
    message = " ".join(finding.message.split())
    where = f"{finding.file}:{finding.line}:{finding.column}"
    return f"{where}: {finding.severity.value} {finding.rule}: {message}"


def to_text(reports: Sequence[FileReport]) -> str:
    return "".join(text_line(f) + "\n" for r in reports for f in r.findings)
