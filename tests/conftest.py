"""Shared fixtures: the repository's folders and a CliRunner that keeps stderr apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from paths import ROLES


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def roles_dir() -> Path:
    return ROLES
