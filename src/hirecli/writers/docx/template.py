"""hirecli's own base document: a small package with every style the DOCX writer uses.

Written as XML rather than shipped as a binary so that a change of colour or spacing
is a readable diff. The styles are data, as in pandoc's reference document:
``data/docx/styles.xml``, filled in with the colours, fonts and list numbers of the
style table below. The package is built once per process; each document starts from a
copy of its bytes. Word's built-in styles keep their built-in names (``heading 1``,
``List Bullet``) so that Word, LibreOffice and pandoc recognise them; hirecli's own
styles are named ``HC ...`` so that a branded reference document can restyle them too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

BODY_FONT = "Arial"
CHECKBOX_FONT = "MS Gothic"
"""Word draws its own tick boxes in this font; it has U+2610 and U+2612."""

INK = "1F2933"
NAVY = "1B3A57"
ACCENT = "2E6F95"
MUTED = "52606D"
RULE = "B8C4CE"
HEADER_FILL = "E4EBF1"
FACT_FILL = "F3F6F9"
NOTE_FILL = "EEF4F8"
WARN_FILL = "FDF5E6"
WARN_EDGE = "C0841A"
WARN_INK = "7A4E00"

# Letter, one-inch margins; the writer switches to A4 where Letter is not the custom.
LETTER = (12240, 15840)
A4 = (11906, 16838)
MARGIN = 1440

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:w14="{W14_NS}" xmlns:mc="{MC_NS}" mc:Ignorable="w14"'

# Style names as Word stores them (python-docx shows built-ins capitalised).
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("heading 1", "heading 2", "heading 3")
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
NORMAL = "Normal"
REQUIRED_STYLES = (NORMAL, TITLE, SUBTITLE, *HEADINGS, LIST_BULLET, LIST_NUMBER)
"""The styles a branded reference document must define: the ones a brand sets."""

HYPERLINK = "Hyperlink"
CAPTION = "caption"
HEADER = "header"
FOOTER = "footer"
TABLE_TEXT = "HC Table Text"
TABLE_HEADING = "HC Table Heading"
FACT_LABEL = "HC Fact Label"
CALLOUT = "HC Callout"
CALLOUT_TITLE = "HC Callout Title"
WARNING = "HC Warning"
WARNING_TITLE = "HC Warning Title"
NOTES_LABEL = "HC Notes Label"
NOTES_LINE = "HC Notes Line"
CHECKBOX = "HC Checkbox"
KEY_FACTS_TABLE = "HC Key Facts"
SCORECARD_TABLE = "HC Scorecard"
GRID_TABLE = "HC Table"
NOTES_TABLE = "HC Notes"
SUPPLIED_STYLES = (
    HYPERLINK,
    CAPTION,
    HEADER,
    FOOTER,
    TABLE_TEXT,
    TABLE_HEADING,
    FACT_LABEL,
    CALLOUT,
    CALLOUT_TITLE,
    WARNING,
    WARNING_TITLE,
    NOTES_LABEL,
    NOTES_LINE,
    CHECKBOX,
    KEY_FACTS_TABLE,
    SCORECARD_TABLE,
    GRID_TABLE,
    NOTES_TABLE,
)
"""Styles hirecli adds to a reference document that lacks them."""

NOTES_ROW = 360
"""Height of a ruled line for handwritten notes, in twentieths of a point."""

BULLET_ABSTRACT = 10
NUMBER_ABSTRACT = 11
BULLET_NUM = 1
NUMBER_NUM = 2

STYLE_TABLE = {
    "ink": INK,
    "navy": NAVY,
    "accent": ACCENT,
    "muted": MUTED,
    "rule": RULE,
    "header_fill": HEADER_FILL,
    "fact_fill": FACT_FILL,
    "note_fill": NOTE_FILL,
    "warn_fill": WARN_FILL,
    "warn_edge": WARN_EDGE,
    "warn_ink": WARN_INK,
    "body_font": BODY_FONT,
    "checkbox_font": CHECKBOX_FONT,
    "bullet_num": BULLET_NUM,
    "number_num": NUMBER_NUM,
}
"""The values ``data/docx/styles.xml`` names in braces, by name."""
_BETWEEN_TAGS = re.compile(r">\s+<")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def styles_xml() -> str:
    """The base's styles: the packaged ``styles.xml`` filled in from the style table."""
    text = (files("hirecli") / "data" / "docx" / "styles.xml").read_text("utf-8")
    declaration, body = text.split("\n", 1)
    body = _BETWEEN_TAGS.sub("><", _COMMENT.sub("", body)).strip()
    return f"{declaration}\n{body.format_map(STYLE_TABLE)}"


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, font: str | None = None) -> str:
    rpr = (
        (
            f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:hint="default"/>'
            f'<w:color w:val="{ACCENT}"/></w:rPr>'
        )
        if font
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def bullet_abstract(abstract_id: int) -> str:
    """A bullet list definition (three levels) in WordprocessingML, namespace declared."""
    levels = "".join(
        _level(i, "bullet", glyph, 360 + 360 * i, 270, BODY_FONT)
        for i, glyph in enumerate(("\u2022", "\u2013", "\u25e6"))
    )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )


def number_abstract(abstract_id: int) -> str:
    """A numbered list definition (1. a. i.) in WordprocessingML, namespace declared."""
    levels = "".join(
        _level(i, fmt, f"%{i + 1}.", 400 + 400 * i, 400)
        for i, fmt in enumerate(("decimal", "lowerLetter", "lowerRoman"))
    )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )


def _strip_ns(fragment: str) -> str:
    return fragment.replace(f' xmlns:w="{W_NS}"', "")


def numbering_xml() -> str:
    return (
        f"{_XML}<w:numbering {_NS}>"
        + _strip_ns(bullet_abstract(BULLET_ABSTRACT))
        + _strip_ns(number_abstract(NUMBER_ABSTRACT))
        + f'<w:num w:numId="{BULLET_NUM}"><w:abstractNumId w:val="{BULLET_ABSTRACT}"/></w:num>'
        + f'<w:num w:numId="{NUMBER_NUM}"><w:abstractNumId w:val="{NUMBER_ABSTRACT}"/></w:num>'
        + "</w:numbering>"
    )


def section_xml(size: tuple[int, int] = LETTER) -> str:
    width, height = size
    return (
        f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def document_xml() -> str:
    return f"{_XML}<w:document {_NS}><w:body>{section_xml()}</w:body></w:document>"


def settings_xml() -> str:
    return (
        f"{_XML}<w:settings {_NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="enableOpenTypeFeatures" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="doNotFlipMirrorIndents" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>'
        '<w:themeFontLang w:val="en-US"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


_CT = "application/vnd.openxmlformats-officedocument"
_PKG_RT = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def content_types_xml() -> str:
    overrides = {
        "/word/document.xml": f"{_CT}.wordprocessingml.document.main+xml",
        "/word/styles.xml": f"{_CT}.wordprocessingml.styles+xml",
        "/word/numbering.xml": f"{_CT}.wordprocessingml.numbering+xml",
        "/word/settings.xml": f"{_CT}.wordprocessingml.settings+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{_CT}.extended-properties+xml",
    }
    items = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'{_XML}<Relationships xmlns="{_PKG_RT}">{body}</Relationships>'


def core_xml() -> str:
    return (
        f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>hirecli</dc:creator><cp:lastModifiedBy>hirecli</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision></cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><Application>hirecli</Application><DocSecurity>0</DocSecurity>'
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
    )


@lru_cache(maxsize=1)
def base_parts() -> dict[str, bytes]:
    """Every part of the base package by its name in the zip, built once per process."""
    parts = {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": _rels(
            [
                ("rId1", f"{_DOC_RT}/officeDocument", "word/document.xml"),
                ("rId2", f"{_PKG_RT}/metadata/core-properties", "docProps/core.xml"),
                ("rId3", f"{_DOC_RT}/extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/app.xml": app_xml(),
        "docProps/core.xml": core_xml(),
        "word/_rels/document.xml.rels": _rels(
            [
                ("rId1", f"{_DOC_RT}/styles", "styles.xml"),
                ("rId2", f"{_DOC_RT}/numbering", "numbering.xml"),
                ("rId3", f"{_DOC_RT}/settings", "settings.xml"),
            ]
        ),
        "word/document.xml": document_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/styles.xml": styles_xml(),
    }
    return {name: text.encode("utf-8") for name, text in parts.items()}
