"""Every command module, registered on the app in the order ``--help`` lists them.

Command modules import only typer at module level; the library they call is
imported inside each command, so ``hirecli --help`` stays as quick as Typer allows.
"""

from __future__ import annotations

import typer

from hirecli.cli import export_cmd, import_cmd, kit_cmd, lint_cmd, posting_cmd, roles_cmd


def register(app: typer.Typer) -> None:
    for module in (posting_cmd, kit_cmd, export_cmd, lint_cmd, roles_cmd, import_cmd):
        module.register(app)
