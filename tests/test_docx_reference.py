"""``--reference-docx``: a company's branded document supplies styles, page setup, header
and footer; documents it cannot serve are refused with a message that says what to do."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor

from hirecli.errors import UsageError
from hirecli.writers import WriteOptions, render
from hirecli.writers.docx.reference import load_base
from test_docx_writer import COMPANY, every_block

BRAND_RED = RGBColor(0xB0, 0x10, 0x20)


def save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def branded(tmp_path: Path, *, header: str | None = "ACME letterhead", name: str = "brand.docx") -> Path:
    """A reference as a company might keep one: restyled headings, narrow margins, a letterhead."""
    document = new_docx()
    heading = document.styles["Heading 1"]
    heading.font.color.rgb = BRAND_RED
    heading.font.name = "Georgia"
    section = document.sections[0]
    section.left_margin = section.right_margin = Inches(0.75)
    if header is not None:
        section.header.paragraphs[0].text = header
    document.add_paragraph("Delete me: sample text of the brand document")
    document.add_picture(io.BytesIO(_png()), width=Inches(0.2))
    return save(document, tmp_path / name)


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def rendered(reference: Path) -> Any:
    data = render(every_block(), "docx", WriteOptions(reference_docx=reference))
    assert isinstance(data, bytes)
    return new_docx(io.BytesIO(data)), data


def test_reference_supplies_styles_margins_and_header(tmp_path: Path) -> None:
    document, data = rendered(branded(tmp_path))
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb == BRAND_RED
    assert heading.font.name == "Georgia"
    assert document.sections[0].left_margin == Inches(0.75)
    assert document.sections[0].header.paragraphs[0].text == "ACME letterhead"
    footer = document.sections[0].footer.paragraphs[0]
    assert "Page" in footer.text
    assert [t.text.strip() for t in footer._p.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Delete me" not in text
    assert "What you will do" in text
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]


def test_missing_supplied_styles_are_added(tmp_path: Path) -> None:
    document, _ = rendered(branded(tmp_path))
    table_styles = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.TABLE}
    assert {"HC Key Facts", "HC Scorecard", "HC Table", "HC Notes"} <= table_styles
    assert document.styles["Hyperlink"].type == WD_STYLE_TYPE.CHARACTER
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number"} <= used


def test_reference_without_header_gets_ours(tmp_path: Path) -> None:
    document, _ = rendered(branded(tmp_path, header=None))
    assert COMPANY in document.sections[0].header.paragraphs[0].text


def test_reference_lists_restart(tmp_path: Path) -> None:
    document, _ = rendered(branded(tmp_path))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = [p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) for p in numbered]
    assert len(set(ids[:3])) == 1
    assert len(set(ids[3:])) == 1
    assert ids[0] != ids[3]
    root = document.part.numbering_part.element
    starts = {
        n.get(qn("w:numId")): n.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        for n in root.iter(qn("w:num"))
    }
    assert starts[ids[3]].get(qn("w:val")) == "3"


def test_list_styles_without_numbering_get_hirecli_lists(tmp_path: Path) -> None:
    document = new_docx()
    for name in ("List Bullet", "List Number"):
        ppr = document.styles[name].element.find(qn("w:pPr"))
        ppr.remove(ppr.find(qn("w:numPr")))
    rendered_doc, _ = rendered(save(document, tmp_path / "plain-lists.docx"))
    bullets = [p for p in rendered_doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets
    assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None for p in bullets)


def test_localised_style_ids_are_followed(tmp_path: Path) -> None:
    """German Word saves "heading 1" with the id "berschrift1"; the name is what counts."""
    document = new_docx()
    style = document.styles["Heading 1"].element
    style.set(qn("w:styleId"), "berschrift1")
    rendered_doc, data = rendered(save(document, tmp_path / "de.docx"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b'w:pStyle w:val="berschrift1"' in archive.read("word/document.xml")
    assert "Heading 1" in {p.style.name for p in rendered_doc.paragraphs}


def test_reference_missing_styles_names_them(tmp_path: Path) -> None:
    document = new_docx()
    styles = document.styles.element
    for name in ("Subtitle", "List Number"):
        styles.remove(document.styles[name].element)
    reference = save(document, tmp_path / "thin.docx")
    with pytest.raises(UsageError) as caught:
        load_base(reference)
    message = caught.value.message
    assert "'Subtitle'" in message
    assert "'List Number'" in message
    assert "'Title'" not in message
    assert str(reference) in message


def _retyped(source: Path, target: Path, content_type: str) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        content_type.encode(),
    )
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("content_type", "words"),
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "(.dotx)"),
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "(.docm)"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "not a Word document"),
    ],
)
def test_other_office_files_are_refused(tmp_path: Path, content_type: str, words: str) -> None:
    reference = _retyped(branded(tmp_path), tmp_path / "other.docx", content_type)
    with pytest.raises(UsageError, match=words.replace("(", r"\(").replace(")", r"\)")):
        load_base(reference)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word 97-2003 document (.doc)"),
        (b"{\\rtf1 not a docx}", "not a zip package"),
        (b"", "not a zip package"),
    ],
)
def test_non_docx_files_are_refused(tmp_path: Path, data: bytes, words: str) -> None:
    reference = tmp_path / "brand.doc"
    reference.write_bytes(data)
    with pytest.raises(UsageError) as caught:
        load_base(reference)
    assert words in caught.value.message


def test_odt_and_bare_zip_are_refused(tmp_path: Path) -> None:
    odt = tmp_path / "brand.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(UsageError, match="OpenDocument"):
        load_base(odt)
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UsageError, match="no Office package"):
        load_base(bare)


def test_missing_reference_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        load_base(tmp_path / "nope.docx")
    with pytest.raises(UsageError, match="folder"):
        load_base(tmp_path)


def test_reference_is_prepared_once_per_file_version(tmp_path: Path) -> None:
    reference = branded(tmp_path)
    first = load_base(reference)
    assert load_base(reference) is first
    branded(tmp_path, header="New letterhead")
    stat = reference.stat()
    os.utime(reference, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_base(reference) is not first


def test_reference_output_is_reproducible(tmp_path: Path) -> None:
    reference = branded(tmp_path)
    options = WriteOptions(reference_docx=reference)
    assert render(every_block(), "docx", options) == render(every_block(), "docx", options)


def test_export_names_a_bad_reference(tmp_path: Path, runner: Any, roles_dir: Path) -> None:
    from hirecli.cli.main import app

    bad = tmp_path / "brand.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(roles_dir), "-o", str(out), "--reference-docx", str(bad)])
    assert result.exit_code == 2
    assert "(.doc)" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_written_reference_shows_every_style_and_serves_as_a_reference(
    tmp_path: Path, runner: Any, roles_dir: Path
) -> None:
    from hirecli.cli.main import app
    from hirecli.writers.docx import template as tpl

    reference = tmp_path / "brand.docx"
    result = runner.invoke(app, ["export", "--write-reference-docx", str(reference), "--date", "2025-03-14"])
    assert result.exit_code == 0, result.output
    document = new_docx(str(reference))
    used = {p.style.name for p in document.paragraphs}
    used |= {t.style.name for t in document.tables}
    used |= {p.style.name for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs}
    wanted = {s.title() if s.islower() else s for s in (*tpl.REQUIRED_STYLES, *tpl.SUPPLIED_STYLES)}
    assert wanted - used <= {"Hyperlink", "HC Checkbox", "Header", "Footer"}
    assert not document.sections[0].header.paragraphs[0].text
    again = runner.invoke(app, ["export", "--write-reference-docx", str(reference)])
    assert again.exit_code == 2
    assert "would overwrite" in again.stderr

    out = tmp_path / "out"
    exported = runner.invoke(
        app,
        [
            "export",
            str(roles_dir / "software-engineer.yaml"),
            "-o",
            str(out),
            "--what",
            "posting",
            "--docx",
            "--reference-docx",
            str(reference),
        ],
    )
    assert exported.exit_code == 0, exported.output
    posting = new_docx(str(out / "software-engineer" / "posting.docx"))
    assert COMPANY in posting.sections[0].header.paragraphs[0].text
    assert "Reference document" not in "\n".join(p.text for p in posting.paragraphs)


def test_export_without_roles_or_folder_is_a_usage_error(runner: Any, tmp_path: Path) -> None:
    from hirecli.cli.main import app

    for args in ([], [str(tmp_path)], ["-o", str(tmp_path / "out")]):
        result = runner.invoke(app, ["export", *args])
        assert result.exit_code == 2
        assert "PATH" in result.stderr


# ---- the brand reaches tables, headers and every command -------------------------------------


def _style_colours(document: Any, name: str) -> set[str]:
    style = document.styles[name].element
    found = set()
    for node in style.iter():
        for attr in (qn("w:val"), qn("w:color"), qn("w:fill")):
            value = node.get(attr)
            if value and len(value) == 6 and all(c in "0123456789ABCDEFabcdef" for c in value):
                found.add(value.upper())
    return found


def test_table_colours_follow_the_references_accent(tmp_path: Path) -> None:
    from hirecli.writers.docx import template as tpl
    from hirecli.writers.docx.refstyles import brand_palette

    document, _ = rendered(branded(tmp_path))
    red = str(BRAND_RED)
    palette = brand_palette(red)
    for name in ("HC Table", "HC Scorecard", "HC Key Facts", "HC Callout"):
        colours = _style_colours(document, name)
        assert not colours & {tpl.NAVY, tpl.ACCENT, tpl.HEADER_FILL, tpl.FACT_FILL, tpl.NOTE_FILL}, name
        assert colours & set(palette.values()), name
    default, _ = rendered(save(new_docx(), tmp_path / "default.docx"))
    heading = default.styles["Heading 1"].font.color.rgb
    assert str(heading) in _style_colours(default, "HC Table")


def test_the_references_own_table_styles_win(tmp_path: Path, runner: Any) -> None:
    from hirecli.cli.main import app

    reference = tmp_path / "brand.docx"
    assert runner.invoke(app, ["export", "--write-reference-docx", str(reference)]).exit_code == 0
    document = new_docx(str(reference))
    style = document.styles["HC Table"].element
    for border in style.iter(qn("w:top")):
        border.set(qn("w:color"), "12AB34")
    document.save(str(reference))
    restyled, _ = rendered(reference)
    assert "12AB34" in _style_colours(restyled, "HC Table")


def _with_thumbnail(path: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    rels = parts["_rels/.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdThumb" Type="http://schemas.openxmlformats.org/'
        'package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>'
        "</Relationships>",
    )
    parts["_rels/.rels"] = rels.encode()
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace("<Default ", '<Default Extension="jpeg" ContentType="image/jpeg"/><Default ', 1)
    )
    parts["[Content_Types].xml"] = types.encode()
    parts["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0stale thumbnail\xff\xd9"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_no_stale_thumbnail_is_copied(tmp_path: Path) -> None:
    reference = _with_thumbnail(branded(tmp_path))
    _, data = rendered(reference)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert "docProps/thumbnail.jpeg" not in names
        assert b"thumbnail" not in archive.read("_rels/.rels")


@pytest.mark.parametrize("command", [["posting"], ["interview-kit", "--stage", "2"], ["scorecard"]])
def test_every_command_takes_the_reference(
    tmp_path: Path, runner: Any, roles_dir: Path, command: list[str]
) -> None:
    from hirecli.cli.main import app

    reference = branded(tmp_path)
    target = tmp_path / "out.docx"
    args = [
        command[0],
        str(roles_dir / "software-engineer.yaml"),
        *command[1:],
        "-o",
        str(target),
        "--reference-docx",
        str(reference),
    ]
    if command[0] == "posting":
        args += ["--date", "2025-03-14"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    document = new_docx(str(target))
    assert document.styles["Heading 1"].font.color.rgb == BRAND_RED
    assert document.sections[0].left_margin == Inches(0.75)
    assert "ACME letterhead" in "\n".join(p.text for p in document.sections[0].header.paragraphs)
    wrong = runner.invoke(app, [*(a for a in args if a not in ("-o", str(target))), "--format", "md"])
    assert wrong.exit_code == 2
    assert "Word output only" in wrong.stderr


def test_a_packet_header_keeps_the_letterhead_and_names_the_stage(tmp_path: Path, roles_dir: Path) -> None:
    from hirecli.builders.kit.document import kit_document
    from hirecli.builders.kit.plan import plan_kit
    from hirecli.model.loader import load_role

    kit = plan_kit(load_role(roles_dir / "software-engineer.yaml"))
    data = render(kit_document(kit), "docx", WriteOptions(reference_docx=branded(tmp_path)))
    assert isinstance(data, bytes)
    document = new_docx(io.BytesIO(data))
    for section, stage in zip(document.sections[1:], kit.stages, strict=True):
        header = "\n".join(p.text for p in section.header.paragraphs)
        assert header.startswith("ACME letterhead")
        assert stage.name in header
