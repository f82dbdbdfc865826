"""An export builds a posting's JSON-LD only when one of its formats carries it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hirecli.cli.main import app
from paths import ROLES

SEED = ROLES / "mental-health-professional.yaml"


def _count_jsonld(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from hirecli.builders.posting import jsonld

    calls: list[int] = []
    original = jsonld.jsonld_data

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(jsonld, "jsonld_data", counted)
    return calls


@pytest.mark.parametrize("formats", [["--docx"], ["--md"], ["--docx", "--md"]])
def test_word_and_markdown_alone_build_no_jsonld(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, formats: list[str]
) -> None:
    calls = _count_jsonld(monkeypatch)
    args = ["export", str(SEED), *formats, "--what", "posting", "-o", str(tmp_path / "out"), "--jobs", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert calls == []


@pytest.mark.parametrize("fmt", ["--html", "--json", "--jsonld"])
def test_formats_that_carry_jsonld_build_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    calls = _count_jsonld(monkeypatch)
    args = [
        "export",
        str(SEED),
        "--docx",
        fmt,
        "--what",
        "posting",
        "-o",
        str(tmp_path / "out"),
        "--jobs",
        "1",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert calls == [1]
    assert "JobPosting" in "".join(
        p.read_text(encoding="utf-8")
        for p in (tmp_path / "out").rglob("*")
        if p.suffix != ".docx" and p.is_file()
    )
