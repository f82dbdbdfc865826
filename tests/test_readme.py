"""The README's command reference is the CLI's own --help, and its set-up commands stay true."""

from __future__ import annotations

import importlib.util
import re

from paths import ROOT


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_command_reference_is_in_step_with_help() -> None:
    script = _script()
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.updated(current) == current, "run: python scripts/update_readme.py"


def test_every_command_is_documented() -> None:
    script = _script()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in script.command_names():
        assert f"### hirecli {name}" in readme


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert len(blocks) >= 2
    test_command = blocks[1].strip()
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
