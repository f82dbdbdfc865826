"""A starting point for a branded reference document: every style hirecli uses, named.

A company opens it in Word, changes the styles, fonts, margins and letterhead, saves
it, and passes it back with ``--reference-docx``. Its text is removed when it is used.
"""

from __future__ import annotations

import datetime

from hirecli.document import (
    CHECKBOX,
    BulletList,
    Callout,
    Document,
    Heading,
    KeyFacts,
    Link,
    Meta,
    NotesSpace,
    NumberedList,
    Paragraph,
    Strong,
    Table,
    inlines,
)
from hirecli.writers.docx.writer import render_docx


def sample_document(date: datetime.date) -> Document:
    meta = Meta(
        title="Reference document for hirecli",
        kind="report",
        subtitle="Subtitle: restyle this file in Word, then export with --reference-docx",
        date=date.isoformat(),
    )
    blocks = (
        Heading(1, "Reference document for hirecli"),
        Paragraph(
            inlines(
                "Normal: the body text. Change a style once (in Word: Home, Styles, right-click a style, "
                "Modify) and every place that uses it follows. Links use the ",
                Link("Hyperlink", "https://example.com/"),
                " style; ",
                Strong("bold"),
                " stays bold.",
            )
        ),
        KeyFacts(
            (
                ("HC Fact Label", inlines("the labels of the key facts")),
                ("HC Key Facts", inlines("the table style of pay, location and type of employment")),
            )
        ),
        Heading(2, "Heading 1: a section of a posting or a kit"),
        BulletList((inlines("List Bullet: every bulleted item"), inlines("A second item"))),
        Heading(3, "Heading 2: a part of a section, such as one interview stage"),
        NumberedList((inlines("List Number: numbered steps"), inlines("Each list starts again at 1"))),
        Heading(4, "Heading 3: one question of an interview kit"),
        Table(
            ("HC Table Heading", "HC Table"),
            (("HC Table Text", "the text of every table cell"),),
            kind="grid",
            caption="Caption: the line above a table",
        ),
        Table(
            ("HC Scorecard", "1", "2", "3", "4"),
            (("Rating tables and scorecards", *[CHECKBOX] * 4),),
            kind="scorecard",
        ),
        Callout("HC Callout Title", (inlines("HC Callout: a tip for the interviewer"),)),
        Callout("HC Warning Title", (inlines("HC Warning: what not to ask"),), kind="warning"),
        NotesSpace(lines=2, label="HC Notes Label above HC Notes: lines to write on"),
        Paragraph(
            inlines(
                "Margins, paper size and a header or footer of your own (a logo, an address) are kept. "
                "When the header or footer is empty, hirecli puts the company name, the document's "
                "title and the page numbers there."
            )
        ),
    )
    return Document(meta, blocks)


def reference_docx(date: datetime.date) -> bytes:
    """The sample as a .docx without header and footer, ready to restyle."""
    return render_docx(sample_document(date), bands=False)
