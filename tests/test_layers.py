"""The layers of cwemod only point down.

cli -> (engine.triage, vcs, render) -> engine -> codemods, with reports
beside them and shared errors in cwemod.errors. Every ``cwemod.*`` import of
every module is read with the stdlib ``ast`` (at module level and inside
functions), so a late import cannot hide an upward dependency.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import cwemod

PACKAGE = Path(cwemod.__file__).parent

# What each layer must never import. cwemod.errors, cwemod.lazy, cwemod.linediff and
# cwemod.runtime lie below every layer and import nothing from cwemod.
EVERY_LAYER = {"cli", "codemods", "engine", "render", "reports", "vcs"}
FORBIDDEN = {
    "codemods": {"engine", "cli", "render", "vcs", "reports"},
    "engine": {"cli", "render", "vcs"},
    "reports": {"engine", "cli", "render", "vcs", "codemods"},
    "render": {"cli", "vcs"},
    "vcs": {"cli"},
    "errors": EVERY_LAYER,
    "linediff": EVERY_LAYER,
    "runtime": EVERY_LAYER,
    "lazy": EVERY_LAYER,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every ``cwemod.*`` module ``path`` imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return cwemod_imports(path.read_text(encoding="utf-8"), package)


def cwemod_imports(source: str, package: str) -> set[str]:
    """The ``cwemod.*`` modules ``source``, a module of ``package``, imports anywhere."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(absolute(node, package))
    return {module for module in found if module == "cwemod" or module.startswith("cwemod.")}


def absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def layer(module: str) -> str:
    """The subpackage (or top-level module) of cwemod that ``module`` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@cache
def layer_imports() -> dict[str, dict[str, set[str]]]:
    """layer -> imported layer -> the modules of the first that import the second."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for imported in imported_modules(path):
            source, target = layer(importer), layer(imported)
            if source != target and source and target:
                graph.setdefault(source, {}).setdefault(target, set()).add(importer)
    return graph


def cycle(graph: dict[str, dict[str, set[str]]]) -> list[str] | None:
    """One cycle of layers, as the path that closes it, or None."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return None
        for target in sorted(graph.get(node, {})):
            found = visit(target, path + [node])
            if found:
                return found
        done.add(node)
        return None

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return None


def test_the_walk_sees_imports_inside_functions_and_relative_ones():
    source = (
        "import os\n"
        "import cwemod.render.diff\n"
        "def f():\n"
        "    from cwemod.engine import plan\n"
        "    from ..reports import model\n"
        "    from . import base\n"
    )
    assert cwemod_imports(source, "cwemod.codemods") == {
        "cwemod.render.diff",
        "cwemod.engine",
        "cwemod.reports",
        "cwemod.codemods",
    }


def test_every_module_of_the_package_is_walked():
    importers = {
        module
        for targets in layer_imports().values()
        for modules in targets.values()
        for module in modules
    }
    assert {"cwemod.cli.fix", "cwemod.engine.run", "cwemod.vcs.groups"} <= importers


def test_cycle_finds_a_cycle_and_only_a_cycle():
    assert cycle({"a": {"b": set()}, "b": {"c": set()}}) is None
    assert cycle({"a": {"b": set()}, "b": {"a": set()}}) == ["a", "b", "a"]


def test_no_import_cycle_between_subpackages():
    assert cycle(layer_imports()) is None


@pytest.mark.parametrize("importer", sorted(FORBIDDEN))
def test_layers_only_point_down(importer):
    wrong = {
        target: sorted(modules)
        for target, modules in layer_imports().get(importer, {}).items()
        if target in FORBIDDEN[importer]
    }
    assert wrong == {}, f"cwemod.{importer} imports layers above it: {wrong}"
