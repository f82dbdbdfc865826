"""The library API: typed, cheap to import, the same results as the commands, and what they call."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import typing

import pytest
from typer.testing import CliRunner

import hirecli
from hirecli import api
from hirecli.cli.main import app
from paths import ROOT

SEED = ROOT / "roles" / "mental-health-professional.yaml"
FUNCTIONS = [
    name for name, value in vars(api).items() if inspect.isfunction(value) and not name.startswith("_")
]


def test_every_api_function_is_exported_from_the_package() -> None:
    for name in FUNCTIONS:
        assert getattr(hirecli, name) is getattr(api, name), name
        assert name in hirecli.__all__


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_api_function_is_fully_typed(name: str) -> None:
    function = getattr(api, name)
    hints = typing.get_type_hints(function, vars(api) | _type_names())
    parameters = inspect.signature(function).parameters
    assert "return" in hints, name
    assert set(parameters) <= set(hints), name


def _type_names() -> dict[str, object]:
    import datetime

    from hirecli.builders.kit.model import Kit
    from hirecli.builders.posting.build import PostingResult
    from hirecli.channels import Channel
    from hirecli.document import Document
    from hirecli.importers import Imported
    from hirecli.lint.config import Settings
    from hirecli.lint.engine import Options
    from hirecli.lint.model import FileReport
    from hirecli.model.company import Company
    from hirecli.model.loader import Loaded
    from hirecli.model.role import Role
    from hirecli.model.yamlsource import SourceMap
    from hirecli.readers.source import Format
    from hirecli.writers import WriteOptions

    return {
        "datetime": datetime,
        "Kit": Kit,
        "PostingResult": PostingResult,
        "Channel": Channel,
        "Document": Document,
        "Imported": Imported,
        "Settings": Settings,
        "LintOptions": Options,
        "FileReport": FileReport,
        "Company": Company,
        "Loaded": Loaded,
        "Role": Role,
        "SourceMap": SourceMap,
        "Format": Format,
        "WriteOptions": WriteOptions,
    }


def test_importing_the_package_loads_nothing_heavy() -> None:
    code = (
        "import sys, hirecli\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'babel', 'docx', 'rich', 'hirecli.model.role') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_classes_load_on_first_use() -> None:
    from hirecli.model.role import Role

    assert hirecli.Role is Role
    with pytest.raises(AttributeError):
        _ = hirecli.NoSuchName  # type: ignore[attr-defined]


def test_a_posting_from_the_api_is_the_commands_posting() -> None:
    role = hirecli.load_role(SEED)
    company = hirecli.find_company(SEED)
    text = hirecli.render(hirecli.build_posting(role, company).document, "md")
    result = CliRunner().invoke(app, ["posting", str(SEED), "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout == text


def test_a_kit_planned_once_gives_the_kit_and_the_scorecard() -> None:
    loaded = hirecli.read_role(SEED)
    kit = hirecli.plan_kit(loaded.model, hirecli.find_company(SEED), positions=loaded.positions)
    whole = hirecli.render(hirecli.build_kit(kit), "md")
    assert whole == hirecli.render(hirecli.build_kit(loaded.model, hirecli.find_company(SEED)), "md")
    packet = hirecli.render(hirecli.build_kit(kit, stage="1"), "md")
    assert isinstance(packet, str)
    assert len(packet) < len(whole)
    sheet = hirecli.render(hirecli.build_scorecard(kit, stage="1"), "md")
    assert isinstance(sheet, str)
    assert "Strong Yes" in sheet


def test_render_gives_bytes_for_word() -> None:
    doc = hirecli.build_posting(hirecli.load_role(SEED)).document
    assert hirecli.render(doc, "docx")[:2] == b"PK"


def test_lint_and_import_through_the_api(tmp_path: typing.Any) -> None:
    reports = hirecli.lint([SEED])
    assert [report.file for report, _ in reports] == [str(SEED)]
    ad = tmp_path / "ad.md"
    ad.write_text("# Night Nurse\n\n## What you'll do\n\n- Care for patients overnight\n", encoding="utf-8")
    imported = hirecli.import_document(ad)
    assert imported.built.role.title == "Night Nurse"
    assert "Care for patients overnight" in imported.built.text


def test_errors_carry_the_commands_exit_code(tmp_path: typing.Any) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    with pytest.raises(hirecli.HirecliError) as caught:
        hirecli.load_role(bad)
    assert caught.value.exit_code == hirecli.ExitCode.INVALID
    assert re.search(r"bad\.yaml:\d+:\d+", str(caught.value)) or "bad.yaml" in str(caught.value)


@pytest.mark.parametrize(
    ("argv", "called"),
    [
        (
            ["interview-kit", str(SEED), "--format", "md"],
            {"read_role", "find_company", "plan_kit", "build_kit"},
        ),
        (
            ["scorecard", str(SEED), "--format", "md"],
            {"read_role", "find_company", "plan_kit", "build_scorecard"},
        ),
        (["posting", str(SEED), "--format", "md"], {"read_role", "find_company", "build_posting"}),
        (["lint", str(SEED), "--format", "json"], {"lint"}),
        (["import", str(ROOT / "tests" / "import_ads" / "barista-halifax.txt")], {"import_document"}),
    ],
)
def test_the_commands_call_the_api(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], called: set[str]
) -> None:
    seen: set[str] = set()
    for name in FUNCTIONS:
        original = getattr(api, name)

        def spy(
            *args: typing.Any, _name: str = name, _original: typing.Any = original, **kwargs: typing.Any
        ) -> typing.Any:
            seen.add(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(api, name, spy)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code in (0, 1), result.output
    assert called <= seen


def test_lint_stays_the_function_after_its_subpackage_is_imported() -> None:
    import importlib

    importlib.import_module("hirecli.lint.engine")
    assert inspect.isfunction(hirecli.lint)
    assert sys.modules["hirecli.lint"].__name__ == "hirecli.lint"


def test_the_readmes_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)\n```", readme, flags=re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        namespace: dict[str, typing.Any] = {}
        exec(compile(block, "README.md", "exec"), namespace)
        assert isinstance(namespace["markdown"], str)
        assert namespace["markdown"].startswith("# ")
        assert "<h1" in namespace["packet"]
        assert namespace["reports"]
