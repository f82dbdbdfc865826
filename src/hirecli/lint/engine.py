"""Running every check on a posting, and on files of any supported kind.

``lint_posting`` is the pure core (a posting and settings in, a report out), so a
thousand postings lint in one process without touching the disk again; ``lint_file``
reads a role file, a posting in Markdown, text, HTML or Word, or standard input.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from hirecli.errors import InputFileError, InvalidInputError, Problem, ValidationFailed
from hirecli.lint import compliance, lawcheck, structure, wordchecks
from hirecli.lint.config import Settings, company_settings, find_settings, load_settings
from hirecli.lint.context import Context
from hirecli.lint.model import FileReport, Finding, Posting, Segment, Severity
from hirecli.lint.postings import FORMATS, read_posting
from hirecli.lint.rules import kit_needed, rules
from hirecli.lint.terms import term_index
from hirecli.screening.protected import find_protected_topics

ROLE_SUFFIXES = (".yaml", ".yml")
POSTING_SUFFIXES = tuple(FORMATS)
STDIN = "-"


@functools.cache
def _allow_pattern(term: str) -> re.Pattern[str]:
    words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term.strip()))
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _allowed(posting: Posting, terms: tuple[str, ...]) -> list[tuple[Segment, int, int]]:
    spans: list[tuple[Segment, int, int]] = []
    for term in terms:
        pattern = _allow_pattern(term)
        for segment in (*posting.segments, *posting.fields, *posting.questions):
            spans += [(segment, m.start(), m.end()) for m in pattern.finditer(segment.text)]
    return spans


def check_questions(ctx: Context) -> None:
    """Interview questions that touch protected topics, each with the question to ask instead."""
    for question in ctx.posting.questions:
        for hit in find_protected_topics(question.text):
            law = f" ({hit.law})" if hit.law else ""
            ctx.report(
                "protected-topic-question",
                f'Interview question asks about {hit.topic}: "{hit.matched}"{law}',
                question,
                hit.start,
                hit.end,
                suggestion=f"Ask instead: {hit.alternative}",
                why=hit.why,
            )


def check_drafts(ctx: Context) -> None:
    """Skills the library does not know: their questions are drafts until a person reviews them."""
    for skill in ctx.posting.drafts:
        ctx.report(
            "draft-questions",
            f"Skill '{skill.text}' has only draft interview questions: no "
            "library competency of this role's field matches it",
            skill,
        )


def lint_posting(
    posting: Posting, settings: Settings | None = None, *, today: date | None = None
) -> FileReport:
    """Every finding in ``posting`` under ``settings``, sorted by file and position."""
    settings = settings or Settings()
    ctx = Context(posting, today or date.today(), settings.jurisdictions, settings.employees)
    ctx.allowed = _allowed(posting, (*settings.allow, *posting.allow))
    lawcheck.check_screen(ctx)
    wordchecks.check_terms(ctx, term_index())
    if settings.ban:
        wordchecks.check_terms(ctx, wordchecks.banned_index(settings.ban))
    wordchecks.check_gender(ctx, balance=posting.kind != "company")
    checks: tuple[Callable[[Context], None], ...] = (
        structure.check_length,
        structure.check_bullets,
        structure.check_requirements,
        structure.check_readability,
        structure.check_duplicates,
        structure.check_damage,
        structure.check_mojibake,
        compliance.check_pay,
        compliance.check_eeo,
        check_questions,
        check_drafts,
    )
    if posting.kind == "company":  # a profile is not a posting: no length, pay or structure checks
        checks = (structure.check_mojibake, compliance.check_eeo)
    for check in checks:
        check(ctx)
    disabled = settings.disable | set(posting.disable)
    findings = [_with_severity(f, settings.severity) for f in ctx.findings if f.rule not in disabled]
    findings.sort(key=lambda f: (f.file != posting.file, f.file, f.line, f.column, f.rule))
    gender = ctx.stats.pop("gender")
    report = FileReport(posting.file, findings, ctx.stats)
    if isinstance(gender, type(report.gender)):
        report.gender = gender
    if posting.notes:
        report.stats["notes"] = list(posting.notes)
    return report


def _with_severity(finding: Finding, overrides: dict[str, str]) -> Finding:
    wanted = overrides.get(finding.rule)
    if wanted is None or wanted == finding.severity.value:
        return finding
    from dataclasses import replace

    return replace(finding, severity=Severity(wanted))


@dataclass(frozen=True)
class Options:
    """What the command line decides for every file."""

    company: Path | None = None
    use_company: bool = True
    channel: str = "careers"
    config: Path | None = None
    kit: bool = True
    today: date | None = None


def _company_for(path: str, options: Options) -> Path | None:
    if not options.use_company:
        return None
    if options.company is not None:
        return options.company
    from hirecli.model.loader import find_company

    found = find_company(path)
    if found is None:
        return None
    try:
        return found.relative_to(Path.cwd())
    except ValueError:
        return found


def settings_for(path: str, options: Options, company: Path | None) -> Settings:
    """The settings for one file: company ``lint:``, nearest lint file, then ``--config``."""
    settings = Settings()
    if company is not None:
        settings = settings.merged(company_settings(company.resolve()))
    folder = Path.cwd() if path == STDIN else Path(path).resolve().parent
    nearest = find_settings(folder)
    if nearest is not None:
        settings = settings.merged(load_settings(nearest))
    if options.config is not None:
        settings = settings.merged(load_settings(options.config.resolve()))
    return settings


def _invalid(name: str, exc: ValidationFailed) -> FileReport:
    rule = rules()["invalid-file"]
    return FileReport(
        name,
        [
            Finding(
                "invalid-file",
                rule.category,
                rule.severity,
                p.message,
                "",
                p.file,
                p.line,
                p.column,
                rule.why,
                rule.suggestion,
            )
            for p in exc.problems
        ],
    )


def _read_role(path: str, options: Options, company: Path | None, settings: Settings) -> Posting:
    from hirecli.lint.rolesource import read_company, read_role
    from hirecli.model.loader import is_company_file, read_bytes
    from hirecli.model.yamlsource import decode

    data, name = read_bytes(path)
    if is_company_file(path):
        return read_company(decode(data, name), name)
    kit = options.kit and kit_needed(settings.disable)
    return read_role(decode(data, name), name, company, options.channel, kit=kit)


def lint_file(path: str, options: Options, stdin: BinaryIO | None = None) -> tuple[FileReport, Settings]:
    """Read and lint one file (``-`` is a posting on standard input)."""
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    name = "<stdin>" if path == STDIN else str(Path(path))
    if suffix not in (*ROLE_SUFFIXES, *POSTING_SUFFIXES) and path != STDIN:
        raise InputFileError(
            f"{name}: cannot lint {suffix or 'this'} files; use a role file "
            f"(.yaml) or a posting ({', '.join(POSTING_SUFFIXES)})"
        )
    company = _company_for(path, options)
    try:
        settings = settings_for(path, options, company)
        if suffix in ROLE_SUFFIXES:
            posting = _read_role(path, options, company, settings)
        else:
            posting = _read_posting(path, suffix, stdin)
    except ValidationFailed as exc:
        return _invalid(name, exc), Settings()
    return lint_posting(posting, settings, today=options.today), settings


def _read_posting(path: str, suffix: str, stdin: BinaryIO | None) -> Posting:
    from hirecli.readers.source import read_input

    data, name = read_input(path, stdin)
    try:
        return read_posting(data, name, suffix)
    except ValidationFailed:
        raise
    except InvalidInputError as exc:  # a file with no text is a finding, not the end of the run
        raise ValidationFailed([Problem(name, 1, 1, exc.message.removeprefix(f"{name}: "))]) from None


def iter_lint_paths(paths: list[str]) -> list[str]:
    """Files named, and role files and postings found (recursively, sorted) in folders."""

    found: list[str] = []
    from hirecli.companyfind import note_roots

    note_roots(paths)  # a company profile is looked for no higher than the folder given
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in (*ROLE_SUFFIXES, *POSTING_SUFFIXES)
                and not p.name.startswith(".")
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.append(raw)
        else:
            raise InputFileError(f"{raw}: no such file or folder")
    return found


def lint_paths(
    paths: list[str], options: Options, stdin: BinaryIO | None = None
) -> list[tuple[FileReport, Settings]]:
    """Lint every file named or found; a company profile in the run is reported once, as itself.

    Role files show their company profile's text in the posting; when the profile is
    linted in the same run, findings that point into it are left to its own report
    instead of being repeated for every role.
    """
    from hirecli.model.loader import is_company_file

    files = iter_lint_paths(paths)
    results = [lint_file(path, options, stdin) for path in files]
    profiles = {Path(path).resolve() for path in files if is_company_file(path)}
    if not profiles:
        return results
    trimmed: list[tuple[FileReport, Settings]] = []
    for path, (report, settings) in zip(files, results, strict=True):
        if not is_company_file(path):
            report.findings = [
                f for f in report.findings if f.file == report.file or Path(f.file).resolve() not in profiles
            ]
        trimmed.append((report, settings))
    return trimmed
