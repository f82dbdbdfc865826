"""Reading a role file as the posting hirecli would publish for it, plus its interview questions.

The posting comes from the posting builder (for the chosen channel and company
profile), so the linter sees exactly what candidates will read. Every piece is placed
from the loaded role and its source map (:mod:`hirecli.lint.roleposting`), so findings
point at the line and column where the words are written: in the role file, in the
family file an inherited value comes from, or in ``company.yaml``. Text that hirecli
adds (headings, the pay line) points at the field it describes. Text fields the
posting does not show (internal notes, career paths a channel leaves out) are linted
on their own, and so are the role's interview questions (:mod:`hirecli.lint.rolekit`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from hirecli.lint.model import Locator, Posting, Segment, SegmentKind
from hirecli.lint.roletext import RoleFiles, dotted, fold, yaml_text

if TYPE_CHECKING:
    from hirecli.lint.yamlmap import Path as YamlPath
    from hirecli.lint.yamlmap import Scalar, SourceText
    from hirecli.model.company import Company
    from hirecli.model.yamlsource import SourceMap

_SKIP_KEYS = frozenset(
    {
        "id",
        "extends",
        "abstract",
        "lint",
        "occupation_code",
        "currency",
        "period",
        "workplace",
        "employment_type",
        "country",
        "region",
        "postal_code",
        "url",
        "email",
        "website",
        "apply",
        "$schema",
        "tags",
        "type",
        "kind",
        "id_prefix",
        "min",
        "max",
        "openings",
        "date",
        "valid_through",
        "posted",
        "language",
        "locale",
        "logo",
    }
)
_NOT_PROSE = re.compile(
    r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|[a-z][\w+.-]*://\S+|[\w./-]*\.(?:yaml|yml|json|png|jpg|svg)|"
    r"[\d\s.,:/$€£%-]+)$",
    re.IGNORECASE,
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _prose(source: SourceText) -> list[tuple[YamlPath, Scalar, str]]:
    """The text values of a YAML file worth linting, in file order, with their folded text."""
    found = []
    for path, scalar in sorted(source.scalars.items(), key=lambda item: item[1].start):
        if not path or any(isinstance(part, str) and part in _SKIP_KEYS for part in path):
            continue
        if scalar.style is None and scalar.value in _NULLS:
            continue
        text = fold(scalar.value)
        if len(text) >= 2 and not _NOT_PROSE.match(text):
            found.append((path, scalar, text))
    return found


def _locator(source: SourceText, path: YamlPath, scalar: Scalar, text: str) -> Locator:
    exact = source.locator(path, text)
    if exact is not None:
        return exact
    line, column = source.position(scalar.start)
    return Locator.at(line, column, exact=False)


def _field_segments(files: RoleFiles, owners: list[str]) -> list[Segment]:
    """Text fields the posting does not show, and no question came from, to lint on their own."""
    found: list[Segment] = []
    for file in owners:
        source = files.text(file)
        if source is None:
            continue
        for path, scalar, text in _prose(source):
            if (file, path) in files.used or len(text) < 3:
                continue
            where = _locator(source, path, scalar, text)
            found.append(Segment(text, "paragraph", where, file, "", "", -1, dotted(path)))
    return found


def _company(company_file: Path) -> tuple[Company, SourceMap, str, str]:
    from hirecli.model.loader import read_bytes
    from hirecli.model.yamlsource import decode

    data, name = read_bytes(company_file)
    text = decode(data, name)
    company, positions = _load_company(text, name)
    return company, positions, name, text


@functools.lru_cache(maxsize=4)
def _load_company(text: str, name: str) -> tuple[Company, SourceMap]:
    """The profile and its source map, loaded once for every role of a folder that shares it."""
    from hirecli.model.company import Company
    from hirecli.model.loader import load_text

    loaded = load_text(text, name, Company)
    return loaded.model, loaded.positions


def read_role(text: str, file: str, company_file: Path | None, channel: str, *, kit: bool = True) -> Posting:
    """The posting and interview questions of the role in ``text``, placed where they are written.

    With ``kit`` (and unless the role disables every rule that reads kit questions), the
    interview kit is planned once and its questions are linted too.
    """
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.lint.rolekit import custom_questions, kit_questions
    from hirecli.lint.roleposting import posting_segments, requirement_counts
    from hirecli.lint.rules import kit_needed
    from hirecli.model.loader import load_role_text

    loaded = load_role_text(text, file)
    role = loaded.model
    texts = {file: text}
    company: Company | None = None
    company_positions: SourceMap | None = None
    if company_file is not None:
        company, company_positions, company_name, company_text = _company(company_file)
        texts[company_name] = company_text
    files = RoleFiles(loaded.positions, company_positions, texts)
    result = build_posting_with_report(role, company, channel=channel)
    segments = posting_segments(result, role, company, files)
    notes: list[str] = []
    drafts: list[Segment] = []
    questions = custom_questions(role, files)
    if kit and kit_needed(role.lint.disable):
        questions += kit_questions(role, company, files, notes, drafts)
    return Posting(
        file,
        segments,
        questions,
        role,
        company,
        tuple(role.lint.allow),
        tuple(role.lint.disable),
        requirement_counts(result),
        notes,
        _field_segments(files, list(texts)),
        "role",
        drafts,
    )


_COMPANY_KINDS = {
    "about": "about",
    "eeo_statement": "eeo",
    "benefits": "benefits",
    "apply": "apply",
    "name": "title",
}


def read_company(text: str, file: str) -> Posting:
    """A company profile as a posting of its own: every text field, located, by section."""
    from hirecli.model.company import Company
    from hirecli.model.loader import load_text

    company = load_text(text, file, Company).model
    source = yaml_text(text)
    segments: list[Segment] = []
    group = -1
    last_list: YamlPath | None = None
    for path, scalar, folded in _prose(source):
        top = str(path[0])
        kind: SegmentKind = "title" if top == "name" else "paragraph"
        if isinstance(path[-1], int):
            kind = "bullet"
            if path[:-1] != last_list:
                group += 1
                last_list = path[:-1]
        segments.append(
            Segment(
                folded,
                kind,
                _locator(source, path, scalar, folded),
                file,
                _COMPANY_KINDS.get(top, ""),
                top,
                group if kind == "bullet" else -1,
                dotted(path),
            )
        )
    return Posting(file, segments, company=company, kind="company")
