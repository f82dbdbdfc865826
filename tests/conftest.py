"""Shared fixtures: the repository's folders and a CliRunner that keeps stderr apart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from paths import ROLES

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):  # CI runs the same examples every time; HYPOTHESIS_PROFILE can choose
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def roles_dir() -> Path:
    return ROLES
