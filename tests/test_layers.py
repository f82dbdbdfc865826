"""Layers only point down, imports never go round in a circle, no module outgrows 400 lines.

The layers, bottom to top:

- shared helpers (``errors``, ``slug``, ``fileio``, ``channels``, ``families``,
  ``competencies`` and the like), the role model (``hirecli.model``, ``pay``,
  ``starter``) and the readers of old postings (``hirecli.readers``): none of them
  knows what is built from a role or how it is written out;
- ``hirecli.document``, ``hirecli.doctext`` and ``hirecli.dochtml``: the document tree
  that builders make and writers render, how its text shows in any output, and its HTML
  (a posting's JSON-LD description is the HTML writer's fragment, measured by the builder);
- ``hirecli.builders``: a role and a company in, a document out;
- ``hirecli.writers``: a document in, bytes out; nothing a writer imports reads YAML,
  so a writer never sees a role file;
- ``hirecli.lint`` and ``hirecli.importers``: they may use builders (lint checks
  the posting a role builds; import keeps notes the way the posting builder reads them);
- command-level library modules (``validation``, ``export``, ``diff*``, ``feeds``):
  each combines builders and writers for one command. ``validation`` sits here,
  above the builders, because it plans the kit to check a role's interview plan and
  custom questions;
- the library API (``hirecli`` and ``hirecli.api``), which may call any of the above;
- ``hirecli.cli`` on top, with ``hirecli.feeds.cli`` (the feed options' command side).

Imports are read with ``ast``, at module level and inside functions. An import under
``if TYPE_CHECKING:`` counts for the layer rules (a type still points one way) but not
for cycles, since it never runs. Modules imported by name through ``importlib`` (the
writer registry, the package's lazy API) are registries, not imports, and are not followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from paths import ROOT

SRC = ROOT / "src"
MAX_LINES = 400


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    runs: bool
    """False for an import under ``if TYPE_CHECKING:``."""


def _module_name(path: Path, src: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(src).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(node: ast.AST, runs: bool = True) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement in ``node``, in functions too, and whether it ever runs."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(node, runs)]
    if isinstance(node, ast.If) and _is_type_checking(node.test):
        return [found for child in node.body for found in _imports(child, runs=False)] + [
            found for child in node.orelse for found in _imports(child, runs)
        ]
    return [found for child in ast.iter_child_nodes(node) for found in _imports(child, runs)]


@dataclass
class Graph:
    modules: dict[str, Path]
    edges: list[Edge]
    """Imports between the package's own modules."""
    outside: dict[str, set[str]]
    """The top-level names of other packages each module imports where it runs."""


def read_graph(src: Path, package: str) -> Graph:
    """The modules of ``package`` under ``src`` and every import they make."""
    modules: dict[str, tuple[Path, bool]] = {}
    for path in sorted((src / package).rglob("*.py")):
        name, is_package = _module_name(path, src)
        modules[name] = (path, is_package)
    edges: list[Edge] = []
    outside: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, runs in _imports(tree):
            for target in _targets(node, name, is_package, modules):
                edge = Edge(name, target, node.lineno, runs)
                if target in modules and target != name and edge not in edges:
                    edges.append(edge)
            if runs:
                outside[name] |= _outside(node) - {package}
    return Graph({name: path for name, (path, _) in modules.items()}, edges, outside)


def _outside(node: ast.Import | ast.ImportFrom) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name.split(".")[0] for alias in node.names}
    return {node.module.split(".")[0]} if node.module and not node.level else set()


def _targets(
    node: ast.Import | ast.ImportFrom, name: str, is_package: bool, modules: dict[str, tuple[Path, bool]]
) -> list[str]:
    if isinstance(node, ast.Import):
        return [_longest_module(alias.name, modules) for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = name.split(".") if is_package else name.split(".")[:-1]
        parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join([*parts, base] if base else parts)
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]


def _longest_module(dotted: str, modules: dict[str, tuple[Path, bool]]) -> str:
    parts = dotted.split(".")
    while parts and ".".join(parts) not in modules:
        parts.pop()
    return ".".join(parts)


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One import cycle per knot of modules that reach each other, as a path back to its start."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    knots: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            knot: set[str] = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                knot.add(top)
                if top == node:
                    break
            if len(knot) > 1 or node in graph.get(node, ()):
                knots.append(knot)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_round(knot, graph) for knot in knots]


def _path_round(knot: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest way from the knot's first module back to itself, inside the knot."""
    start = min(knot)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for nxt in sorted(graph.get(node, set()) & knot):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no way round {sorted(knot)}")


HELPERS, MODEL, READERS, DOCUMENT, BUILDERS, WRITERS = (
    "helpers",
    "model",
    "readers",
    "document",
    "builders",
    "writers",
)
LINT, IMPORTERS, COMMANDS, API, CLI = "lint", "importers", "commands", "api", "cli"

LAYER_OF = {
    "hirecli.model": MODEL,
    "hirecli.pay": MODEL,
    "hirecli.starter": MODEL,
    "hirecli.readers": READERS,
    "hirecli.document": DOCUMENT,
    "hirecli.doctext": DOCUMENT,
    "hirecli.dochtml": DOCUMENT,
    "hirecli.builders": BUILDERS,
    "hirecli.writers": WRITERS,
    "hirecli.lint": LINT,
    "hirecli.importers": IMPORTERS,
    "hirecli.validation": COMMANDS,
    "hirecli.export": COMMANDS,
    "hirecli.diff": COMMANDS,
    "hirecli.diffsides": COMMANDS,
    "hirecli.diffreport": COMMANDS,
    "hirecli.feeds": COMMANDS,
    "hirecli.api": API,
    "hirecli.feeds.cli": CLI,
    "hirecli.cli": CLI,
    "hirecli.__main__": CLI,
}
"""A module's layer is that of its longest listed prefix; any other module is a shared helper."""
ROOT_LAYER = API
"""The package itself re-exports the library API."""

_ABOVE_BUILDERS = frozenset({WRITERS, LINT, IMPORTERS, COMMANDS, API, CLI})
FORBIDDEN = {
    HELPERS: _ABOVE_BUILDERS | {DOCUMENT, BUILDERS},
    MODEL: _ABOVE_BUILDERS | {DOCUMENT, BUILDERS},
    READERS: _ABOVE_BUILDERS | {DOCUMENT, BUILDERS},
    DOCUMENT: _ABOVE_BUILDERS | {BUILDERS},
    BUILDERS: _ABOVE_BUILDERS,
    WRITERS: (_ABOVE_BUILDERS - {WRITERS}) | {BUILDERS},
    LINT: frozenset({COMMANDS, API, CLI}),
    IMPORTERS: frozenset({COMMANDS, API, CLI}),
    COMMANDS: frozenset({API, CLI}),
    API: frozenset({CLI}),
    CLI: frozenset(),
}
"""The layers each layer may not import from."""
YAML = "yaml"


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return ROOT_LAYER
    while len(parts) > 1:
        layer = LAYER_OF.get(".".join(parts))
        if layer is not None:
            return layer
        parts.pop()
    return HELPERS


def layer_breaches(edges: list[Edge]) -> list[str]:
    """Every import that points up."""
    breaches: list[str] = []
    for edge in edges:
        source, target = layer_of(edge.source), layer_of(edge.target)
        if target in FORBIDDEN[source]:
            breaches.append(f"{edge.source}:{edge.line} ({source}) imports {edge.target} ({target})")
    return breaches


def runtime_graph(graph: Graph) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {name: set() for name in graph.modules}
    for edge in graph.edges:
        if edge.runs:
            found[edge.source].add(edge.target)
    return found


def reaching(graph: Graph, start: str, outside: str) -> list[str] | None:
    """The shortest chain of imports by which ``start`` loads the package ``outside``."""
    imports = runtime_graph(graph)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for module in frontier:
            if outside in graph.outside[module]:
                return [*paths[module], outside]
            for nxt in sorted(imports[module] - set(paths)):
                paths[nxt] = [*paths[module], nxt]
                following.append(nxt)
        frontier = following
    return None


@pytest.fixture(scope="module")
def package() -> Graph:
    return read_graph(SRC, "hirecli")


def test_cycle_finder_reports_the_modules_of_each_cycle() -> None:
    graph = {
        "a": {"b"},
        "b": {"c", "d"},
        "c": {"a"},
        "d": set(),
        "e": {"e"},
        "f": {"g"},
        "g": {"f", "d"},
    }
    assert sorted(find_cycles(graph)) == [["a", "b", "c", "a"], ["e", "e"], ["f", "g", "f"]]
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_graph_reads_relative_function_level_and_type_checking_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "base.py").write_text("import yaml\n")
    (pkg / "sub" / "__init__.py").write_text("from . import leaf\n")
    (pkg / "sub" / "leaf.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import pkg.base\n"
        "if TYPE_CHECKING:\n"
        "    from pkg.top import Thing\n"
        "def f():\n"
        "    from ..top import g\n"
    )
    (pkg / "top.py").write_text("from pkg.sub.leaf import f\n")
    graph = read_graph(tmp_path, "pkg")
    assert set(graph.modules) == {"pkg", "pkg.base", "pkg.sub", "pkg.sub.leaf", "pkg.top"}
    found = {(e.source, e.target, e.line, e.runs) for e in graph.edges}
    assert found == {
        ("pkg.sub", "pkg.sub.leaf", 1, True),
        ("pkg.sub.leaf", "pkg.base", 2, True),
        ("pkg.sub.leaf", "pkg.top", 4, False),
        ("pkg.sub.leaf", "pkg.top", 6, True),
        ("pkg.top", "pkg.sub.leaf", 1, True),
    }
    assert find_cycles(runtime_graph(graph)) == [["pkg.sub.leaf", "pkg.top", "pkg.sub.leaf"]]
    assert graph.outside["pkg.sub.leaf"] == {"typing"}
    assert reaching(graph, "pkg.top", "yaml") == ["pkg.top", "pkg.sub.leaf", "pkg.base", "yaml"]
    assert reaching(graph, "pkg.base", "lxml") is None


def test_layer_rules_catch_an_import_that_points_up() -> None:
    edges = [
        Edge("hirecli.builders.posting.build", "hirecli.writers.html", 3, True),
        Edge("hirecli.writers.html", "hirecli.document", 4, True),
        Edge("hirecli.writers.text", "hirecli.builders.kit.plan", 5, False),
        Edge("hirecli.slug", "hirecli.cli.env", 6, True),
        Edge("hirecli.validation", "hirecli.builders.kit.plan", 7, True),
        Edge("hirecli.model.role", "hirecli", 8, True),
    ]
    assert layer_breaches(edges) == [
        "hirecli.builders.posting.build:3 (builders) imports hirecli.writers.html (writers)",
        "hirecli.writers.text:5 (writers) imports hirecli.builders.kit.plan (builders)",
        "hirecli.slug:6 (helpers) imports hirecli.cli.env (cli)",
        "hirecli.model.role:8 (model) imports hirecli (api)",
    ]


def test_no_import_cycles(package: Graph) -> None:
    cycles = find_cycles(runtime_graph(package))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_layers_point_only_down(package: Graph) -> None:
    breaches = layer_breaches(package.edges)
    assert not breaches, "imports that point up:\n" + "\n".join(breaches)


def test_writers_never_load_role_files(package: Graph) -> None:
    """Nothing a writer imports reads YAML, so a writer cannot see a role file."""
    writers = [name for name in package.modules if layer_of(name) == WRITERS]
    assert "hirecli.writers.docx.writer" in writers
    chains = [chain for name in writers if (chain := reaching(package, name, YAML))]
    assert not chains, "writers that load YAML:\n" + "\n".join(" -> ".join(c) for c in chains)


def test_no_module_over_400_lines(package: Graph) -> None:
    long = {
        name: count
        for name, path in package.modules.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"
