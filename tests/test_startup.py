"""Light start-up: ``cwemod --help`` and ``cwemod codemods`` load neither LibCST nor rich's heavy parts.

The commands run in a fresh interpreter (``python -c``), which then reports
what it imported. The static parts that make this possible (the commands'
summaries, the catalog read from source) are checked against what they stand for.
"""

from __future__ import annotations

import importlib
import json
import os
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
# What a rerun answered from the cache, printing JSON, does not need either.
NOT_FOR_A_RERUN = (
    *HEAVY,
    "rich",
    "importlib.metadata",
    "concurrent.futures",
    "multiprocessing",
    "tempfile",
    "cwemod.engine.source",
    "cwemod.engine.verify",
    "cwemod.engine.write",
    "cwemod.reports",
)

CHILD = textwrap.dedent(
    """
    import json, sys
    from cwemod.cli import main
    try:
        main(sys.argv[1:], prog_name="cwemod")
    except SystemExit as stop:
        assert not stop.code, stop.code
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
    """
)


def heavy_modules_after(
    *args: str, cwd: Path | None = None, heavy: tuple[str, ...] = HEAVY
) -> tuple[str, list[str]]:
    """The command's output, and which of ``heavy`` it imported."""
    run = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stderr.strip().splitlines()[-1])
    return run.stdout, [name for name in heavy if name in loaded]


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
    """It reads and hashes the files and loads the entries: LibCST and the codemods stay out.

    So do rich (the output is JSON, stderr no terminal), the process pool,
    forking, ``importlib.metadata`` (LibCST's version is read from its version
    file), and what only --verify and --write use.
    """
    project = tmp_path / "demo"
    shutil.copytree(DEMO, project, ignore=shutil.ignore_patterns(".cwemod_cache"))
    args = ("fix", "--format", "json", "--unsafe", "-j2", ".")
    first, loaded = heavy_modules_after(*args, cwd=project, heavy=NOT_FOR_A_RERUN)
    assert {"libcst", "concurrent.futures", "multiprocessing", "tempfile"} <= set(loaded)
    assert json.loads(first)["summary"]["fixes"] > 0

    again, loaded = heavy_modules_after(*args, cwd=project, heavy=NOT_FOR_A_RERUN)
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


@pytest.mark.parametrize(
    ("environment", "terminal", "rich_loaded"),
    [
        ({}, False, False),
        ({"FORCE_COLOR": "1"}, True, True),
        ({"TTY_COMPATIBLE": "0"}, False, True),
    ],
)
def test_a_pipe_is_no_terminal_and_rich_is_asked_only_when_told_otherwise(
    environment, terminal, rich_loaded
):
    """As rich decides it: a pipe is no terminal unless the environment says it is."""
    probe = (
        "import sys\n"
        "from cwemod.cli.terminal import is_terminal\n"
        "print(is_terminal(), is_terminal(stderr=True), 'rich' in sys.modules)\n"
    )
    clean = {
        name: value
        for name, value in os.environ.items()
        if name not in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR")
    }
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**clean, **environment},
    )
    assert run.stdout.split() == [str(terminal), str(terminal), str(rich_loaded)]


def test_the_command_leaves_its_exit_no_garbage_to_collect():
    """Objects left at exit are frozen first: CPython's last collection has nothing to walk."""
    probe = (
        "import atexit, gc\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))\n"
        "from cwemod.cli import main\n"
        "main(['codemods'], prog_name='cwemod')\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "frozen at exit: True"
