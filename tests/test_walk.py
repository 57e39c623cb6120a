"""The run's walk of the tree (``engine/files.py``): each directory listed once, each file read whole.

A run walks its PATHs, then the project around them for the surveys, and
asks of every directory whether it holds ``.git`` or a project marker;
these tests check that the shortcuts taken for speed give the answers the
plain filesystem calls give.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cwemod.codemods.kit import lines as lines_module
from cwemod.codemods.kit.formatters import BLACK, project_formatter
from cwemod.codemods.kit.lines import kept_line_length, register_modules, registered_modules
from cwemod.codemods.kit.python_versions import oldest_python
from cwemod.engine import files as files_module
from cwemod.engine.files import (
    Listings,
    RealPaths,
    read_regular,
    relative_posix,
    reusable,
    walk,
)
from cwemod.engine.projects import Projects


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project (``setup.cfg``) whose package holds modules two levels down, and a tool beside it."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = demo\n")
    for name in ("pkg/__init__.py", "pkg/a/b/deep.py", "pkg/a/mod.py", "tools/tool.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    return tmp_path


def _counting_scandir(monkeypatch) -> list[str]:
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path):
        listed.append(os.path.realpath(path))
        return real_scandir(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    return listed


def test_a_walk_of_the_project_around_a_path_lists_no_directory_twice(project, monkeypatch):
    listed = _counting_scandir(monkeypatch)
    listings = Listings()
    package = walk([project / "pkg"], (), listings).files
    whole = walk([project], (), listings).files

    assert sorted(listed) == sorted(set(listed))  # each directory once, over both walks
    assert len(listed) == 5  # pkg, pkg/a, pkg/a/b; then only the root and tools
    # The same files, in the same order, as walks that share nothing.
    assert package == walk([project / "pkg"]).files
    assert whole == walk([project]).files
    assert [path.relative_to(project.resolve()).as_posix() for path in whole] == [
        "pkg/__init__.py",
        "pkg/a/b/deep.py",
        "pkg/a/mod.py",
        "tools/tool.py",
    ]
    assert whole[0] is package[0]  # one ``Path`` per file for the whole run


def test_a_run_lists_each_directory_once(project, monkeypatch):
    """The PATH's walk, the project's walk, and the project-marker look-ups share the listings."""
    from cwemod.engine import FixRequest
    from cwemod.engine.run import jobs_for

    listed = _counting_scandir(monkeypatch)
    request = FixRequest([project / "pkg"], [("salted-lock-name", {})], cache=True)
    jobs, refused = jobs_for(request)
    dict(jobs[0].project.facts)  # the survey walks the project

    assert not refused and len(jobs) == 3
    in_project = [path for path in listed if path.startswith(str(project.resolve()))]
    assert len(in_project) == 5
    assert sorted(in_project) == sorted(set(in_project))


@pytest.fixture
def tangled(tmp_path: Path) -> Path:
    """A project whose package has neighbours that sort around it, links into it, and excluded parts."""
    (tmp_path / "tox.ini").write_text("")
    for name in (
        "pkg/z.py",
        "pkg/a/m.py",
        "pkg/build/skipped.py",
        "pkg/x.egg-info/skipped.py",
        "pkg-extra/e.py",
        "pkga/f.py",
        "pkg.py",
        "a_before.py",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    (tmp_path / "pkg" / "b_link.py").symlink_to(tmp_path / "pkg" / "z.py")  # inside, to inside
    (tmp_path / "0_first.py").symlink_to(tmp_path / "pkg" / "a" / "m.py")  # outside, to inside
    (tmp_path / "zz_last.py").symlink_to(tmp_path / "pkg" / "z.py")
    return tmp_path


def test_the_project_walk_takes_the_files_of_the_paths_walk_as_its_own_walk_finds_them(
    tangled, monkeypatch
):
    listings = Listings()
    package = walk([tangled / "pkg"], (), listings)
    assert reusable(package, ())
    listed = _counting_scandir(monkeypatch)
    taken = walk([tangled], (), listings, {str((tangled / "pkg").resolve()): package.files})
    monkeypatch.undo()

    fresh = walk([tangled])
    assert taken.files == fresh.files and taken.problems == fresh.problems == []
    names = [path.relative_to(tangled.resolve()).as_posix() for path in taken.files]
    assert names == [
        "pkg/a/m.py",  # at the link that leads to it first, before the package
        "a_before.py",
        "pkg/z.py",
        "pkg-extra/e.py",
        "pkg.py",
        "pkga/f.py",
    ]
    package_directory = str((tangled / "pkg").resolve()) + os.sep
    assert listed and not [path for path in listed if path.startswith(package_directory)]


@pytest.mark.parametrize(
    ("excludes", "expected"),
    [
        ((), True),
        (("generated", "*.pb2.py", "*_pb2"), True),
        (("pkg/a",), False),  # a path: below which top?
        (("a*",), False),  # matches "a/m.py" below the package, not "pkg/a/m.py"
        (("[ab]",), False),
    ],
)
def test_a_walk_is_reused_only_when_its_excludes_read_names(tangled, excludes, expected):
    assert reusable(walk([tangled / "pkg"], excludes), excludes) is expected


def test_a_walk_with_a_link_out_of_its_directory_is_not_reused(tangled):
    (tangled / "pkg" / "out.py").symlink_to(tangled / "pkg.py")
    found = walk([tangled / "pkg"])
    assert found.problems and not reusable(found, ())
    # The project's walk takes that file, which the package's refused.
    assert (tangled / "pkg.py").resolve() in walk([tangled]).files


def test_a_run_over_a_directory_walks_the_project_around_it_without_it(tangled, monkeypatch):
    from cwemod.engine import FixRequest
    from cwemod.engine.run import jobs_for

    entries = []
    real_entry = files_module._file_entry
    monkeypatch.setattr(
        files_module, "_file_entry", lambda *args: entries.append(args[2]) or real_entry(*args)
    )
    request = FixRequest([tangled / "pkg"], [("salted-lock-name", {})], cache=True)
    jobs, refused = jobs_for(request)
    project_files = [name for name, *_ in jobs[0].project.facts._read_sources()]
    monkeypatch.undo()

    assert not refused and len(jobs) == 2
    assert project_files == [
        relative_posix(path, tangled.resolve()) for path in walk([tangled]).files
    ]
    # The package's files were looked at by the PATH's walk, not the project's.
    assert entries == [
        *("a/m.py", "b_link.py", "z.py"),
        *("0_first.py", "a_before.py", "pkg-extra/e.py", "pkg.py", "pkga/f.py", "zz_last.py"),
    ]


def test_exists_answers_as_the_filesystem_does(tmp_path):
    (tmp_path / "tox.ini").write_text("")
    (tmp_path / "dir").mkdir()
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    listings = Listings()
    real = str(tmp_path.resolve())
    list(listings.entries(real, real))

    for name in ("tox.ini", "dir", "broken", "setup.cfg", ".git"):
        assert listings.exists(real, name) == os.path.exists(os.path.join(real, name)), name
    assert listings.listed(real)
    unlisted = str(tmp_path / "dir")  # never listed: asked of the filesystem
    assert not listings.listed(unlisted)
    assert listings.exists(str(tmp_path), "dir")
    (tmp_path / "dir" / "setup.py").write_text("")
    assert listings.exists(unlisted, "setup.py")


def test_the_project_of_a_file_is_found_from_the_listings(project):
    listings = Listings()
    found = walk([project / "pkg"], (), listings).files
    projects = Projects([], (), found, listings=listings)
    assert {projects.of(path).root for path in found} == {str(project.resolve())}
    assert projects.module_path(found[1]) == "pkg/a/b/deep.py"


@pytest.mark.parametrize("size", [0, 1, 4095, 65536, 65537, 300_000])
def test_read_regular_reads_the_whole_file(tmp_path, size):
    path = tmp_path / "data.py"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(data)
    assert read_regular(path) == data


def test_read_regular_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    with pytest.raises(files_module.NotRegularFile, match="FIFO"):
        read_regular(fifo)  # returns at once: a FIFO with no writer is never read


def test_relative_names_of_walked_files_are_those_of_their_resolved_paths(project, tmp_path):
    found = walk([project]).files
    real = RealPaths()
    real.known(found)
    bases = [project.resolve(), (project / "pkg").resolve(), (project / "pkg" / "a").resolve()]
    bases.append(Path("/"))
    bases.append((tmp_path / "elsewhere").resolve())
    for base in bases:
        for path in found:
            assert real.relative(path, base) == relative_posix(path.resolve(), base), (path, base)
    assert real.display_path(found[0], project.resolve()) == "pkg/__init__.py"


def _counting_os_walk(monkeypatch) -> list[str]:
    walked: list[str] = []
    real_walk = os.walk

    def counting(top, *args, **kwargs):
        walked.append(str(top))
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(lines_module.os, "walk", counting)
    return walked


# Lines black never leaves (one space before an inline comment), in a folder the run excludes.
UNLIKE_BLACK = "x = 1 # vendored\n"


def test_a_black_tables_check_of_the_code_reads_the_runs_walk(tmp_path, monkeypatch):
    """``[tool.black]`` alone gates where the project's code is black's: the modules sampled
    are the run's walk of the project (which leaves ``vendored/`` out), not a walk of their own."""
    root = tmp_path / "project"
    files = {"pyproject.toml": "[project]\nname = 'demo'\n[tool.black]\n"}
    files |= {f"pkg/m{index}.py": "x = 1  # black's\n" for index in range(2)}
    files |= {f"vendored/v{index}.py": UNLIKE_BLACK for index in range(3)}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    walked = _counting_os_walk(monkeypatch)

    project = Projects([], excludes=("vendored",)).project_at(root)

    assert project.formatter == BLACK and walked == []
    # walked here, the vendored modules (3 of 5) would say black does not format the code
    assert project_formatter(shutil.copytree(root, tmp_path / "copy")) is None
    assert walked == [str(tmp_path / "copy")]


def test_the_run_s_walk_is_registered_by_the_project_s_real_top(project, tmp_path, monkeypatch):
    """Registered through a link, found by the real path, and read for the width the code
    keeps and the Python 2 its top-level modules branch for; nothing walked."""
    long_line = f"x = f({'y' * 100})\n"
    for index in range(12):
        (project / "pkg" / f"long_{index}.py").write_text(long_line)
    (project / "py2.py").write_text("import sys\nif sys.version_info[0] < 3:\n    x = 1\n")
    link = tmp_path / "link"
    link.symlink_to(project)
    listed = [str(path) for path in sorted((project / "pkg").glob("*.py"))]
    walked = _counting_os_walk(monkeypatch)

    register_modules(link, lambda: listed)  # the run's walk left py2.py and tools/ out

    assert registered_modules(project.resolve()) is registered_modules(link)
    assert kept_line_length(project.resolve()) == len(long_line) - 1
    assert oldest_python(project) is None
    assert walked == []
    assert oldest_python(shutil.copytree(project, tmp_path / "copy", symlinks=True)) == (2, 7)
