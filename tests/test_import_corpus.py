"""Every job description in tests/import_corpus imports to what its labels say.

Each input ``<name>.<ext>`` has ``<name>.expected.yaml`` beside it. Word documents are
kept as ``<name>.docx.yaml`` (paragraph styles and text) and built here with
python-docx, so the reader meets real Word markup: styles, numbering, bold runs, tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hirecli.importers import Imported, import_path
from hirecli.model.loader import load_role_text

CORPUS = Path(__file__).parent / "import_corpus"
INPUTS = sorted(
    p for p in CORPUS.iterdir() if not p.name.endswith(".expected.yaml") and not p.name.startswith(".")
)


def build_docx(spec_path: Path, target: Path) -> Path:
    """A .docx from a spec: a list of [style, text] pairs, tables and hand-made lists."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    spec = yaml.safe_load(spec_path.read_text("utf-8"))
    document = docx.Document()
    if spec.get("core_title"):
        document.core_properties.title = spec["core_title"]
    for style, content in spec["body"]:
        if style == "table":
            table = document.add_table(rows=0, cols=len(content[0]))
            for row in content:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            continue
        if style in ("bold", "numbered"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(content)
            if style == "bold":
                run.bold = True
            else:
                numbering = OxmlElement("w:numPr")
                level = OxmlElement("w:ilvl")
                level.set(qn("w:val"), "0")
                number = OxmlElement("w:numId")
                number.set(qn("w:val"), "1")
                numbering.append(level)
                numbering.append(number)
                paragraph._p.get_or_add_pPr().append(numbering)
            continue
        document.add_paragraph(content, style=style)
    out = target / spec_path.name.removesuffix(".yaml")
    document.save(str(out))
    return out


def _get(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _import(source: Path, tmp_path: Path) -> Imported:
    path = build_docx(source, tmp_path) if source.name.endswith(".docx.yaml") else source
    return import_path(str(path))


def _expected(source: Path) -> dict[str, Any]:
    stem = source.name.removesuffix(".yaml").rsplit(".", 1)[0]
    return yaml.safe_load((CORPUS / f"{stem}.expected.yaml").read_text("utf-8"))


def test_corpus_is_large_and_labelled() -> None:
    kinds = {p.name.removesuffix(".yaml").rsplit(".", 1)[-1] for p in INPUTS}
    assert len(INPUTS) >= 12
    assert {"txt", "md", "html", "docx"} <= kinds
    for source in INPUTS:
        assert _expected(source), source


@pytest.mark.parametrize("source", INPUTS, ids=[p.name for p in INPUTS])
def test_corpus_labels(source: Path, tmp_path: Path) -> None:
    imported = _import(source, tmp_path)
    data = imported.built.data
    labels = _expected(source)
    load_role_text(imported.built.text, source.name)
    for key in ("title", "employment_type", "schedule", "tags", "department", "reports_to", "openings"):
        if key in labels:
            assert data.get(key) == labels[key], key
    for key in ("compensation", "location", "experience"):
        for name, value in (labels.get(key) or {}).items():
            assert _get(data, f"{key}.{name}") == value, f"{key}.{name}"
    if "summary_starts" in labels:
        assert str(data.get("summary", "")).startswith(labels["summary_starts"])
    if labels.get("no_summary"):
        assert "summary" not in data
    for path, count in (labels.get("counts") or {}).items():
        found = _get(data, path) or []
        assert len(found) == count, f"{path}: {found}"
    for path, items in (labels.get("items") or {}).items():
        found = _get(data, path) or []
        for item in items:
            assert item in found, f"{item!r} not in {path}: {found}"
    for text in labels.get("notes_contain") or []:
        assert text in data.get("notes", ""), text
    for key, text in (labels.get("company_contains") or {}).items():
        offered = " ".join(a.text for a in imported.report.company.get(key, []))
        assert text in offered, (key, text, imported.report.company)
    if labels.get("no_notes"):
        assert "notes" not in data, data.get("notes")
    if "variable_pay_contains" in labels:
        assert labels["variable_pay_contains"] in data["compensation"].get("variable_pay", "")
    report = imported.report
    assert not any("no rule placed" in warning for warning in report.warnings)
    for after in labels.get("mended") or []:
        assert any(after in mend.after for mend in report.mends), (after, report.mends)
    for text in labels.get("warnings_contain") or []:
        assert any(text in warning for warning in report.warnings), (text, report.warnings)
    if "left_out" in labels:
        assert len(report.dropped) == labels["left_out"], report.dropped
