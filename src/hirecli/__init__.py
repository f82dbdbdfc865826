"""hirecli: job postings, structured interview kits and scorecards from role files.

The library API the command line is built on. Names are imported on first use so
that ``import hirecli`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from hirecli.__about__ import __version__

_LAZY = {
    "load_role": "hirecli.model.loader",
    "load_company": "hirecli.model.loader",
    "check_file": "hirecli.validation",
    "Role": "hirecli.model.role",
    "Company": "hirecli.model.company",
    "Document": "hirecli.document",
    "build_posting": "hirecli.builders.posting.build",
    "build_jsonld": "hirecli.builders.posting.build",
    "build_interview_kit": "hirecli.builders.kit.document",
    "build_scorecard": "hirecli.builders.kit.scorecard",
    "get_writer": "hirecli.writers",
    "render": "hirecli.writers",
    "HirecliError": "hirecli.errors",
    "ExitCode": "hirecli.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'hirecli' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
