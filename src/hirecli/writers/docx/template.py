"""hirecli's own base document: a small package with every style the DOCX writer uses.

Written here as XML rather than shipped as a binary so that a change of colour or
spacing is a readable diff. The package is built once per process; each document
starts from a copy of its bytes. Word's built-in styles keep their built-in names
(``heading 1``, ``List Bullet``) so that Word, LibreOffice and pandoc recognise them;
hirecli's own styles are named ``HC ...`` so that a branded reference document can
restyle them too.
"""

from __future__ import annotations

from functools import lru_cache

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


def _border(side: str, color: str, size: int = 4, space: int = 0, val: str = "single") -> str:
    return f'<w:{side} w:val="{val}" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def _spacing(before: int = 0, after: int = 0, line: int | None = None, rule: str = "auto") -> str:
    text = f'<w:spacing w:before="{before}" w:after="{after}"'
    if line is not None:
        text += f' w:line="{line}" w:lineRule="{rule}"'
    return text + "/>"


def _rpr(
    *,
    size: int | None = None,
    color: str | None = None,
    bold: bool = False,
    italic: bool = False,
    font: str | None = None,
    caps: bool = False,
    underline: bool = False,
    spacing: int | None = None,
) -> str:
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    priority: int | None = None,
    quick: bool = False,
    default: bool = False,
    hidden: bool = False,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
) -> str:
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    body = f'<w:name w:val="{name}"/>'
    if based_on:
        body += f'<w:basedOn w:val="{based_on}"/>'
    if next_id:
        body += f'<w:next w:val="{next_id}"/>'
    if priority is not None:
        body += f'<w:uiPriority w:val="{priority}"/>'
    if hidden:
        body += "<w:semiHidden/><w:unhideWhenUsed/>"
    if quick:
        body += "<w:qFormat/>"
    body += (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + rpr + extra
    return f"<w:style {attrs}>{body}</w:style>"


def _table_style(
    style_id: str,
    name: str,
    *,
    borders: str,
    header: str = "",
    first_col: str = "",
    fill: str | None = None,
    margins: tuple[int, int] = (80, 120),
) -> str:
    vertical, horizontal = margins
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    tbl_pr = (
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblCellMar><w:top w:w="{vertical}" w:type="dxa"/><w:left w:w="{horizontal}" w:type="dxa"/>'
        f'<w:bottom w:w="{vertical}" w:type="dxa"/><w:right w:w="{horizontal}" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    )
    tc_pr = f"<w:tcPr>{shading}</w:tcPr>" if shading else ""
    extra = tbl_pr + tc_pr + header + first_col
    return _style("table", style_id, name, based_on="TableNormal", priority=59, extra=extra)


def _header_row(fill: str, color: str) -> str:
    return (
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/>'
        f'<w:color w:val="{color}"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr>'
        f"<w:tcBorders>{_border('bottom', NAVY, 8)}</w:tcBorders>"
        f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr></w:tblStylePr>'
    )


def _box(edge: str, fill: str) -> str:
    """A shaded box with a coloured bar on the left; borders in the fill colour pad it."""
    return (
        "<w:pBdr>"
        + _border("top", fill, 4, 6)
        + _border("left", edge, 24, 8)
        + _border("bottom", fill, 4, 6)
        + _border("right", fill, 4, 8)
        + "</w:pBdr>"
        + f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    )


def styles_xml() -> str:
    box_ind = '<w:ind w:left="200" w:right="200"/>'
    styles = [
        _style(
            "paragraph",
            "Normal",
            NORMAL,
            based_on=None,
            default=True,
            quick=True,
            ppr=_spacing(0, 120, 276),
            rpr=_rpr(color=INK),
        ),
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            based_on=None,
            priority=1,
            hidden=True,
            default=True,
        ),
        (
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
            '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        ),
        (
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        ),
        _style(
            "paragraph",
            "Title",
            TITLE,
            next_id="Normal",
            priority=10,
            quick=True,
            ppr="<w:keepNext/>" + _spacing(0, 80, 240) + "<w:contextualSpacing/>",
            rpr=_rpr(size=48, color=NAVY, bold=True, spacing=-4),
        ),
        _style(
            "paragraph",
            "Subtitle",
            SUBTITLE,
            next_id="Normal",
            priority=11,
            quick=True,
            ppr="<w:keepNext/><w:pBdr>"
            + _border("bottom", RULE, 6, 10)
            + "</w:pBdr>"
            + _spacing(0, 320, 264),
            rpr=_rpr(size=26, color=MUTED),
        ),
        _style(
            "paragraph",
            "Heading1",
            HEADINGS[0],
            next_id="Normal",
            priority=9,
            quick=True,
            ppr="<w:keepNext/><w:keepLines/><w:pBdr>"
            + _border("bottom", RULE, 4, 3)
            + "</w:pBdr>"
            + _spacing(360, 140, 240)
            + '<w:outlineLvl w:val="0"/>',
            rpr=_rpr(size=30, color=NAVY, bold=True),
        ),
        _style(
            "paragraph",
            "Heading2",
            HEADINGS[1],
            next_id="Normal",
            priority=9,
            quick=True,
            ppr="<w:keepNext/><w:keepLines/>" + _spacing(240, 80, 240) + '<w:outlineLvl w:val="1"/>',
            rpr=_rpr(size=24, color=NAVY, bold=True),
        ),
        _style(
            "paragraph",
            "Heading3",
            HEADINGS[2],
            next_id="Normal",
            priority=9,
            quick=True,
            ppr="<w:keepNext/><w:keepLines/>" + _spacing(200, 60, 240) + '<w:outlineLvl w:val="2"/>',
            rpr=_rpr(size=22, color=ACCENT, bold=True),
        ),
        _style(
            "paragraph",
            "ListBullet",
            LIST_BULLET,
            priority=36,
            ppr=f'<w:numPr><w:numId w:val="{BULLET_NUM}"/></w:numPr>' + _spacing(0, 60, 264),
        ),
        _style(
            "paragraph",
            "ListNumber",
            LIST_NUMBER,
            priority=36,
            ppr=f'<w:numPr><w:numId w:val="{NUMBER_NUM}"/></w:numPr>' + _spacing(0, 60, 264),
        ),
        _style(
            "paragraph",
            "Caption",
            CAPTION,
            next_id="Normal",
            priority=35,
            quick=True,
            ppr="<w:keepNext/>" + _spacing(160, 80, 240),
            rpr=_rpr(size=18, color=MUTED, bold=True, caps=True, spacing=6),
        ),
        _style(
            "paragraph",
            "Header",
            HEADER,
            priority=99,
            hidden=True,
            ppr="<w:pBdr>" + _border("bottom", RULE, 4, 4) + "</w:pBdr>" + _spacing(0, 0, 240),
            rpr=_rpr(size=17, color=MUTED),
        ),
        _style(
            "paragraph",
            "Footer",
            FOOTER,
            priority=99,
            hidden=True,
            ppr=_spacing(0, 0, 240),
            rpr=_rpr(size=17, color=MUTED),
        ),
        _style(
            "character",
            "Hyperlink",
            HYPERLINK,
            based_on="DefaultParagraphFont",
            priority=99,
            hidden=True,
            rpr=_rpr(color=ACCENT, underline=True),
        ),
        _style(
            "paragraph",
            "HCTableText",
            TABLE_TEXT,
            priority=60,
            quick=True,
            ppr=_spacing(0, 0, 252),
            rpr=_rpr(size=19),
        ),
        _style(
            "paragraph",
            "HCTableHeading",
            TABLE_HEADING,
            based_on="HCTableText",
            priority=60,
            quick=True,
            ppr="<w:keepNext/>",
            rpr=_rpr(bold=True, color=NAVY),
        ),
        _style(
            "paragraph",
            "HCFactLabel",
            FACT_LABEL,
            based_on="HCTableText",
            priority=60,
            quick=True,
            rpr=_rpr(bold=True, color=MUTED, size=18),
        ),
        _style(
            "paragraph",
            "HCCallout",
            CALLOUT,
            priority=61,
            quick=True,
            ppr="<w:keepLines/>" + _box(ACCENT, NOTE_FILL) + _spacing(0, 60, 264) + box_ind,
        ),
        _style(
            "paragraph",
            "HCCalloutTitle",
            CALLOUT_TITLE,
            based_on="HCCallout",
            next_id="HCCallout",
            priority=61,
            quick=True,
            ppr="<w:keepNext/>",
            rpr=_rpr(bold=True, color=NAVY),
        ),
        _style(
            "paragraph",
            "HCWarning",
            WARNING,
            priority=61,
            quick=True,
            ppr="<w:keepLines/>" + _box(WARN_EDGE, WARN_FILL) + _spacing(0, 60, 264) + box_ind,
        ),
        _style(
            "paragraph",
            "HCWarningTitle",
            WARNING_TITLE,
            based_on="HCWarning",
            next_id="HCWarning",
            priority=61,
            quick=True,
            ppr="<w:keepNext/>",
            rpr=_rpr(bold=True, color="7A4E00"),
        ),
        _style(
            "paragraph",
            "HCNotesLabel",
            NOTES_LABEL,
            next_id="HCNotesLine",
            priority=62,
            quick=True,
            ppr="<w:keepNext/>" + _spacing(160, 0, 240),
            rpr=_rpr(size=18, color=MUTED, bold=True),
        ),
        _style(
            "paragraph",
            "HCNotesLine",
            NOTES_LINE,
            priority=62,
            ppr="<w:keepNext/>" + _spacing(0, 0, 276),
            rpr=_rpr(size=19),
        ),
        _style(
            "character",
            "HCCheckbox",
            CHECKBOX,
            based_on="DefaultParagraphFont",
            priority=62,
            rpr=_rpr(font=CHECKBOX_FONT, size=22, color=NAVY),
        ),
        _table_style(
            "HCKeyFacts",
            KEY_FACTS_TABLE,
            borders=_border("top", ACCENT, 12) + _border("bottom", ACCENT, 12) + _border("insideH", RULE, 4),
            fill=FACT_FILL,
            margins=(70, 140),
        ),
        _table_style(
            "HCScorecard",
            SCORECARD_TABLE,
            borders=_border("top", RULE, 4)
            + _border("left", RULE, 4)
            + _border("bottom", RULE, 4)
            + _border("right", RULE, 4)
            + _border("insideH", RULE, 4)
            + _border("insideV", RULE, 4),
            header=_header_row(HEADER_FILL, NAVY),
            margins=(70, 100),
        ),
        _table_style(
            "HCTable",
            GRID_TABLE,
            borders=_border("top", NAVY, 8) + _border("bottom", NAVY, 8) + _border("insideH", RULE, 4),
            header=_header_row(HEADER_FILL, NAVY),
            margins=(70, 100),
        ),
        _table_style(
            "HCNotes",
            NOTES_TABLE,
            borders=_border("bottom", RULE, 4) + _border("insideH", RULE, 4),
            margins=(0, 0),
        ),
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:eastAsia="{BODY_FONT}" w:cs="{BODY_FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    return f"{_XML}<w:styles {_NS}>{defaults}{''.join(styles)}</w:styles>"


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
