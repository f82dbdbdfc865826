"""The base document's styles are data (``data/docx/styles.xml``) filled in from the style
table, as pandoc's reference document holds its styles: the two stay in step."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from lxml import etree

from hirecli.writers.docx import template as tpl

W = f"{{{tpl.W_NS}}}"


def _data() -> str:
    return (files("hirecli") / "data" / "docx" / "styles.xml").read_text("utf-8")


def test_the_packaged_styles_are_well_formed_xml() -> None:
    root = etree.fromstring(_data().encode("utf-8"))
    assert root.tag == W + "styles"


def test_every_name_in_braces_is_in_the_style_table_and_every_entry_is_used() -> None:
    named = set(re.findall(r"\{(\w+)\}", re.sub(r"<!--.*?-->", "", _data(), flags=re.DOTALL)))
    assert named == set(tpl.STYLE_TABLE)


def test_the_filled_styles_define_every_style_the_writer_uses() -> None:
    root = etree.fromstring(tpl.styles_xml().encode("utf-8"))
    names = {s.find(W + "name").get(W + "val") for s in root.iter(W + "style")}
    assert set(tpl.REQUIRED_STYLES) | set(tpl.SUPPLIED_STYLES) <= names
    assert "{" not in tpl.styles_xml()


def test_a_colour_of_the_table_reaches_the_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(tpl.STYLE_TABLE, "warn_ink", "123456")
    root = etree.fromstring(tpl.styles_xml().encode("utf-8"))
    title = next(s for s in root.iter(W + "style") if s.get(W + "styleId") == "HCWarningTitle")
    assert title.find(f"{W}rPr/{W}color").get(W + "val") == "123456"
