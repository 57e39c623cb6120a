"""``cwemod fix --reformat``: fixed statements laid out by the project's black or ruff format.

These tests run the real formatters (the ``test`` extra installs both) on
small projects that configure them, and check the written files with the
formatter's own ``--check``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli
from cwemod.codemods import Applicability, Fix
from cwemod.codemods.kit.formatters import BLACK, RUFF, project_formatter
from cwemod.engine import tools
from cwemod.engine.reformat import Formatter, Formatters, reformat_result
from cwemod.engine.results import FileResult
from vcs_support import git, make_project

HASH = ("--unsafe", "-c", "hash-not-for-security")
RUFF_FORMAT = "[tool.ruff.format]\nquote-style = 'double'\n"
# Formatted by black and ruff alike; usedforsecurity=False takes the line past 88 columns.
# After an operator, which they would break the line before, cwemod does not lay the keyword
# out their way (it does where they break after the call's bracket).
DIGEST = """\
import hashlib


def key(value):
    digest = "md5:" + hashlib.md5(value.encode("utf-8") + b"pad padding").hexdigest()
    return digest
"""
# What cwemod lays out alone: the keyword under the first argument (pycodestyle's way).
ALIGNED = """\
import hashlib


def key(value):
    digest = "md5:" + hashlib.md5(value.encode("utf-8") + b"pad padding",
                                  usedforsecurity=False).hexdigest()
    return digest
"""
# What black and ruff format make of it.
FORMATTED = """\
import hashlib


def key(value):
    digest = (
        "md5:"
        + hashlib.md5(
            value.encode("utf-8") + b"pad padding", usedforsecurity=False
        ).hexdigest()
    )
    return digest
"""


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)  # the repository's root: the search stops here
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def formatter_check(name: str, path: Path) -> int:
    argv = [sys.executable, "-m", name, *(("format", "--check") if name == RUFF else ("--check",))]
    return subprocess.run([*argv, str(path)], capture_output=True, check=False).returncode


@pytest.mark.parametrize(
    ("name", "pyproject"),
    [(BLACK, "[tool.black]\n"), (RUFF, RUFF_FORMAT)],
)
def test_the_fix_is_laid_out_as_the_projects_formatter_lays_it_out(tmp_path, name, pyproject):
    pytest.importorskip(name)
    root = project(tmp_path, {"pyproject.toml": pyproject, "pkg/a.py": DIGEST})
    assert formatter_check(name, root / "pkg/a.py") == 0

    assert cli("fix", *HASH, "--write", ".", cwd=root).returncode == 0
    assert (root / "pkg/a.py").read_text() == ALIGNED
    assert formatter_check(name, root / "pkg/a.py") == 1  # what --reformat is for

    (root / "pkg/a.py").write_text(DIGEST)
    assert cli("fix", *HASH, "--reformat", "--write", ".", cwd=root).returncode == 0
    assert (root / "pkg/a.py").read_text() == FORMATTED
    assert formatter_check(name, root / "pkg/a.py") == 0


@pytest.mark.parametrize(("name", "pyproject"), [(BLACK, "[tool.black]\n"), (RUFF, RUFF_FORMAT)])
def test_a_plain_fix_breaks_a_line_after_the_bracket_as_the_formatter_does(
    tmp_path, name, pyproject
):
    """apprise's ``hashlib.sha1(path.encode("utf-8")).hexdigest()``: no --reformat needed."""
    pytest.importorskip(name)
    digest = DIGEST.replace('"md5:" + ', "").replace("pad padding", "padding padding padding")
    root = project(tmp_path, {"pyproject.toml": pyproject, "pkg/a.py": digest})
    assert formatter_check(name, root / "pkg/a.py") == 0
    assert cli("fix", *HASH, "--write", ".", cwd=root).returncode == 0
    assert "(\n        value" in (root / "pkg/a.py").read_text()
    assert formatter_check(name, root / "pkg/a.py") == 0


def test_a_run_without_reformat_says_which_formatter_the_project_uses(tmp_path):
    root = project(tmp_path, {"pyproject.toml": "[tool.black]\n", "pkg/a.py": DIGEST})
    hint = "cwemod: the project formats with black: --reformat lays the fixes out its way\n"
    assert cli("fix", *HASH, "--format", "diff", ".", cwd=root).stderr.endswith(hint)
    assert hint not in cli("fix", *HASH, "--reformat", "--format", "diff", ".", cwd=root).stderr
    (root / "pyproject.toml").write_text("[tool.ruff]\n")  # the linter only: nothing to say
    assert "--reformat" not in cli("fix", *HASH, "--format", "diff", ".", cwd=root).stderr


def test_a_file_the_formatter_would_change_keeps_the_planned_change(tmp_path):
    # Single quotes: black would change the file before any fix, so its changes are not the fix's.
    unformatted = DIGEST.replace('"utf-8"', "'utf-8'")
    root = project(tmp_path, {"pyproject.toml": "[tool.black]\n", "pkg/a.py": unformatted})
    run = cli("fix", *HASH, "--reformat", "--format", "diff", ".", cwd=root)
    plain = cli("fix", *HASH, "--format", "diff", ".", cwd=root)
    assert run.returncode == 0 and "usedforsecurity=False).hexdigest()" in run.stdout
    assert run.stdout == plain.stdout


def test_a_project_without_a_formatter_keeps_the_planned_change(tmp_path):
    root = project(tmp_path, {"setup.cfg": "[flake8]\nmax-line-length = 88\n", "a.py": DIGEST})
    run = cli("fix", *HASH, "--reformat", "--format", "diff", ".", cwd=root)
    assert run.returncode == 0
    assert run.stdout == cli("fix", *HASH, "--format", "diff", ".", cwd=root).stdout


def test_ruff_configured_for_its_linter_lays_out_a_file_it_would_leave_as_it_is(tmp_path):
    """werkzeug's, jira's and websockets' sdists ship [tool.ruff] alone, their files as ruff
    format lays them out: a fix there is laid out that way too, but only there."""
    pytest.importorskip(RUFF)
    files = {"pyproject.toml": "[tool.ruff]\nline-length = 88\n", "pkg/a.py": DIGEST}
    files["pkg/b.py"] = DIGEST.replace('"utf-8"', "'utf-8'")  # not as ruff would have it
    root = project(tmp_path, files)
    assert project_formatter(root / "pkg") is None  # no gate the project names
    assert cli("fix", *HASH, "--reformat", "--write", ".", cwd=root).returncode == 0
    assert (root / "pkg/a.py").read_text() == FORMATTED
    assert "usedforsecurity=False).hexdigest()" in (root / "pkg/b.py").read_text()


FEAST_SDK = '[tool.ruff]\nexclude = ["feast/protos"]\n[tool.mypy]\nfiles = ["feast"]\n'
FEAST_HOOKS = """\
repos:
  - repo: local
    hooks:
      - id: lint-files
        language: system
        entry: bash -c 'uv run ruff check "$@" && uv run ruff format --check "$@"' --
"""
ZAPPA_PIPFILE = '[dev-packages]\nblack = "==24.8.0"\nflake8 = "==7.0.0"\n[packages]\nboto3 = "*"\n'
CASO_POETRY = """\
[tool.poetry.dependencies]
python = "^3.9"
[tool.poetry.group.test.dependencies]
pytest = "^8.0"
[tool.poetry.group.test-black.dependencies]
black = ">=24.8,<27.0"
"""
OTC_RUFF = '[lint]\nselect = ["E", "F", "I"]\n[format]\nquote-style = "double"\n'
OTC_TOX = "[testenv:pep8]\ncommands =\n    black --check .\n    ruff check .\n    flake8\n"
LOCAL_HOOK = "repos:\n  - repo: local\n    hooks:\n      - id: fmt\n        entry: {}\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pyproject.toml": "[tool.black]\nline-length = 100\n"}, BLACK),
        ({"pyproject.toml": "[tool.ruff.format]\n"}, RUFF),
        ({"pyproject.toml": "[tool.ruff]\nline-length = 100\n"}, None),  # the linter only
        ({"ruff.toml": "line-length = 100\n[format]\nquote-style = 'single'\n"}, RUFF),
        ({"ruff.toml": "line-length = 100\n"}, None),
        ({".pre-commit-config.yaml": "repos:\n  - hooks:\n      - id: ruff-format\n"}, RUFF),
        ({".pre-commit-config.yaml": "repos:\n  - hooks:\n    - id: black\n"}, BLACK),
        ({".pre-commit-config.yaml": "repos:\n  - hooks:\n      - id: blacken-docs\n"}, None),
        # A script that runs it (safety's hatch scripts, a tox environment, a Makefile).
        ({"pyproject.toml": '[tool.hatch.envs.lint.scripts]\nf = ["ruff format --check"]\n'}, RUFF),
        ({"tox.ini": "[testenv:pep8]\ncommands = black --check .\n"}, BLACK),
        ({"Makefile": "lint:\n\tpython -m black --diff src\n"}, BLACK),
        ({"Makefile": "# black is not used here\n"}, None),
        # black among the development requirements (datasette pins it for a test that runs
        # it, sqlite-utils names it in a dependency group); ruff there may only lint.
        ({"setup.py": 'extras_require={"test": ["pytest", "black==24.4.2"]}\n'}, BLACK),
        ({"pyproject.toml": '[dependency-groups]\ndev = ["black>=26.3.1"]\n'}, BLACK),
        ({"pyproject.toml": '[project.optional-dependencies]\ntest = ["ruff"]\n'}, None),
        ({"setup.py": 'install_requires=["blackbox"]\n'}, None),
        # A Pipfile's development packages (zappa 0.63.0 pins black there, and ships no
        # other setting); its [packages] are the project's own requirements.
        ({"Pipfile": ZAPPA_PIPFILE}, BLACK),
        ({"Pipfile": '[dev-packages]\nruff = "*"\n'}, None),
        ({"Pipfile": '[packages]\nblack = "*"\n'}, None),
        ({"Pipfile": "[dev-packages\nblack = '*'\n"}, None),
        ({"Pipfile": "dev-packages = 5\n"}, None),
        # Poetry's groups and its older dev-dependencies name packages by their keys (caso
        # 5.2.2 pins black in a test-black group); [tool.poetry.dependencies] are the
        # project's own requirements.
        ({"pyproject.toml": CASO_POETRY}, BLACK),
        ({"pyproject.toml": '[tool.poetry.dev-dependencies]\nBlack = "^22.3"\n'}, BLACK),
        ({"pyproject.toml": '[tool.poetry.group.dev.dependencies]\nruff = "*"\n'}, None),
        ({"pyproject.toml": '[tool.poetry.dependencies]\nblack = "*"\n'}, None),
        ({"pyproject.toml": "[tool.poetry.group]\ndev = 5\n"}, None),
        # isort sorting imports black's way (nose2's sdist names no formatter otherwise).
        ({"pyproject.toml": '[tool.isort]\nprofile = "black"\n'}, BLACK),
        ({"pyproject.toml": '[tool.isort]\nprofile = "google"\n'}, None),
        # Both tables: a script decides (falcon keeps [tool.black] unused, and its tox.ini
        # runs ruff format), else ruff's table, written only to format.
        ({"pyproject.toml": "[tool.black]\n[tool.ruff.format]\n"}, RUFF),
        (
            {
                "pyproject.toml": "[tool.black]\n[tool.ruff.format]\n",
                "tox.ini": "[testenv:lint]\ncommands = black --check .\n",
            },
            BLACK,
        ),
        # A command that runs the one formatter decides over a table of the other:
        # otcextensions 0.34.8's ruff.toml has a [format] table that nothing runs, and its
        # tox.ini runs black --check . (and ruff check, the linter).
        ({"ruff.toml": OTC_RUFF, "tox.ini": OTC_TOX}, BLACK),
        ({"pyproject.toml": "[tool.ruff.format]\n", "tox.ini": OTC_TOX}, BLACK),
        (
            {"pyproject.toml": "[tool.black]\n", "tox.ini": "[testenv]\ncommands = ruff format\n"},
            RUFF,
        ),
        ({"ruff.toml": OTC_RUFF, "tox.ini": "[testenv:pep8]\ncommands = ruff check .\n"}, RUFF),
        ({"ruff.toml": OTC_RUFF, "tox.ini": OTC_TOX + "    ruff format --check .\n"}, RUFF),
        # The nearest folder that names a formatter decides.
        ({"pyproject.toml": "[tool.black]\n", "pkg/pyproject.toml": "[tool.ruff.format]\n"}, RUFF),
        # A folder above the project's root is another project's: the repository's, above
        # a project in it that keeps its own tox.ini (cwemod's examples/demo).
        ({"../pyproject.toml": "[tool.black]\n"}, None),
        ({"pyproject.toml": "[tool.black]\n", "pkg/tox.ini": "[flake8]\n"}, None),
        # A pyproject.toml of tool tables alone is no project's root: feast's
        # sdk/python/pyproject.toml ([tool.ruff], [tool.mypy]) below the repository's.
        ({"pyproject.toml": "[tool.ruff.format]\n", "pkg/pyproject.toml": FEAST_SDK}, RUFF),
        ({"pyproject.toml": "[tool.black]\n", "pkg/pyproject.toml": "[project]\n"}, None),
        ({"pyproject.toml": "[tool.black]\n", "pkg/pyproject.toml": "[build-system]\n"}, None),
        (
            {
                "pyproject.toml": "[tool.black]\n",
                "pkg/pyproject.toml": "[tool.x]\n",
                "pkg/PKG-INFO": "",
            },
            None,
        ),
        (
            {
                "pyproject.toml": "[tool.black]\n",
                "pkg/pyproject.toml": "[tool.x]\n",
                "pkg/setup.py": "",
            },
            None,
        ),
        # A local hook whose entry runs the formatter (feast's, any id).
        ({".pre-commit-config.yaml": FEAST_HOOKS}, RUFF),
        ({".pre-commit-config.yaml": LOCAL_HOOK.format("poetry run black")}, BLACK),
        ({".pre-commit-config.yaml": LOCAL_HOOK.format("blacken-docs")}, None),
        ({".pre-commit-config.yaml": LOCAL_HOOK.format("ruff check --fix")}, None),
    ],
)
def test_the_projects_formatter_is_the_one_its_configuration_names(tmp_path, files, expected):
    root = project(tmp_path, {"pkg/a.py": "x = 1\n", **files})
    assert project_formatter(root / "pkg") == expected


def planned_result(path: Path, old: str, new: str) -> FileResult:
    fix = Fix("hash-not-for-security", 1, Applicability.SAFE, "keyword")
    return FileResult(path, path.name, old.encode(), new.encode(), fixes=[fix])


class _Formatters(Formatters):
    """Formatters that answer with a stand-in formatter for every file."""

    def __init__(self, formatter: Formatter) -> None:
        super().__init__()
        self.formatter = formatter

    def for_file(self, path: Path) -> Formatter:
        return self.formatter


class _Shouting(Formatter):
    """Uppercases the lines that start with ``x`` when a line starts with ``z``.

    A formatter whose change to one line depends on another line, as black's
    magic trailing comma or blank lines do.
    """

    def formatted(self, data: bytes, path: Path) -> bytes:
        lines = data.decode().splitlines(keepends=True)
        if not any(line.startswith("z") for line in lines):
            return data
        return "".join(line.upper() if line.startswith("x") else line for line in lines).encode()


FILLER = "".join(f"N{number} = {number}\n" for number in range(10))  # keeps hunks apart


def test_a_formatter_change_within_the_fix_is_kept(tmp_path):
    result = planned_result(tmp_path / "a.py", "A = 1\n" + FILLER, "z = 1\nx = 2\n" + FILLER)
    reformat_result(result, _Formatters(_Shouting("stand-in", ())))
    assert result.new == ("z = 1\nX = 2\n" + FILLER).encode()


def test_a_formatter_change_beyond_the_fix_keeps_the_planned_change(tmp_path):
    planned = "x = 1\n" + FILLER + "z = 1\n"
    result = planned_result(tmp_path / "a.py", "x = 1\n" + FILLER, planned)
    reformat_result(result, _Formatters(_Shouting("stand-in", ())))
    assert result.new == planned.encode()  # it would change line 1, which no fix touched


def test_a_formatter_that_is_not_installed_fails_the_file_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    monkeypatch.setattr(tools, "find_spec", lambda name: None)
    root = project(tmp_path, {"pyproject.toml": "[tool.black]\n", "a.py": "x = 1\n"})
    result = planned_result(root / "a.py", "x = 1\n", "x = 2\n")
    reformat_result(result, Formatters())
    assert result.new is None
    assert result.error == (
        "--reformat: the project formats with black, which is not installed here;"
        " file left as it was"
    )


def test_a_source_the_formatter_cannot_parse_fails_the_file(tmp_path):
    pytest.importorskip(BLACK)
    root = project(tmp_path, {"pyproject.toml": "[tool.black]\n", "a.py": "x = 1\n"})
    result = planned_result(root / "a.py", "x = 1\n", "x = (\n")
    reformat_result(result, Formatters())
    assert result.new is None
    assert result.error is not None and result.error.startswith("--reformat: black failed (")


WITH_YAML = "import hashlib\n\nimport yaml\n"
LOAD = "\n\ndef load(path):\n    return yaml.load(open(path))\n"
YAML_TOO = DIGEST.replace("import hashlib\n", WITH_YAML) + LOAD


def test_each_commit_of_a_patch_series_is_laid_out_as_the_formatter_lays_it_out(tmp_path):
    pytest.importorskip(BLACK)
    files = {"pyproject.toml": b"[tool.black]\n", "pkg/a.py": YAML_TOO.encode()}
    work, remote = make_project(tmp_path, files)
    assert formatter_check(BLACK, work / "pkg/a.py") == 0
    output = tmp_path / "series"
    run = cli("patch", "--unsafe", "--reformat", "-o", str(output), str(work), cwd=work)
    assert run.returncode == 0, run.stderr

    applied = tmp_path / "applied"
    git("clone", "-q", str(remote), str(applied), cwd=tmp_path)
    git("am", *run.stdout.split(), cwd=applied)
    assert git("rev-list", "--count", "origin/master..HEAD", cwd=applied) == "2\n"
    expected = FORMATTED.replace("import hashlib\n", WITH_YAML) + LOAD.replace(
        "load(open", "safe_load(open"
    )
    assert (applied / "pkg/a.py").read_text() == expected
    for commit in ("HEAD~1", "HEAD"):
        git("checkout", "-q", commit, cwd=applied)
        assert formatter_check(BLACK, applied / "pkg/a.py") == 0, commit


def test_a_module_of_the_project_never_stands_for_the_standard_librarys(tmp_path):
    # beets' beetsplug/types.py: "python -m ruff" run from that folder imported it as the
    # standard library's (ruff's launcher imports sysconfig, which imports types).
    pytest.importorskip(RUFF)
    root = project(tmp_path, {"pyproject.toml": "[tool.ruff.format]\n", "pkg/a.py": "x = 1\n"})
    (root / "pkg" / "sysconfig.py").write_text("raise ImportError('the project stood for it')\n")
    formatter = Formatter(RUFF, (sys.executable, "-m", RUFF))
    assert formatter.formatted(b"x = 'a'\n", root / "pkg" / "a.py") == b'x = "a"\n'


def test_a_file_the_formatter_cannot_read_keeps_the_planned_change(tmp_path):
    # ruff reads UTF-8 only: a Latin-1 module is not one it formats.
    pytest.importorskip(RUFF)
    root = project(tmp_path, {"pyproject.toml": "[tool.ruff.format]\n"})
    old = "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\nx = 1\n".encode("latin-1")
    result = FileResult(root / "a.py", "a.py", old, old.replace(b"x = 1", b"x = 2"))
    result.encoding = "latin-1"
    planned = result.new
    reformat_result(result, Formatters())
    assert result.error is None and result.new == planned


def test_a_formatter_that_refuses_the_projects_every_file_fails_the_file(tmp_path):
    """mercurial requires black 23 (required-version): another black refuses every file,
    and the fix kept a layout black 23 rejects."""
    pytest.importorskip(BLACK)
    pyproject = '[tool.black]\nrequired-version = "1"\n'
    root = project(tmp_path, {"pyproject.toml": pyproject, "a.py": "x = 1\n"})
    result = planned_result(root / "a.py", "x = 1\n", "x = 2\n")
    reformat_result(result, Formatters())
    assert result.new is None
    assert result.error is not None and "does not match the running version" in result.error


# nbgitpuller 1.3.0: [tool.black] and isort's black profile, its black hook commented out,
# and its modules not black's (one space before an inline comment, two blank lines in a class).
NOT_BLACKS = {
    "pkg/__init__.py": "from pkg.version import __version__ # noqa\n",
    "pkg/errors.py": "class E(Exception):\n    def a(self):\n        pass\n\n\n    def b(self):\n"
    "        pass\n",
    "pkg/version.py": "__version__ = '1.3.0'\n",
}
NBGITPULLER = '[tool.isort]\nprofile = "black"\n[tool.black]\nskip-string-normalization = true\n'


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pyproject.toml": NBGITPULLER}, None),
        ({"pyproject.toml": '[tool.isort]\nprofile = "black"\n'}, None),
        # where a hook, a script or a requirement names black, it gates whatever the code is
        (
            {"pyproject.toml": NBGITPULLER, "tox.ini": "[testenv]\ncommands = black --check .\n"},
            BLACK,
        ),
        (
            {
                "pyproject.toml": NBGITPULLER,
                ".pre-commit-config.yaml": "repos:\n  - hooks:\n      - id: black\n",
            },
            BLACK,
        ),
    ],
)
def test_a_black_table_alone_is_no_gate_where_the_code_is_not_blacks(tmp_path, files, expected):
    root = project(tmp_path, {**NOT_BLACKS, **files})
    assert project_formatter(root / "pkg") == expected
