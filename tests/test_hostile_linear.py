"""Linear time on hostile text: every reader, builder and lint check, fed 100 KB strings.

A regular expression that retries a long run from every position (``\\s*x`` on a
megabyte of spaces, ``\\d[\\d,.]*`` on "1,1,1,…", ``\\([^)]*\\)`` on "((((") or a loop
that compares each item with all before it turns a big input into minutes. Each
target here is fed strings built from runs of such characters at 10 KB and at 100 KB;
ten times the text may take at most :data:`RATIO` times as long (linear time takes about
ten), and 100 KB must finish within :data:`CEILING` seconds of CPU time.
"""

from __future__ import annotations

import datetime
import io
import json
import time
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape

import pytest

from test_hostile_support import CONTENT_TYPES, PACKAGE_RELS, W_NS

SMALL, LARGE = 10_000, 100_000
RATIO = 30
CEILING = 60.0

UNITS: dict[str, tuple[str, ...]] = {
    "letters": ("a", "ab ", "Ab", "аa", "a\u200b", "e\u0301"),
    "digits": ("1", "1,", "1.", "1 ", "$1", "€1 ", "$1k-", "10-", "1-2 years ", "1%", "1+"),
    "space": (" ", " -", "\t", "a ", ", ", " / ", "  \u00a0"),
    "brackets": ("(", "(a", "[](", "[", "<", "<a", "<b>", "&#", "{", "{{"),
    "marks": ("*", "*a", "_", "#", "|", "!", ":", "-", "'", '"a', "\\", "a.", "a@a.", "http://a", "/a"),
    "words": (
        "young ",
        "are you ",
        "rockstar ",
        "must be ",
        "citizens ",
        "native ",
        "per hour ",
        "years of experience ",
        "and ",
        "in ",
        "with ",
    ),
}
"""Runs of characters that have made patterns retry from every position."""


def hostile(kind: str, size: int, *, one_line: bool = False) -> str:
    """``size`` characters of long runs of each unit of ``kind``; lines every 2,000 characters
    unless ``one_line``."""
    units = UNITS[kind]
    each = size // len(units)
    parts = [(unit * (each // len(unit) + 1))[:each] for unit in units]
    text = " x ".join(parts)
    if not one_line:
        text = "\n".join(text[i : i + 2000] for i in range(0, len(text), 2000))
    return text


def _cpu(fn: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        try:
            fn(text)
        except Exception as exc:  # a refusal is an answer; only the time is measured here
            from hirecli.errors import HirecliError

            if not isinstance(exc, HirecliError):
                raise
        best = min(best, time.process_time() - start)
    return best


def check_linear(fn: Callable[[str], object], kind: str, *, one_line: bool = False) -> None:
    fn(hostile(kind, 100, one_line=one_line))  # load data and compile patterns first
    small = _cpu(fn, hostile(kind, SMALL, one_line=one_line))
    large = _cpu(fn, hostile(kind, LARGE, one_line=one_line))
    assert large < CEILING, f"{kind}: {large:.1f} s for 100 KB"
    assert large < RATIO * small + 0.5, f"{kind}: {small:.2f} s for 10 KB, {large:.2f} s for 100 KB"


# ---- targets ------------------------------------------------------------------------------------


def _role_yaml(**fields: str) -> str:
    lines = [f"title: {json.dumps(fields.pop('title', 'Registered Nurse'))}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


def _load(yaml_text: str):  # type: ignore[no-untyped-def]
    from hirecli.model.loader import load_role_text

    return load_role_text(yaml_text, "hostile.yaml")


def _posting(yaml_text: str) -> None:
    from hirecli.builders.posting.build import build_posting_with_report
    from hirecli.writers import WriteOptions, get_writer

    result = build_posting_with_report(_load(yaml_text).model, None, date=datetime.date(2026, 3, 2))
    for fmt in ("md", "html", "text", "json"):
        get_writer(fmt).render(result.document, WriteOptions())


def _kit(yaml_text: str) -> None:
    from hirecli.builders.kit.document import kit_document
    from hirecli.builders.kit.plan import plan_kit
    from hirecli.builders.kit.scorecard import scorecard_document
    from hirecli.writers import WriteOptions, get_writer

    loaded = _load(yaml_text)
    kit = plan_kit(loaded.model, None, positions=loaded.positions)
    for doc in (kit_document(kit), scorecard_document(kit, None)):
        get_writer("md").render(doc, WriteOptions())


def _lint(data: bytes, name: str) -> None:
    from hirecli.lint.config import Settings
    from hirecli.lint.engine import lint_posting, read_posting

    lint_posting(read_posting(data, name, "." + name.rsplit(".", 1)[-1]), Settings())


def _lint_role(yaml_text: str) -> None:
    from hirecli.lint.config import Settings
    from hirecli.lint.engine import lint_posting
    from hirecli.lint.rolesource import read_role

    lint_posting(read_role(yaml_text, "hostile.yaml", None, "careers", kit=False), Settings())


def _docx(text: str) -> bytes:
    lines = ["Registered Nurse", "Responsibilities", *text.split("\n")]
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


def _import(data: bytes, name: str) -> None:
    from hirecli.importers import import_bytes

    import_bytes(data, name)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


TARGETS: dict[str, tuple[Callable[[str], object], bool]] = {
    "loader": (lambda t: _load(_role_yaml(summary=_quote(t))), False),
    "posting-title": (lambda t: _posting(_role_yaml(title=t)), True),
    "posting-summary": (lambda t: _posting(_role_yaml(summary=_quote(t))), False),
    "posting-duty": (lambda t: _posting(_role_yaml(responsibilities=f"{{primary: [{_quote(t)}]}}")), False),
    "posting-skill": (lambda t: _posting(_role_yaml(skills=f"{{hard: [{_quote(t)}]}}")), True),
    "posting-requirements": (
        lambda t: _posting(
            _role_yaml(education=f"{{minimum: [{_quote(t)}]}}", experience=f"{{description: {_quote(t)}}}")
        ),
        False,
    ),
    "kit-skill": (
        lambda t: _kit(_role_yaml(skills=f"{{hard: [{_quote(t)}], soft: [{_quote(t[::-1] + 'x')}]}}")),
        True,
    ),
    "kit-duty": (
        lambda t: _kit(
            _role_yaml(skills="{hard: [Patient Care]}", responsibilities=f"{{primary: [{_quote(t)}]}}")
        ),
        False,
    ),
    "kit-question": (
        lambda t: _kit(
            _role_yaml(
                competencies=f"[{{name: Care, questions: [{{text: {_quote(t)}, probes: [{_quote(t)}]}}]}}]"
            )
        ),
        False,
    ),
    "lint-markdown": (lambda t: _lint(f"# Nurse\n\n{t}\n".encode(), "ad.md"), False),
    "lint-text": (lambda t: _lint(f"Nurse\n\n{t}\n".encode(), "ad.txt"), False),
    "lint-html": (lambda t: _lint(f"<h1>Nurse</h1><p>{escape(t)}</p>".encode(), "ad.html"), False),
    "lint-docx": (lambda t: _lint(_docx(t), "ad.docx"), False),
    "lint-role": (
        lambda t: _lint_role(_role_yaml(summary=_quote(t), responsibilities=f"{{primary: [{_quote(t)}]}}")),
        False,
    ),
    "import-text": (
        lambda t: _import(f"Registered Nurse\n\nResponsibilities\n{t}\n".encode(), "ad.txt"),
        False,
    ),
    "import-markdown": (
        lambda t: _import(f"# Registered Nurse\n\n## Duties\n\n{t}\n".encode(), "ad.md"),
        False,
    ),
    "import-html": (
        lambda t: _import(f"<h1>Registered Nurse</h1><h2>Duties</h2><p>{escape(t)}</p>".encode(), "ad.html"),
        False,
    ),
    "import-docx": (lambda t: _import(_docx(t), "ad.docx"), False),
}


@pytest.mark.parametrize("kind", list(UNITS))
@pytest.mark.parametrize("target", list(TARGETS))
def test_hostile_text_takes_linear_time(target: str, kind: str) -> None:
    fn, one_line = TARGETS[target]
    check_linear(fn, kind, one_line=one_line)


def test_a_scorecard_for_thousands_of_skills_takes_linear_time() -> None:
    def skills(count: int) -> str:
        names = ", ".join(f"Skill {n} of the plant" for n in range(count))
        return _role_yaml(skills=f"{{hard: [{names}]}}")

    def cost(count: int) -> float:
        start = time.process_time()
        _kit(skills(count))
        return time.process_time() - start

    cost(5)
    small, large = cost(150), cost(1500)
    assert large < 120, f"{large:.1f} s for 1,500 skills"
    assert large < 15 * small + 1, (small, large)


def test_tall_merged_tables_in_word_take_linear_time() -> None:
    def table(rows: int) -> str:
        first = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
        cont = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        span = '<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc>'
        body = (
            "<w:p><w:r><w:t>Registered Nurse</w:t></w:r></w:p><w:tbl><w:tblGrid>"
            + "<w:gridCol/>" * 7
            + "</w:tblGrid>"
            + "<w:tr>"
            + first * 4
            + span
            + "</w:tr>"
            + ("<w:tr>" + cont * 4 + span + "</w:tr>") * rows
            + "</w:tbl>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", PACKAGE_RELS)
            archive.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        return buffer.getvalue().decode("latin-1")

    def cost(rows: int) -> float:
        data = table(rows).encode("latin-1")
        start = time.process_time()
        for fn in (_import, _lint):
            try:
                fn(data, "table.docx")
            except Exception as exc:
                from hirecli.errors import HirecliError

                if not isinstance(exc, HirecliError):
                    raise
        return time.process_time() - start

    cost(2)
    small, large = cost(100), cost(1000)
    assert large < 60, f"{large:.1f} s for 1,000 rows"
    assert large < 20 * small + 1, (small, large)
