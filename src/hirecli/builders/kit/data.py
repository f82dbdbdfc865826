"""The interview kit's data files (loop, guide, do-not-ask list, question templates)."""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

from hirecli.yamlimport import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def kit_data(name: str) -> Any:
    """The parsed ``hirecli/data/kit/<name>.yaml``; cached, so never mutate it."""
    text = (files("hirecli") / "data" / "kit" / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


def text(value: Any) -> str:
    """A folded YAML string as one line."""
    return " ".join(str(value).split())
