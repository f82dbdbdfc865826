"""The program's entry point: ``hirecli`` and ``python -m hirecli``.

A command's start-up makes tens of thousands of objects that live until the process ends:
modules, classes, functions. CPython's garbage collector sweeps all of them at every full
collection while they are being imported, and once more when the interpreter shuts down;
for a posting that was a fifth of the whole run. So the application is imported with the
collector off, what it imported is frozen (:func:`gc.freeze`: kept, never swept again) before
the collector is turned back on for the command itself, and everything is frozen once more
before the interpreter exits: what is still alive is then freed by reference counting, as
module teardown does anyway, without a last sweep. Output is flushed by the application
before this, and CPython does not promise to finalize objects still alive at exit.

Only the program does this; the application's ``main`` (which tests and library users call)
leaves the collector alone.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Console-script entry point."""
    gc.disable()
    try:
        from hirecli.cli.main import app
    finally:
        gc.freeze()
        gc.enable()
    try:
        app()
    finally:
        gc.freeze()
