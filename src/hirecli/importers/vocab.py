"""The importer's word lists and rule tables, read once from ``hirecli/data/import``."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "import"


@cache
def table(name: str) -> dict[str, Any]:
    """The mapping in ``data/import/<name>.yaml`` (the headings are the readers' shared
    section vocabulary, ``data/readers/sections.yaml``)."""
    if name == "headings":
        from hirecli.readers.vocabulary import sections_data

        return sections_data()
    text = (DATA_DIR / f"{name}.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_Loader)
    if not isinstance(data, dict):
        raise TypeError(f"data/import/{name}.yaml must hold a mapping")
    return data


def words(name: str, key: str) -> list[str]:
    """One list from a table, as strings."""
    return [str(item) for item in table(name)[key]]


@cache
def word_pattern(name: str, key: str) -> re.Pattern[str]:
    """A regex matching any entry of a word list as whole words (``x*`` is a prefix)."""
    parts = []
    for entry in sorted(words(name, key), key=len, reverse=True):
        stem = entry.rstrip("*").lower()
        body = re.escape(stem).replace(r"\ ", r"[\s-]+")
        parts.append(body + (r"[\w'-]*" if entry.endswith("*") else ""))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
