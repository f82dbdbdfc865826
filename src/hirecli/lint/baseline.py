"""A lint baseline: today's findings recorded, so that CI fails only on new ones.

``hirecli lint roles/ --write-baseline .hirecli-baseline.json`` records every finding;
``hirecli lint roles/ --baseline .hirecli-baseline.json`` then reports (and fails on)
only findings that are not in it. A finding is known by its rule, its file (relative to
the baseline's folder, so the baseline works from any folder), the field it is in and
the words it is about, not by its line: adding lines above it does not make it new.
The same finding twice counts twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from hirecli.errors import InputFileError, InvalidInputError
from hirecli.lint.model import FileReport, Finding

BASELINE_VERSION = 1
STDIN_NAMES = frozenset({"-", "<stdin>"})


def relative_file(file: str, root: Path) -> str:
    """``file`` relative to ``root`` with forward slashes (as it is, for standard input)."""
    if file in STDIN_NAMES or file.startswith("<"):
        return file
    try:
        shown = os.path.relpath(Path(file).resolve(), root)
    except ValueError:
        shown = str(Path(file).resolve())
    return shown.replace(os.sep, "/")


def fingerprint(finding: Finding, root: Path) -> str:
    """What identifies a finding from one run to the next, whatever line it moved to."""
    text = " ".join(finding.text.split()).casefold()
    key = "\0".join((finding.rule, relative_file(finding.file, root), finding.field or "", text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def entries(reports: Sequence[FileReport], root: Path) -> list[dict[str, Any]]:
    """Every finding as a baseline entry, in a stable order."""
    found = [
        {
            "fingerprint": fingerprint(f, root),
            "rule": f.rule,
            "file": relative_file(f.file, root),
            "field": f.field,
            "text": f.text,
            "line": f.line,
            "message": f.message,
        }
        for report in reports
        for f in report.findings
    ]
    found.sort(key=lambda e: (e["file"], e["line"], e["rule"], e["fingerprint"]))
    return found


def baseline_text(reports: Sequence[FileReport], root: Path) -> str:
    payload = {"version": BASELINE_VERSION, "tool": "hirecli lint", "findings": entries(reports, root)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, reports: Sequence[FileReport], *, force: bool = False) -> int:
    """Record every finding of ``reports`` in ``path``; the number recorded."""
    from hirecli.fileio import write_atomic

    root = path.resolve().parent
    write_atomic(path, baseline_text(reports, root), force=force)
    return sum(len(r.findings) for r in reports)


def read_baseline(path: Path) -> Counter[str]:
    """How often each fingerprint stands in the baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputFileError(
            f"{path}: no such baseline file (write one with --write-baseline {path})"
        ) from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInputError(f"{path}: not a hirecli lint baseline ({exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise InvalidInputError(f"{path}: not a hirecli lint baseline of version {BASELINE_VERSION}")
    counts: Counter[str] = Counter()
    for entry in data["findings"]:
        if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str):
            counts[entry["fingerprint"]] += 1
    return counts


@dataclass(frozen=True)
class Applied:
    reports: list[FileReport]
    known: int
    """Findings left out because the baseline has them."""
    gone: int
    """Findings in the baseline that no longer occur."""

    def note(self, path: Path) -> str:
        parts = []
        if self.known:
            parts.append(f"{self.known} finding{'s' * (self.known != 1)} in the baseline {path} not shown")
        if self.gone:
            parts.append(
                f"{self.gone} finding{'s' * (self.gone != 1)} of the baseline no longer occur "
                f"(record the current ones with --write-baseline {path} --force)"
            )
        return "; ".join(parts)


def apply_baseline(path: Path, reports: Sequence[FileReport]) -> Applied:
    """``reports`` with only the findings that the baseline at ``path`` does not have."""
    counts = read_baseline(path)
    root = path.resolve().parent
    kept: list[FileReport] = []
    known = 0
    for report in reports:
        new: list[Finding] = []
        for finding in report.findings:
            key = fingerprint(finding, root)
            if counts[key] > 0:
                counts[key] -= 1
                known += 1
            else:
                new.append(finding)
        kept.append(replace(report, findings=new))
    return Applied(kept, known, sum(counts.values()))


def use_baseline(
    reports: list[FileReport], *, baseline: Path | None, write: Path | None, force: bool, stderr: TextIO
) -> bool:
    """``--write-baseline`` (records ``reports``; True: the command is done) or ``--baseline``
    (takes the known findings out of ``reports`` in place, and says so on stderr)."""
    from hirecli.errors import UsageError

    if write is not None and baseline is not None:
        raise UsageError("--write-baseline records a baseline and --baseline uses one; give one of them")
    if write is not None:
        count = write_baseline(write, reports, force=force)
        stderr.write(
            f"wrote {write}: {count} finding{'s' * (count != 1)} recorded; lint with "
            f"--baseline {write} to report only new ones\n"
        )
        stderr.flush()
        return True
    assert baseline is not None
    applied = apply_baseline(baseline, reports)
    reports[:] = applied.reports
    note = applied.note(baseline)
    if note:
        stderr.write(note + "\n")
        stderr.flush()
    return False
