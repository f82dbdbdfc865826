"""The document every .docx starts from: hirecli's base, or a company's branded reference.

A reference document supplies styles, fonts, page setup, header and footer, as
pandoc's reference documents do. It is read, checked and emptied once per process
(per file version); every document then starts from a copy of the prepared document
(see :mod:`hirecli.writers.docx.pristine`), with its style ids already resolved.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from hirecli.errors import UsageError
from hirecli.writers.docx import template as tpl
from hirecli.writers.docx.package import package_bytes, read_zip, write_zip
from hirecli.writers.docx.pristine import Pristine
from hirecli.writers.docx.refstyles import accent, copy_styles, style_ids
from hirecli.writers.docx.xml import VAL, W, sub
from hirecli.ziplimits import check_docx, drop_external_relationships

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": None,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "is a Word template (.dotx); open it in Word and save it as a Word document (.docx)"
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "is a macro-enabled document (.docm); save it as a Word document (.docx) without macros"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "is a macro-enabled template (.dotm); save it as a Word document (.docx)"
    ),
}
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_UNUSED_RELS = (
    "/image",
    "/hyperlink",
    "/oleObject",
    "/package",
    "/chart",
    "/diagramData",
    "/diagramLayout",
    "/diagramQuickStyle",
    "/diagramColors",
    "/video",
    "/audio",
)


@dataclass(frozen=True)
class Base:
    """A prepared starting document and what the writer needs to know about it."""

    data: bytes
    styles: Mapping[str, str]
    """Lower-case style name -> style id."""
    bullet_num: int
    number_abstract: int
    next_num: int
    has_header: bool
    has_footer: bool
    branded: bool
    pristine: Pristine = field(compare=False, repr=False)
    """``data`` opened once: every document starts from a light copy of it."""

    def style(self, name: str) -> str | None:
        return self.styles.get(name.lower())


def _num_pr(styles_root: Any, style_id: str | None) -> int | None:
    if style_id is None:
        return None
    for style in styles_root.iter(W + "style"):
        if style.get(W + "styleId") == style_id:
            num = style.find(f"{W}pPr/{W}numPr/{W}numId")
            if num is not None and str(num.get(VAL, "")).isdigit():
                return int(num.get(VAL))
    return None


def _abstract_of(numbering: Any, num_id: int | None) -> int | None:
    """The list definition behind ``num_id``, if it is a real one (not a style link)."""
    if num_id is None or num_id == 0:
        return None
    for num in numbering.iter(W + "num"):
        if num.get(W + "numId") == str(num_id):
            ref = num.find(W + "abstractNumId")
            if ref is None:
                return None
            abstract_id = ref.get(VAL)
            for abstract in numbering.iter(W + "abstractNum"):
                if abstract.get(W + "abstractNumId") == abstract_id:
                    if abstract.find(W + "numStyleLink") is not None:
                        return None
                    return int(str(abstract_id))
    return None


@lru_cache(maxsize=1)
def builtin_base() -> Base:
    parts = tpl.base_parts()
    styles = etree.fromstring(parts["word/styles.xml"])
    data = write_zip(parts)
    return Base(
        data=data,
        styles=style_ids(styles),
        bullet_num=tpl.BULLET_NUM,
        number_abstract=tpl.NUMBER_ABSTRACT,
        next_num=tpl.NUMBER_NUM + 1,
        has_header=False,
        has_footer=False,
        branded=False,
        pristine=Pristine(data),
    )


_REFERENCES: dict[tuple[str, int, int], Base] = {}


def load_base(reference: Path | None) -> Base:
    """The prepared base for ``reference`` (``None``: hirecli's own), cached per file version."""
    if reference is None:
        return builtin_base()
    try:
        stat = reference.stat()
    except FileNotFoundError:
        raise UsageError(f"reference document {reference}: no such file") from None
    except OSError as exc:
        raise UsageError(f"reference document {reference}: cannot read ({exc.strerror})") from None
    key = (str(reference.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _REFERENCES:
        try:
            data = reference.read_bytes()
        except IsADirectoryError:
            raise UsageError(f"reference document {reference}: is a folder, not a .docx file") from None
        except OSError as exc:
            raise UsageError(f"reference document {reference}: cannot read ({exc.strerror})") from None
        _REFERENCES[key] = prepare_reference(data, str(reference))
    return _REFERENCES[key]


def check_package(data: bytes, name: str) -> None:
    """Refuse anything but a Word .docx with a message that says what to do instead."""
    prefix = f"reference document {name}"
    if data.startswith(_OLE_MAGIC):
        raise UsageError(
            f"{prefix} is a Word 97-2003 document (.doc); open it in Word or "
            "LibreOffice and save it as a Word document (.docx)"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UsageError(f"{prefix} is not a Word document (.docx): it is not a zip package")
    check_docx(data, prefix)  # zip and XML limits before any part is read
    try:
        parts = read_zip(data)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise UsageError(f"{prefix} is a damaged zip package ({exc})") from None
    if parts.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument"):
        raise UsageError(f"{prefix} is an OpenDocument file (.odt); save it as a Word document (.docx)")
    try:
        types = etree.fromstring(parts["[Content_Types].xml"])
        rels = etree.fromstring(parts["_rels/.rels"])
    except (KeyError, etree.XMLSyntaxError):
        raise UsageError(f"{prefix} is not a Word document (.docx): no Office package inside") from None
    target = next(
        (r.get("Target", "") for r in rels.iter(_RELS_NS + "Relationship") if r.get("Type") == _OFFICE_DOC),
        "",
    )
    part = "/" + target.lstrip("/")
    main = next(
        (o.get("ContentType") for o in types.iter(_CT_NS + "Override") if o.get("PartName") == part), None
    )
    if main not in _MAIN_TYPES:
        raise UsageError(f"{prefix} is not a Word document (.docx) (its main part is {main or 'missing'})")
    problem = _MAIN_TYPES[main]
    if problem:
        raise UsageError(f"{prefix} {problem}")


def _missing_styles_error(name: str, missing: list[str]) -> UsageError:
    shown = ", ".join(f"'{s.title() if s.islower() else s}'" for s in missing)
    return UsageError(
        f"reference document {name} lacks the style{'s' * (len(missing) > 1)} {shown}. "
        "Word saves a style in a document only once it is used or changed: apply or modify "
        "each of these styles in the reference and save it again, or start from "
        "'hirecli export --write-reference-docx FILE'"
    )


def _header_has_content(part: Any) -> bool:
    root = part.element
    return any(True for tag in ("t", "drawing", "pict", "instrText", "fldSimple") for _ in root.iter(W + tag))


def _numbering(document: Any) -> Any:
    """The reference's numbering definitions, made when it has none."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        xml = f'<w:numbering xmlns:w="{tpl.W_NS}"/>'
        numbering = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, parse_xml(xml), part.package
        )
        part.relate_to(numbering, RT.NUMBERING)
        return numbering.element


def _add_abstract(numbering: Any, xml: str) -> None:
    """Add a list definition before the first instance, where the schema wants it."""
    abstract = etree.fromstring(xml)
    nums = numbering.findall(W + "num")
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)


def _prepare_lists(document: Any, styles_root: Any, ids: Mapping[str, str]) -> tuple[int, int, int]:
    numbering = _numbering(document)
    abstract_ids = [
        int(a.get(W + "abstractNumId"))
        for a in numbering.iter(W + "abstractNum")
        if str(a.get(W + "abstractNumId", "")).isdigit()
    ]
    num_ids = [
        int(n.get(W + "numId")) for n in numbering.iter(W + "num") if str(n.get(W + "numId", "")).isdigit()
    ]
    next_abstract = max(abstract_ids, default=0) + 1
    next_num = max(num_ids, default=0) + 1
    bullet_num = _num_pr(styles_root, ids.get(tpl.LIST_BULLET.lower()))
    if _abstract_of(numbering, bullet_num) is None:
        _add_abstract(numbering, tpl.bullet_abstract(next_abstract))
        num = sub(numbering, "num", numId=str(next_num))
        sub(num, "abstractNumId", str(next_abstract))
        bullet_num = next_num
        next_abstract += 1
        next_num += 1
    number_abstract = _abstract_of(numbering, _num_pr(styles_root, ids.get(tpl.LIST_NUMBER.lower())))
    if number_abstract is None:
        _add_abstract(numbering, tpl.number_abstract(next_abstract))
        number_abstract = next_abstract
    assert bullet_num is not None
    return bullet_num, number_abstract, next_num


def _empty_body(document: Any) -> None:
    """Remove the reference's content, keeping the final section's page setup."""
    body = document.element.body
    last = body.find(W + "sectPr")
    for child in list(body):
        if child is not last:
            body.remove(child)
    if last is None:
        section = tpl.section_xml().replace("<w:sectPr>", f'<w:sectPr xmlns:w="{tpl.W_NS}">', 1)
        body.append(etree.fromstring(section))
    remaining = etree.tostring(document.element)
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith(_UNUSED_RELS) and f'"{rel_id}"'.encode() not in remaining:
            part.drop_rel(rel_id)


def _drop_thumbnail(document: Any) -> None:
    """A reference's thumbnail shows the reference's first page, not the new document's:
    drop it, so that file browsers draw the document itself."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rel_id)


def prepare_reference(data: bytes, name: str) -> Base:
    """Check a reference document and turn it into a base every document can start from."""
    check_package(data, name)
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        styles_root = document.styles.element
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise UsageError(f"reference document {name} could not be read as .docx ({exc})") from None
    drop_external_relationships(document.part.package)  # never copy a link out of the package
    ids = style_ids(styles_root)
    missing = [s for s in tpl.REQUIRED_STYLES if s.lower() not in ids]
    if missing:
        raise _missing_styles_error(name, missing)
    copy_styles(styles_root, ids, accent(document, styles_root, ids))
    _empty_body(document)
    _drop_thumbnail(document)
    bullet_num, number_abstract, next_num = _prepare_lists(document, styles_root, ids)
    section = document.sections[-1]
    has_header = not section.header.is_linked_to_previous and _header_has_content(section.header.part)
    has_footer = not section.footer.is_linked_to_previous and _header_has_content(section.footer.part)
    data = package_bytes(document.part.package)
    return Base(
        data=data,
        styles=ids,
        bullet_num=bullet_num,
        number_abstract=number_abstract,
        next_num=next_num,
        has_header=has_header,
        has_footer=has_footer,
        branded=True,
        pristine=Pristine(data),
    )
