"""The data files of lint and the text screen (word lists, rule tables, laws), read once per process."""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_data(name: str) -> Any:
    """The parsed YAML file ``name`` from ``hirecli/data/lint``; cached, so never mutate it."""
    text = (files("hirecli") / "data" / "lint" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


def apostrophes(pattern: str) -> str:
    """Let a straight apostrophe in a data pattern also match a typographic one."""
    return pattern.replace("'", "['’]")
