"""The document tree as JSON, with a format version, so that other tools can read it back."""

from __future__ import annotations

from hirecli.document import Document, to_dict
from hirecli.jsonindent import dumps
from hirecli.writers import WriteOptions


class JsonWriter:
    """A direct dump of the document model (``hirecli.document.from_dict`` reads it back)."""

    name = "json"
    extension = "json"
    binary = False

    def render(self, doc: Document, options: WriteOptions) -> str:
        return dumps(to_dict(doc)) + "\n"


WRITER = JsonWriter()
