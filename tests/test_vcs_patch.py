"""``cwemod patch``: a format-patch series that ``git am`` applies, built without touching the checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import cli as cwemod
from vcs_support import (
    SHELL_AND_YAML,
    UNSAFE_YAML,
    git,
    make_project,
    snapshot,
)

LATIN1 = b"# -*- coding: latin-1 -*-\nimport yaml\n\nGREETING = 'caf\xe9'\n\n\ndef load(p):\n    return yaml.load(p)\n"
BOM = b"\xef\xbb\xbfimport yaml\n\n\ndef load(p):\n    return yaml.load(p)\n"
CRLF = UNSAFE_YAML.replace(b"\n", b"\r\n")

AWKWARD_FILES = {
    "pkg/both.py": SHELL_AND_YAML,
    "pkg/crlf.py": CRLF,
    "pkg/latin1.py": LATIN1,
    "pkg/bom.py": BOM,
    "pkg/untouched.py": b"x = 1\n",
}


def fixed_by_fix_write(tmp_path: Path, work: Path, *options: str) -> Path:
    """What ``cwemod fix --write`` makes of the same checkout, in a separate clone."""
    copy = tmp_path / "fixed"
    git("clone", "-q", str(work), str(copy), cwd=tmp_path)
    result = cwemod("fix", "-j1", "--write", *options, str(copy), cwd=copy)
    assert result.returncode == 0, result.stderr
    return copy


def apply_series(tmp_path: Path, remote: Path, patches: list[str], *am_options: str) -> Path:
    clone = tmp_path / "applied"
    git("clone", "-q", str(remote), str(clone), cwd=tmp_path)
    git("am", *am_options, *patches, cwd=clone)
    return clone


def test_series_applies_with_git_am_to_exactly_what_fix_writes(tmp_path):
    work, remote = make_project(tmp_path, AWKWARD_FILES)
    before = snapshot(work)
    output = tmp_path / "series"

    result = cwemod("patch", "-j1", "--unsafe", "-o", str(output), str(work), cwd=work)

    assert result.returncode == 0, result.stderr
    patches = result.stdout.split()
    assert [Path(p).name[:5] for p in patches] == ["0001-", "0002-"]
    assert "git am --keep-cr" in result.stderr  # CRLF lines need it
    assert snapshot(work) == before

    applied = apply_series(tmp_path, remote, patches, "--keep-cr")
    expected = fixed_by_fix_write(tmp_path, work, "--unsafe")
    for name in AWKWARD_FILES:
        assert (applied / name).read_bytes() == (expected / name).read_bytes(), name
    assert (applied / "pkg/crlf.py").read_bytes() != CRLF

    subjects = git("log", "--format=%s", "origin/master..HEAD", cwd=applied).splitlines()
    assert subjects == [
        "Parse YAML with the safe loader",
        "Run commands as argument lists, not shell strings",
    ]
    for body in git("log", "--format=%B%x00", "origin/master..HEAD", cwd=applied).split("\0")[:-1]:
        lines = body.strip("\n").splitlines()
        assert len(lines[0]) <= 50 and lines[1] == ""
        assert all(len(line) <= 72 for line in lines if " " in line.strip()), body
        assert lines[-1].startswith("Change-Id: I")


def test_first_commit_holds_only_its_own_codemods_change(tmp_path):
    work, remote = make_project(tmp_path, {"pkg/both.py": SHELL_AND_YAML})
    output = tmp_path / "series"
    result = cwemod("patch", "-j1", "--unsafe", "-o", str(output), str(work), cwd=work)
    assert result.returncode == 0, result.stderr

    applied = apply_series(tmp_path, remote, result.stdout.split())
    after_first = git("show", "HEAD~1:pkg/both.py", cwd=applied)
    assert "shell=True" not in after_first and "yaml.load(" in after_first
    assert "yaml.safe_load(" in (applied / "pkg/both.py").read_text()


def test_split_file_and_modes_are_kept(tmp_path):
    work, remote = make_project(tmp_path, {"bin/tool.py": UNSAFE_YAML, "lib/conf.py": UNSAFE_YAML})
    (work / "bin/tool.py").chmod(0o755)
    git("commit", "-qam", "executable", cwd=work)
    git("push", "-q", "origin", "master", cwd=work)
    output = tmp_path / "series"

    result = cwemod("patch", "-j1", "--split", "file", "-o", str(output), str(work), cwd=work)

    assert result.returncode == 0, result.stderr
    assert "--keep-cr" not in result.stderr
    applied = apply_series(tmp_path, remote, result.stdout.split())
    assert git("log", "--format=%s", "origin/master..HEAD", cwd=applied).splitlines() == [
        "Parse YAML with the safe loader in conf.py",
        "Parse YAML with the safe loader in tool.py",
    ]
    assert git("ls-files", "-s", "bin/tool.py", cwd=applied).startswith("100755 ")


def test_uncommitted_changes_in_a_file_to_fix_are_refused(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    (work / "pkg/a.py").write_bytes(UNSAFE_YAML + b"# local edit\n")
    before = snapshot(work)
    output = tmp_path / "series"

    result = cwemod("patch", "-j1", "-o", str(output), str(work), cwd=work)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "cwemod: error: uncommitted changes in files the series would change: pkg/a.py; commit or stash them first"
    ]
    assert not output.exists()
    assert snapshot(work) == before


def test_an_output_directory_with_old_patches_is_refused(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": UNSAFE_YAML})
    output = tmp_path / "series"
    output.mkdir()
    (output / "0001-old.patch").write_text("old")

    result = cwemod("patch", "-j1", "-o", str(output), str(work), cwd=work)

    assert result.returncode == 2
    assert "already holds .patch files" in result.stderr
    assert [p.name for p in output.iterdir()] == ["0001-old.patch"]


def test_nothing_to_change_writes_nothing(tmp_path):
    work, _ = make_project(tmp_path, {"pkg/a.py": b"x = 1\n"})
    output = tmp_path / "series"
    result = cwemod("patch", "-j1", "-o", str(output), str(work), cwd=work)
    assert result.returncode == 0
    assert "nothing to change" in result.stderr
    assert not output.exists()


def test_outside_a_git_repository_is_a_one_line_error(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.py").write_bytes(UNSAFE_YAML)
    result = cwemod("patch", "-j1", "-o", str(tmp_path / "out"), str(plain), cwd=plain)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"cwemod: error: {plain}: not inside a git repository"
    ]


def test_split_by_finding_of_a_bandit_report_quotes_each_finding(tmp_path):
    two_loads = (
        b"import yaml\n\n\ndef first(path):\n    return yaml.load(open(path))\n\n\n"
        b"def second(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
    )
    work, remote = make_project(tmp_path, {"pkg/two.py": two_loads})
    report = tmp_path / "bandit.json"
    scan = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-f", "json", "-o", str(report), "-r", "pkg"],
        cwd=work,
        check=False,
    )
    assert report.exists(), scan
    output = tmp_path / "series"

    result = cwemod(
        "patch", "-j1", "--split", "finding", "-r", str(report), "-o", str(output), "pkg", cwd=work
    )

    assert result.returncode == 0, result.stderr
    applied = apply_series(tmp_path, remote, result.stdout.split())
    assert git(
        "log", "--reverse", "--format=%s", "origin/master..HEAD", cwd=applied
    ).splitlines() == [
        "Parse YAML with the safe loader in first",
        "Parse YAML with the safe loader in second",
    ]
    first = git("log", "-1", "--format=%B", "HEAD~1", cwd=applied)
    assert "Finding bandit.json#1 from bandit rule B506" in " ".join(first.split())
    assert "> Use of unsafe yaml load." in first
    assert "Cwemod-Group: finding bandit.json#1\n" in first
    assert git("show", "HEAD~1:pkg/two.py", cwd=applied).count("safe_load") == 1
    assert (applied / "pkg/two.py").read_text().count("safe_load") == 2
