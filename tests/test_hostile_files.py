"""Odd files in a tree: each is reported on its own line, and the run goes on.

Every tree below also holds ordinary files that still get fixed and written.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

import cwemod.engine.work as work_module
from conftest import cli, cwemod_script
from cwemod.engine.run import FileJob
from cwemod.engine.work import process_file

UNSAFE = b"import yaml\nyaml.load(x)\n"
SAFE = b"import yaml\nyaml.safe_load(x)\n"

# name -> (content, content after --write); after is None when the file must stay as it was.
FIXED = {
    "good.py": (UNSAFE, SAFE),
    "match.py": (
        b"import yaml\nmatch x:\n    case 1:\n        yaml.load(y)\n",
        b"import yaml\nmatch x:\n    case 1:\n        yaml.safe_load(y)\n",
    ),
    # Tabs and spaces mixed consistently (CPython accepts it): fixed like any code.
    "tabs.py": (
        b"import yaml\nif x:\n\tif y:\n\t        yaml.load(z)\n",
        b"import yaml\nif x:\n\tif y:\n\t        yaml.safe_load(z)\n",
    ),
    # PEP 701 nested f-string with other quotes: valid on every Python.
    "fstring.py": (UNSAFE + b"s = f\"{f'{x}'}\"\n", SAFE + b"s = f\"{f'{x}'}\"\n"),
    "formfeed.py": (
        b"import yaml\n\x0c\ndef f():\n\x0c    return yaml.load(x)\n",
        b"import yaml\n\x0c\ndef f():\n\x0c    return yaml.safe_load(x)\n",
    ),
    "cr_only.py": (UNSAFE.replace(b"\n", b"\r"), SAFE.replace(b"\n", b"\r")),
    "latin1.py": (
        b"# -*- coding: latin-1 -*-\nimport yaml\ns = 'caf\xe9'\nyaml.load(x)\n",
        b"# -*- coding: latin-1 -*-\nimport yaml\ns = 'caf\xe9'\nyaml.safe_load(x)\n",
    ),
    "bom.py": (b"\xef\xbb\xbf" + UNSAFE, b"\xef\xbb\xbf" + SAFE),
    "x.py/inner.py": (UNSAFE, SAFE),  # a directory named x.py is walked like any directory
}

# name -> (content, the one line cwemod prints for it, after "cwemod: NAME: ")
REFUSED = {
    "broken.py": (UNSAFE + b"def f(:\n", "cannot parse: "),
    "nul.py": (UNSAFE + b"s = 'a\0b'\n", "a NUL byte on line 3: Python cannot run this file"),
    "utf16.py": (
        UNSAFE.decode().encode("utf-16"),
        "cannot decode: UTF-16 text (it starts with a UTF-16 byte order mark)",
    ),
    "utf32.py": (
        UNSAFE.decode().encode("utf-32"),
        "cannot decode: UTF-32 text (it starts with a UTF-32 byte order mark)",
    ),
    # Inconsistent tabs: CPython refuses it too (TabError), and names the line LibCST does not.
    "tabs_inconsistent.py": (
        b"import yaml\nif x:\n        a = 1\n\tyaml.load(z)\n",
        "cannot parse: line 4: tokenizer error: inconsistent mixing of tabs and spaces",
    ),
    # bpytop: spaces deeper than a block of tabs. CPython reads it; LibCST's tokenizer does
    # not, and says line 1: the line the indentation switches on is named.
    "spaces_inside_tabs.py": (
        b"import yaml\ndef f(x):\n\tif x:\n\t\tif x:\n" + b" " * 24 + b"x = 1\n"
        b"\treturn yaml.load(x)\n",
        "cannot parse: line 5: tokenizer error: no matching outer block for dedent (Python"
        " reads this file",
    ),
}
# Python 3.12+ syntax that LibCST parses: fixed on 3.12+, refused with the reason before.
NEW_SYNTAX = {
    "pep695.py": (
        UNSAFE + b"type X = int\ndef f[T](x: T) -> T:\n    return yaml.load(x)\n",
        SAFE + b"type X = int\ndef f[T](x: T) -> T:\n    return yaml.safe_load(x)\n",
    ),
    "fstring_same_quotes.py": (UNSAFE + b's = f"{f"{x}"}"\n', SAFE + b's = f"{f"{x}"}"\n'),
}
NEW_PYTHON = sys.version_info >= (3, 12)


def make_tree(root: Path) -> Path:
    for name, (content, _) in {**FIXED, **REFUSED, **NEW_SYNTAX}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    os.mkfifo(root / "y.py")
    (root / "loop_a.py").symlink_to("loop_b.py")
    (root / "loop_b.py").symlink_to("loop_a.py")
    (root / "dangling.py").symlink_to("nowhere.py")
    return root


def errors_of(stderr: str) -> dict[str, str]:
    """FILE -> its one error line, from ``cwemod: FILE: why`` lines."""
    lines = [line.removeprefix("cwemod: ") for line in stderr.splitlines()]
    return dict(line.split(": ", 1) for line in lines if line.split(": ", 1)[0].endswith(".py"))


def test_each_odd_file_is_reported_alone_and_the_others_are_written(tmp_path):
    root = make_tree(tmp_path)

    result = cli("fix", "-j1", "--write", ".", cwd=root)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = errors_of(result.stderr)
    for name, (content, why) in REFUSED.items():
        assert errors.pop(name).startswith(why), (name, result.stderr)
        assert (root / name).read_bytes() == content, name
    assert errors.pop("y.py") == "not a regular file (a FIFO); left alone"
    assert errors.pop("loop_a.py") == "symbolic link loop; left alone"
    assert errors.pop("loop_b.py") == "symbolic link loop; left alone"
    assert errors.pop("dangling.py") == (
        "symbolic link to nowhere.py, which does not exist; left alone"
    )
    for name, (content, fixed) in NEW_SYNTAX.items():
        if NEW_PYTHON:
            assert (root / name).read_bytes() == fixed, name
        else:
            why = errors.pop(name)
            assert why.startswith("does not compile on the running Python 3."), why
            assert why.endswith("so no fix can be verified; file left as it was"), why
            assert (root / name).read_bytes() == content, name
    assert errors == {}, result.stderr
    for name, (_, fixed) in FIXED.items():
        assert (root / name).read_bytes() == fixed, name  # byte for byte
    assert stat.S_ISFIFO(os.lstat(root / "y.py").st_mode)
    assert (root / "loop_a.py").is_symlink() and (root / "dangling.py").is_symlink()


def test_a_fifo_never_stalls_the_run_in_the_tree_or_named_as_path(tmp_path):
    # Its own process: opening a FIFO for reading blocks, and must never happen.
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "good.py").write_bytes(UNSAFE)
    os.mkfifo(tmp_path / "tree" / "z.py")
    os.mkfifo(tmp_path / "y.py")

    result = cwemod_script("fix", "--write", "tree", "y.py", cwd=tmp_path, timeout=30)

    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "cwemod: tree/z.py: not a regular file (a FIFO); left alone",
        "cwemod: y.py: not a regular file (a FIFO); left alone",
    ]
    assert (tmp_path / "tree" / "good.py").read_bytes() == SAFE


def test_a_fifo_put_in_place_of_a_file_after_the_walk_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "late.py"
    os.mkfifo(fifo)
    # Were the FIFO opened for reading, it would block until this writer comes and goes.
    unblock = threading.Timer(10, lambda: os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)))
    unblock.start()
    try:
        started = time.monotonic()
        result = process_file(FileJob(fifo, "late.py", (("yaml-safe-load", {}),)))
        elapsed = time.monotonic() - started
    finally:
        unblock.cancel()
    assert result.error == "not a regular file (a FIFO); left alone"
    assert elapsed < 8


def test_an_unreadable_file_is_reported_and_the_others_are_written(tmp_path, monkeypatch):
    # As root every file is readable: reading is made to fail for one name, in process (-j1).
    (tmp_path / "good.py").write_bytes(UNSAFE)
    (tmp_path / "secret.py").write_bytes(UNSAFE)
    real_read = work_module.read_regular

    def read(path: Path) -> bytes:
        if path.name == "secret.py":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(work_module, "read_regular", read)

    result = cli("fix", "-j1", "--write", ".", cwd=tmp_path)

    assert result.returncode == 2, result.stderr
    assert "cwemod: secret.py: cannot read: Permission denied" in result.stderr.splitlines()
    assert (tmp_path / "secret.py").read_bytes() == UNSAFE
    assert (tmp_path / "good.py").read_bytes() == SAFE


def test_a_directory_named_like_a_python_file_is_walked_when_named_as_path(tmp_path):
    (tmp_path / "x.py").mkdir()
    (tmp_path / "x.py" / "inner.py").write_bytes(UNSAFE)

    result = cli("fix", "-j1", "--write", "x.py", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.py" / "inner.py").read_bytes() == SAFE


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("loop_a.py", "cannot read: Too many levels of symbolic links"),
        ("dangling.py", "no such file or directory"),
    ],
)
def test_a_broken_link_named_as_path_is_one_line(tmp_path, name, why):
    make_tree(tmp_path)

    result = cli("fix", "-j1", name, "good.py", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"cwemod: error: {name}: {why}"]


def test_a_report_naming_odd_files_gets_a_verdict_for_each_and_never_opens_a_fifo(tmp_path):
    root = make_tree(tmp_path)
    review = tmp_path / "review.md"
    review.write_text(
        "".join(
            f"### File: {name}\n\n{number}. **CWE-502 (Deserialization)**:\n"
            f"   - **Issue**: `yaml.load` (line 2) loads untrusted YAML.\n\n"
            for number, name in enumerate(["y.py", "loop_a.py", "nul.py", "good.py"], 1)
        )
    )
    # Were the FIFO opened for reading, this writer would end the wait after 10 s.
    unblock = threading.Timer(
        5, lambda: os.close(os.open(root / "y.py", os.O_WRONLY | os.O_NONBLOCK))
    )
    unblock.start()
    try:
        started = time.monotonic()
        result = cli("findings", "-r", str(review), ".", cwd=root)
        elapsed = time.monotonic() - started
    finally:
        unblock.cancel()

    assert result.returncode == 0, result.stderr
    verdicts = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(row[0], row[3], row[5]) for row in verdicts[:3]] == [
        ("#1", "rejected", "not a regular file (a FIFO); left alone"),
        ("#2", "rejected", "symbolic link loop; left alone"),
        (
            "#3",
            "unlocated",
            f"{root / 'nul.py'}: a NUL byte on line 3: Python cannot run this file; file left as it was",
        ),
    ]
    assert verdicts[3][3] == "fix"
    assert elapsed < 8


def test_exclude_silences_odd_names_in_the_tree(tmp_path):
    (tmp_path / "good.py").write_bytes(UNSAFE)
    os.mkfifo(tmp_path / "y.py")
    (tmp_path / "dangling.py").symlink_to("nowhere.py")

    result = cli(
        "fix", "-j1", "--check", "--exclude", "y.py", "--exclude", "dangling.py", ".", cwd=tmp_path
    )

    assert result.returncode == 1, result.stderr  # changes pending in good.py, nothing failed
    assert "failed" not in result.stderr and "left alone" not in result.stderr
