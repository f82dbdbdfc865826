"""The floor every Typer command line pays: two commands and nothing else.

bench/run.py times ``--help`` and ``hello NAME`` of this app next to hirecli's, in the
same Python environment, so that start-up is compared with what Typer itself costs.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True)


@app.command()
def hello(name: Annotated[str, typer.Argument(help="Who to greet.")] = "world") -> None:
    """Greet someone."""
    typer.echo(f"Hello, {name}!")


@app.command()
def bye(name: Annotated[str, typer.Argument(help="Who to say goodbye to.")] = "world") -> None:
    """Say goodbye."""
    typer.echo(f"Goodbye, {name}!")


if __name__ == "__main__":
    app()
