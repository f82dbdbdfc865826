"""A base document parsed once per process; every document starts from a light copy of it.

Opening the base with python-docx for each document (unzip, parse every part, build the
part graph) cost a quarter of writing a posting, and zipping its unchanged parts again
another quarter. The base is opened once. Each document gets a package of new part
objects with the same names, types and relationships: the parts the writer changes (the
body, the headers and footers, the core properties) hold a copy of the base's XML; the
others share the base's XML or bytes, which nothing changes (the list numbering is
copied the first time a list restarts, see :meth:`Fresh.own`). A shared part is
serialized and compressed once per process, the styles once per language (the only
thing a document changes in them).
"""

from __future__ import annotations

import copy
import io
from typing import Any

from hirecli.writers.docx.package import Entry, package_entries, write_entries, zip_entry
from hirecli.writers.docx.properties import set_language

_BYTES, _OWNED, _SHARED = 0, 1, 2
_LANGUAGES_KEPT = 16
"""Styles kept per base, each for one language (and East Asian font)."""


def _serialize(element: Any) -> bytes:
    """An XML part's bytes, as python-docx serializes them."""
    from lxml import etree

    data: bytes = etree.tostring(element, encoding="UTF-8", standalone=True)
    return data


class Pristine:
    """The base package, opened once, never changed after it is prepared."""

    def __init__(self, data: bytes) -> None:
        from docx import Document
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.part import XmlPart
        from docx.parts.hdrftr import FooterPart, HeaderPart

        document = Document(io.BytesIO(data))
        self.main = document.part
        self.package = self.main.package
        self.package.core_properties  # noqa: B018 (made now if the base has none, as a document would)
        core = self.package.part_related_by(RT.CORE_PROPERTIES)
        for child in list(core.element):
            core.element.remove(child)
        self.styles: Any = self.main.part_related_by(RT.STYLES)
        self.parts = list(self.package.iter_parts())
        self.xml = frozenset(part for part in self.parts if isinstance(part, XmlPart))
        self.owned = frozenset(
            part
            for part in self.xml
            if part is self.main or part is core or isinstance(part, (HeaderPart, FooterPart))
        )
        self._entries: dict[Any, Entry] = {}
        self._styles: dict[tuple[str, str], Entry] = {}
        index = {part: i for i, part in enumerate(self.parts)}
        self.plan = [
            (
                type(part),
                part.partname,
                part.content_type,
                _BYTES if part not in self.xml else _OWNED if part in self.owned else _SHARED,
                part.element if part in self.xml else part.blob,
                part,
            )
            for part in self.parts
        ]
        """How each part of a document is made: its class, name, content type, whether it
        is the base's bytes, a copy of its XML or its XML shared, that XML or those bytes."""
        self.links = [
            (
                index.get(source, -1),
                [
                    (rel.reltype, rel.target_ref if rel.is_external else index[rel.target_part], rel.rId)
                    for rel in source.rels.values()
                ],
            )
            for source in (self.package, *self.parts)
        ]
        """The relationships of the package (-1) and of each part: type, target (an index
        into the parts, or an external address) and id."""
        self.main_index = index[self.main]
        self.styles_index = index[self.styles]
        self.core_index = index[core]

    def entry(self, part: Any) -> Entry:
        """The zip member of a shared part (by its base part), made the first time."""
        entry = self._entries.get(part)
        if entry is None:
            entry = self._entries[part] = zip_entry(part.partname.membername, part.blob)
        return entry

    def styles_entry(self, language: str, east_asian_font: str) -> Entry:
        """The styles member with the document language set, made once per language."""
        key = (language, east_asian_font)
        entry = self._styles.get(key)
        if entry is None:
            root = copy.deepcopy(self.styles.element)
            set_language(root, language, east_asian_font)
            if len(self._styles) >= _LANGUAGES_KEPT:
                del self._styles[next(iter(self._styles))]
            entry = self._styles[key] = zip_entry(self.styles.partname.membername, _serialize(root))
        return entry


class Fresh:
    """One document's package, started from a :class:`Pristine` base."""

    def __init__(self, pristine: Pristine) -> None:
        from docx.package import Package

        self.pristine = pristine
        self.package = Package()
        self.shared: dict[Any, Any] = {}
        """A new part -> the base part whose XML or bytes it shares."""
        made = []
        for kind, name, content_type, how, content, part in pristine.plan:
            if how == _BYTES:
                new = kind.load(name, content_type, content, self.package)
                self.shared[new] = part
            elif how == _OWNED:
                new = kind(name, content_type, content.__copy__(), self.package)  # (an lxml copy is deep)
            else:
                new = kind(name, content_type, content, self.package)
                self.shared[new] = part
            made.append(new)
        for source, links in pristine.links:
            rels = (self.package if source < 0 else made[source]).rels
            for reltype, target, rel_id in links:
                if isinstance(target, str):
                    rels.add_relationship(reltype, target, rel_id, True)
                else:
                    rels.add_relationship(reltype, made[target], rel_id)
        self.document = made[pristine.main_index].document
        self.styles = made[pristine.styles_index]
        self.core = made[pristine.core_index].element
        """The core properties, emptied."""
        self.language: tuple[str, str] | None = None
        """The document language and East Asian font the styles are to say."""

    def own(self, part: Any) -> Any:
        """The XML of one of the document's parts, copied first if it is the base's, so
        that a change stays in this document."""
        base = self.shared.get(part)
        if base is not None and part.element is base.element:
            part._element = copy.deepcopy(base.element)
        return part.element

    def _entry(self, part: Any) -> Entry | None:
        base = self.shared.get(part)
        if base is None:
            return None
        if part is self.styles and self.language is not None:
            return self.pristine.styles_entry(*self.language)
        if base in self.pristine.xml:
            return self.pristine.entry(base) if part.element is base.element else None
        return self.pristine.entry(base) if part.blob is base.blob else None

    def to_bytes(self) -> bytes:
        """The document as .docx bytes (see :mod:`hirecli.writers.docx.package`)."""
        return write_entries(package_entries(self.package, self._entry))
