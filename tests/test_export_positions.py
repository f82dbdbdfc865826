"""export names a role's problems where validate does, not at the start of an unnamed role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_robustness_support import run

ROLE = """\
title: Registered Nurse
competencies:
  - name: Teamwork
    questions:
      - text: Do you plan to have children soon?
        type: behavioral
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_protected_question_is_placed_as_validate_places_it(tmp_path: Path, jobs: str) -> None:
    role = tmp_path / "nurse.yaml"
    role.write_text(ROLE, encoding="utf-8")
    checked = run(["validate", str(role)])
    said = re.search(r"^(\S+:\d+:\d+): interview question", checked.stdout, re.M)
    assert said, checked.stdout
    exported = run(["export", str(role), "--md", "-o", str(tmp_path / "out"), "--jobs", jobs])
    assert exported.exit_code == 1
    assert f"{said.group(1)}: interview question" in exported.stderr
    assert "<role>" not in exported.stderr
