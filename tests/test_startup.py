"""Light start-up: ``cwemod --help`` and ``cwemod codemods`` load neither LibCST nor rich's heavy parts.

The commands run in a fresh interpreter (``python -c``), which then reports
what it imported. The static parts that make this possible (the commands'
summaries, the catalog read from source) are checked against what they stand for.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import click
import pytest

from cwemod.cli import COMMANDS, main
from cwemod.codemods import all_codemods
from cwemod.codemods._index import CatalogEntry, _read_module, catalog

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
HEAVY = ("libcst", "rich.markdown", "rich.syntax", "pygments", "markdown_it")

CHILD = textwrap.dedent(
    """
    import json, sys
    from cwemod.cli import main
    try:
        main(sys.argv[1:], prog_name="cwemod")
    except SystemExit as stop:
        assert not stop.code, stop.code
    heavy = [name for name in {heavy!r} if name in sys.modules]
    print(json.dumps(heavy), file=sys.stderr)
    """
).format(heavy=HEAVY)


def heavy_modules_after(*args: str, cwd: Path | None = None) -> tuple[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    assert run.returncode == 0, run.stderr
    return run.stdout, json.loads(run.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [("--help",), ("codemods",), ("--version",)])
def test_help_and_the_catalog_import_no_libcst_nor_rich_markdown(args):
    stdout, heavy = heavy_modules_after(*args)
    assert stdout
    assert heavy == []


def test_a_command_still_loads_what_it_needs():
    stdout, heavy = heavy_modules_after("explain", "yaml-safe-load")
    assert "safe_load" in stdout
    assert "libcst" in heavy


def test_a_rerun_answered_from_the_cache_loads_no_libcst(tmp_path):
    """It reads and hashes the files and loads the entries: LibCST and the codemods stay out."""
    project = tmp_path / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns(".cwemod_cache"))
    args = ("fix", "--format", "json", "--unsafe", "-j1", ".")
    first, loaded = heavy_modules_after(*args, cwd=project)
    assert "libcst" in loaded
    assert json.loads(first)["summary"]["fixes"] > 0

    again, loaded = heavy_modules_after(*args, cwd=project)
    assert again == first
    assert loaded == []


def test_the_catalog_read_from_source_is_the_registry():
    registry = [
        CatalogEntry(cls.id, tuple(cls.cwe), cls.applicability.value, cls.title)
        for cls in all_codemods().values()
    ]
    assert catalog() == registry


def test_each_codemod_module_is_read_from_source_not_imported():
    modules = {cls.__module__ for cls in all_codemods().values()}
    assert [module for module in sorted(modules) if _read_module(module) is None] == []


def test_a_codemod_whose_metadata_is_not_literal_is_imported_instead(tmp_path, monkeypatch):
    (tmp_path / "startup_literal.py").write_text(
        "class Literal(Codemod):\n"
        "    id = 'literal'\n"
        "    title = 'A title'\n"
        "    cwe = ('CWE-1',)\n"
        "    applicability = Applicability.REVIEW\n"
    )
    (tmp_path / "startup_computed.py").write_text(
        "TITLE = 'A title'\n\n\n"
        "class Computed(Codemod):\n"
        "    id = 'computed'\n"
        "    title = TITLE\n"
        "    cwe = ('CWE-1',)\n"
        "    applicability = Applicability.SAFE\n"
    )
    (tmp_path / "startup_inherited.py").write_text(
        "class Inherited(Codemod):\n    id = 'inherited'\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _read_module("startup_literal") == [
        CatalogEntry("literal", ("CWE-1",), "review", "A title")
    ]
    assert _read_module("startup_computed") is None
    assert _read_module("startup_inherited") is None


def test_the_help_lists_the_commands_as_click_would_from_the_commands_themselves():
    commands = {
        name: getattr(importlib.import_module(module), name)
        for name, (module, _) in COMMANDS.items()
    }
    assert all(isinstance(command, click.Command) for command in commands.values())
    eager = click.Group("cwemod", commands=commands, help=main.help)
    lazy = main.get_help(click.Context(main, info_name="cwemod"))
    expected = eager.get_help(click.Context(eager, info_name="cwemod"))
    assert lazy.split("Commands:")[1] == expected.split("Commands:")[1]
    for name, (_, summary) in COMMANDS.items():
        first_paragraph = commands[name].help.split("\n\n")[0]
        assert " ".join(first_paragraph.split()) == summary, name


def test_a_codemod_module_holds_one_codemod_named_after_it():
    from cwemod.codemods import Codemod, _codemod_in

    module = types.ModuleType("cwemod.codemods.some_fix")

    class Misnamed(Codemod):
        id = "other-fix"

    Misnamed.__module__ = module.__name__
    module.Misnamed = Misnamed
    with pytest.raises(RuntimeError, match="'some-fix'"):
        _codemod_in(module)
