"""Ctrl-C that surfaces as another exception while a file closes is still an interrupt."""

from __future__ import annotations

import pytest

from hirecli.cli.main import exit_code_for
from hirecli.errors import ExitCode


def test_an_error_raised_while_handling_ctrl_c_is_reported_as_interrupted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise ValueError("Can't close the ZIP file while there is an open writing handle") from None
    except ValueError as exc:
        code = exit_code_for(exc)
    assert code == ExitCode.INTERRUPTED
    assert capsys.readouterr().err == "interrupted\n"


def test_other_errors_stay_internal_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code_for(ValueError("boom")) == ExitCode.INVALID
    assert "internal error: ValueError: boom" in capsys.readouterr().err
