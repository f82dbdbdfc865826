"""Start-up loads only what a command uses: ``--help`` nothing beyond the CLI, a Markdown posting
neither Babel, JSON-LD, the title rules nor the other commands, and PyYAML comes without the
pattern of its pure-Python reader (pydantic's validators: tests/test_model_fastpath.py).

Each check runs a fresh interpreter, so that what other tests imported does not count.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hirecli.cli.commands import MODULES
from paths import ROOT, SEED_ROLE

HELLO = ROOT / "bench" / "hello_typer.py"
RUN = """
import json, sys
sys.argv = {argv!r}
{start}
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.__stderr__)
"""


def _loaded(argv: list[str], start: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``start``'s ``main`` with ``argv``."""
    code = RUN.format(argv=argv, start=start)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _hirecli(*args: str) -> set[str]:
    return _loaded(["hirecli", *args], "from hirecli.cli.main import main")


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules} - set(sys.stdlib_module_names)


CLI_SUPPORT = {
    "hirecli",
    "hirecli.__about__",
    "hirecli.api",
    "hirecli.cli",
    "hirecli.cli.commands",
    "hirecli.cli.env",
    "hirecli.cli.guard",
    "hirecli.cli.main",
    "hirecli.cli.options",
    "hirecli.cli.reference_opt",
    "hirecli.errors",
}
"""hirecli modules that import nothing but the standard library and typer."""


def test_help_loads_nothing_the_hello_world_does_not_besides_the_cli() -> None:
    hello = _loaded(
        ["hello", "--help"], f"exec(open({str(HELLO)!r}).read().split('if __name__')[0]); main = app"
    )
    ours = _hirecli("--help")
    assert _packages(ours) - _packages(hello) == {"hirecli"}
    commands = {f"hirecli.cli.{name}" for name in MODULES}
    assert {name for name in ours if name.startswith("hirecli")} == CLI_SUPPORT | commands


def test_command_modules_import_only_typer_and_the_standard_library() -> None:
    code = (
        "import json, sys, importlib, typer\n"
        "found = {}\n"
        f"for name in {list(MODULES)!r}:\n"
        "    before = set(sys.modules)\n"
        "    importlib.import_module('hirecli.cli.' + name)\n"
        "    found[name] = sorted(set(sys.modules) - before)\n"
        "print(json.dumps(found))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    for name, new in json.loads(done.stdout).items():
        outside = {
            m for m in new if m.split(".")[0] not in sys.stdlib_module_names and m != f"hirecli.cli.{name}"
        }
        assert outside <= CLI_SUPPORT, f"hirecli.cli.{name} imports {sorted(outside - CLI_SUPPORT)}"


def test_markdown_posting_loads_only_what_it_uses() -> None:
    loaded = _hirecli("posting", str(SEED_ROLE), "--format", "md")
    assert "hirecli.writers.markdown" in loaded
    unused = {
        "babel",  # pay and country names come from hirecli's CLDR table
        "hirecli.builders.posting.jsonld",  # JSON-LD only for the formats that show it
        "hirecli.writers.html",  # no HTML is written
        "hirecli.dochtml",  # nor the JSON-LD's HTML description
        "hirecli.model.inherit",  # the role extends no other
        "hirecli.builders.posting.title",  # the careers channel takes the title as it is
        "docx",
        "lxml",
        "jinja2",
        "rapidfuzz",
    }
    assert not {name for name in loaded if name in unused or name.split(".")[0] in unused}
    commands = {name for name in loaded if name.startswith("hirecli.cli.") and name.endswith("_cmd")}
    assert commands == {"hirecli.cli.posting_cmd"}


@pytest.mark.parametrize("fmt", ["html", "jsonld", "json"])
def test_formats_that_show_json_ld_still_build_it(fmt: str) -> None:
    assert "hirecli.builders.posting.jsonld" in _hirecli("posting", str(SEED_ROLE), "--format", fmt)


def test_pyyaml_is_imported_without_its_unused_pattern_and_still_refuses_control_characters() -> None:
    code = (
        "import re\n"
        "compile_before = re.compile\n"
        "from hirecli.yamlimport import LazyPattern, yaml\n"
        "import yaml.reader\n"
        "pattern = yaml.reader.Reader.NON_PRINTABLE\n"
        "print(isinstance(pattern, LazyPattern), re.compile is compile_before)\n"
        "try:\n"
        "    yaml.load('a: \\x07', Loader=yaml.SafeLoader)\n"
        "except yaml.reader.ReaderError as exc:\n"
        "    print(hex(exc.character))\n"
        "print(yaml.safe_load('a: b') == {'a': 'b'}, pattern.search('ok') is None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True", "0x7", "True", "True"]


def test_pyyaml_imported_before_is_left_as_it_is() -> None:
    code = "import re, yaml, yaml.reader\nfrom hirecli.yamlimport import yaml as ours\n"
    code += "print(ours is yaml, isinstance(yaml.reader.Reader.NON_PRINTABLE, re.Pattern))\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True"]


SAMPLE = (
    "a: yes\nb: 0x1F\nc: 1_000\nd: -1.5e+3\ne: .inf\nf: ~\ng: 2026-12-04\n"
    "h: 2026-12-04 10:20:30+01:00\ni: 0o17\nj: '007'\nk: 1:20\nm: text\n"
)


def test_pyyaml_types_values_the_same_with_its_patterns_compiled_on_first_use() -> None:
    """Every implicit type PyYAML resolves comes out as with a plain ``import yaml``."""
    shown = f"print(repr(sorted(yaml.load({SAMPLE!r}, Loader=yaml.SafeLoader).items())))\n"
    lazy = "from hirecli.yamlimport import LazyPattern, yaml\nimport yaml.resolver\n"
    lazy += "tables = yaml.resolver.Resolver.yaml_implicit_resolvers.values()\n"
    lazy += "found = [p for first in tables for _, p in first]\n"
    lazy += "print(all(isinstance(p, LazyPattern) for p in found), len(found) > 5)\n"
    outputs = []
    for start in ("import yaml\nprint('True True')\n", lazy):
        done = subprocess.run(
            [sys.executable, "-c", start + shown],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[1].startswith("True True\n")
    assert "datetime.date(2026, 12, 4)" in outputs[1]
