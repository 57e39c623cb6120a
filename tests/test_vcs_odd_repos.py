"""``cwemod patch`` and ``cwemod gerrit --dry-run`` on odd repositories.

A dirty tree, a detached HEAD, a repository with no commit, a directory that
is no repository: the work tree, the index, HEAD and the branches stay as they
were, and where the case needs one the error is one line, exit code 2.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import cli
from vcs_support import UNSAFE_YAML, git, make_project, snapshot, without_cache

SAFE = b"yaml.safe_load("


@pytest.fixture(autouse=True)
def no_repository_above(tmp_path, monkeypatch):
    # git must not find a repository above tmp_path, whatever machine this runs on.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


@pytest.fixture
def work(tmp_path) -> Path:
    work, _ = make_project(
        tmp_path, {"pkg/a.py": UNSAFE_YAML, "pkg/b.py": UNSAFE_YAML, "pkg/other.py": b"x = 1\n"}
    )
    return work


def patch(work: Path, tmp_path: Path, *args: str):
    return cli("patch", "-j1", "-o", str(tmp_path / "series"), *args, str(work), cwd=work)


def gerrit(work: Path, *args: str):
    return cli("gerrit", "-j1", "--dry-run", *args, str(work), cwd=work)


def one_error(result) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def raw_state(repo: Path) -> dict[str, str]:
    """What a user would notice, also in a repository where HEAD names no commit."""

    def run(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
        return f"{done.returncode}:{done.stdout.decode()}"

    return {
        "head": run("symbolic-ref", "-q", "HEAD") + run("rev-parse", "-q", "--verify", "HEAD"),
        "refs": run("for-each-ref"),
        "index": run("ls-files", "-s"),
        "status": "{}:{}".format(
            *_cache_left_out(run("status", "--porcelain=v1", "--untracked-files=all", "--ignored"))
        ),
    }


def _cache_left_out(status: str) -> tuple[str, str]:
    code, _, lines = status.partition(":")
    return code, without_cache(lines)


def make_dirty(work: Path) -> None:
    """Changes everywhere but in the files the series changes."""
    (work / "pkg/other.py").write_bytes(b"x = 2\n")  # modified, not staged
    (work / "pkg/staged.py").write_bytes(b"y = 1\n")
    git("add", "pkg/staged.py", cwd=work)  # staged
    (work / "pkg/untracked.py").write_bytes(b"z = 1\n")  # untracked, nothing to fix


def test_patch_in_a_dirty_tree_leaves_tree_index_and_branch_alone(work, tmp_path):
    make_dirty(work)
    before = snapshot(work)

    result = patch(work, tmp_path)

    assert result.returncode == 0, result.stderr
    assert len(result.stdout.split()) == 1
    assert snapshot(work) == before
    assert (work / "pkg/other.py").read_bytes() == b"x = 2\n"


def test_gerrit_dry_run_in_a_dirty_tree_leaves_tree_index_and_branch_alone(work):
    make_dirty(work)
    before = snapshot(work)

    result = gerrit(work)

    assert result.returncode == 0, result.stderr
    assert "git push origin cwemod/master:refs/for/master" in result.stdout + result.stderr
    assert snapshot(work) == before


@pytest.mark.parametrize("command", ["patch", "gerrit"])
def test_a_staged_change_in_a_file_to_fix_is_refused(work, tmp_path, command):
    (work / "pkg/a.py").write_bytes(UNSAFE_YAML + b"# staged\n")
    git("add", "pkg/a.py", cwd=work)
    (work / "pkg/a.py").write_bytes(UNSAFE_YAML)  # the work tree is as HEAD, the index is not
    before = snapshot(work)

    result = patch(work, tmp_path) if command == "patch" else gerrit(work)

    assert one_error(result) == (
        "cwemod: error: uncommitted changes in files the series would change: pkg/a.py;"
        " commit or stash them first"
    )
    assert snapshot(work) == before


def test_patch_on_a_detached_head_builds_on_it_and_stays_detached(work, tmp_path):
    git("checkout", "-q", "--detach", "HEAD", cwd=work)
    head = git("rev-parse", "HEAD", cwd=work)
    before = raw_state(work)

    result = patch(work, tmp_path)

    assert result.returncode == 0, result.stderr
    series = result.stdout.split()
    assert len(series) == 1
    assert f"From {head.strip()}" not in Path(series[0]).read_text()  # a new commit on top
    assert raw_state(work) == before
    assert raw_state(work)["head"] == f"1:0:{head}"  # still detached, at the same commit


def test_gerrit_on_a_detached_head_asks_for_the_branch_then_works(work):
    git("checkout", "-q", "--detach", "HEAD", cwd=work)
    before = raw_state(work)

    refused = gerrit(work)

    assert one_error(refused) == (
        "cwemod: error: cannot tell which branch the change is for:"
        " the current branch tracks none; pass --branch"
    )
    result = gerrit(work, "--branch", "master")
    assert result.returncode == 0, result.stderr
    assert "cwemod/master:refs/for/master" in result.stdout + result.stderr
    assert raw_state(work) == before


@pytest.mark.parametrize("command", ["patch", "gerrit"])
def test_a_repository_with_no_commit_is_one_line(tmp_path, command):
    work = tmp_path / "fresh"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "a.py").write_bytes(UNSAFE_YAML)
    git("add", "a.py", cwd=work)
    (work / "b.py").write_bytes(UNSAFE_YAML)  # untracked
    git("remote", "add", "origin", str(tmp_path / "nowhere.git"), cwd=work)
    before = raw_state(work)
    objects = git("count-objects", cwd=work)

    result = patch(work, tmp_path) if command == "patch" else gerrit(work, "--branch", "master")

    assert one_error(result) == (
        "cwemod: error: the repository has no commit yet; commit something first"
    )
    assert raw_state(work) == before
    assert git("count-objects", cwd=work) == objects  # not even a blob was written
    assert not (tmp_path / "series").exists()


@pytest.mark.parametrize("command", ["patch", "gerrit"])
def test_a_directory_that_is_no_repository_is_one_line(tmp_path, command):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.py").write_bytes(UNSAFE_YAML)

    result = patch(plain, tmp_path) if command == "patch" else gerrit(plain)

    assert one_error(result) == f"cwemod: error: {plain}: not inside a git repository"
    assert (plain / "a.py").read_bytes() == UNSAFE_YAML
    assert sorted(path.name for path in plain.iterdir()) == ["a.py"]
    assert not (tmp_path / "series").exists()
