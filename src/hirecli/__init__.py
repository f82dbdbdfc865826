"""hirecli: job postings, structured interview kits and scorecards from role files.

The library API the command line is built on (see :mod:`hirecli.api`)::

    from hirecli import build_posting, load_role, render

    role = load_role("roles/mental-health-professional.yaml")
    print(render(build_posting(role, channel="linkedin").document, "md"))

The functions are imported eagerly and typed; each loads its part of the library when
called. The classes (the model's, whose import builds their validators, the document tree's
and the errors') load on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from hirecli.__about__ import __version__
from hirecli.api import (
    build_kit,
    build_posting,
    build_scorecard,
    find_company,
    import_document,
    lint,
    load_company,
    load_role,
    plan_kit,
    read_role,
    render,
)

if TYPE_CHECKING:
    from hirecli.document import Document
    from hirecli.errors import ExitCode, HirecliError
    from hirecli.model.company import Company
    from hirecli.model.role import Role

_CLASSES = {
    "Role": "hirecli.model.role",
    "Company": "hirecli.model.company",
    "Document": "hirecli.document",
    "ExitCode": "hirecli.errors",
    "HirecliError": "hirecli.errors",
}

__all__ = [
    "Company",
    "Document",
    "ExitCode",
    "HirecliError",
    "Role",
    "__version__",
    "build_kit",
    "build_posting",
    "build_scorecard",
    "find_company",
    "import_document",
    "lint",
    "load_company",
    "load_role",
    "plan_kit",
    "read_role",
    "render",
]


class _Package(types.ModuleType):
    """Keeps the API function ``lint`` when the ``hirecli.lint`` package is imported: Python
    would otherwise bind the subpackage to the same name. The subpackage stays in
    ``sys.modules``, so ``from hirecli.lint.engine import ...`` works as before."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "lint" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _CLASSES.get(name)
    if module is None:
        raise AttributeError(f"module 'hirecli' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
