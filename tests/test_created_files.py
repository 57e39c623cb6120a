"""Files a run creates: a fix that needs a new module (salted-lock-name's helper home).

The diff shows it against /dev/null and ``git apply`` takes it; ``--write``
creates it exclusively, before the files that import it; ``--check`` counts
it; ``patch`` commits it.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from conftest import cli as cwemod
from cwemod.codemods import Applicability, Fix
from cwemod.codemods.records import CreatedModule
from cwemod.engine import FileResult, FixRequest, plan, write_accepted, write_results
from cwemod.engine.hunks import hunks, split_lines
from cwemod.engine.results import add_created_files, settle_created_files
from cwemod.engine.write import FileExistsWriteError, create_exclusively
from cwemod.render.diff import diff_bytes
from vcs_support import git, make_project

CODEMOD = "salted-lock-name"
IPSET = b"""\
from oslo_concurrency import lockutils


def set_members(namespace):
    with lockutils.lock('ipset-%s' % namespace, external=True):
        return namespace
"""
PROJECT = {
    "tox.ini": b"[flake8]\nmax-line-length = 79\n",
    "net/__init__.py": b"",
    "net/common/__init__.py": b"",
    "net/agent/__init__.py": b"",
    "net/agent/ipset.py": IPSET,
}
NEW_MODULE = "net/common/locks.py"


def planned(work: Path) -> list[FileResult]:
    return plan(FixRequest([work], [(CODEMOD, {})], jobs=1))


def the_created(results: list[FileResult]) -> FileResult:
    [created] = [result for result in results if result.created]
    return created


def leftovers(directory: Path) -> list[str]:
    return [path.name for path in directory.iterdir() if path.name.endswith(".cwemod")]


def test_the_diff_of_a_created_file_is_against_dev_null_and_git_apply_takes_it(tmp_path):
    work, _ = make_project(tmp_path, PROJECT)
    results = planned(work)
    created = the_created(results)

    patch = diff_bytes(results)

    assert created.display == NEW_MODULE
    header = f"diff --git a/{NEW_MODULE} b/{NEW_MODULE}\nnew file mode 100644\n"
    header += f"--- /dev/null\n+++ b/{NEW_MODULE}\n@@ -0,0 +1,"
    assert header.encode() in patch
    git("apply", "--index", "-", cwd=work, input=patch)
    assert (work / NEW_MODULE).read_bytes() == created.new
    assert f"A  {NEW_MODULE}" in git("status", "--porcelain", cwd=work)
    assert b"from net.common import locks" in (work / "net/agent/ipset.py").read_bytes()


def test_write_creates_the_module_before_its_users_and_a_second_run_changes_nothing(tmp_path):
    work, _ = make_project(tmp_path, PROJECT)
    results = planned(work)

    assert write_results(results) == []

    module = work / NEW_MODULE
    assert module.read_bytes() == the_created(results).new
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(module.stat().st_mode) == 0o666 & ~umask
    assert leftovers(module.parent) == []
    assert not any(result.changed for result in planned(work))


def test_write_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    work, _ = make_project(tmp_path, PROJECT)
    results = planned(work)
    (work / NEW_MODULE).write_bytes(b"# someone else's module\n")

    failures = write_results(results)

    assert {result.display for result, _ in failures} == {NEW_MODULE, "net/agent/ipset.py"}
    assert "appeared meanwhile" in the_created(results).error
    assert (work / NEW_MODULE).read_bytes() == b"# someone else's module\n"
    assert (work / "net/agent/ipset.py").read_bytes() == IPSET  # its import would be wrong
    assert leftovers(work / "net/common") == []


def test_create_exclusively_refuses_a_dangling_link_too(tmp_path):
    target = tmp_path / "new.py"
    target.symlink_to(tmp_path / "elsewhere.py")

    with pytest.raises(FileExistsWriteError):
        create_exclusively(target, b"x = 1\n")

    assert not (tmp_path / "elsewhere.py").exists()
    assert leftovers(tmp_path) == []


def test_check_counts_a_created_file_and_json_marks_it(tmp_path):
    work, _ = make_project(tmp_path, PROJECT)

    check = cwemod("fix", "-j1", "--check", "-c", CODEMOD, str(work), cwd=work)
    shown = cwemod("fix", "-j1", "--format", "json", "-c", CODEMOD, str(work), cwd=work)

    assert check.returncode == 1
    assert "2 of " in check.stderr
    files = {record["path"]: record for record in json.loads(shown.stdout)["files"]}
    assert files[NEW_MODULE]["created"] is True and files[NEW_MODULE]["status"] == "changed"
    assert files[NEW_MODULE]["diff"].startswith("diff --git")
    assert files["net/agent/ipset.py"]["created"] is False


def test_the_patch_commit_contains_the_created_module(tmp_path):
    work, remote = make_project(tmp_path, PROJECT)
    output = tmp_path / "series"

    result = cwemod("patch", "-j1", "-c", CODEMOD, "-o", str(output), str(work), cwd=work)

    assert result.returncode == 0, result.stderr
    assert not (work / NEW_MODULE).exists()  # the checkout is left alone
    clone = tmp_path / "applied"
    git("clone", "-q", str(remote), str(clone), cwd=tmp_path)
    git("am", *result.stdout.split(), cwd=clone)
    changed = git("show", "--name-status", "--format=", "HEAD", cwd=clone).split("\n")
    assert f"A\t{NEW_MODULE}" in changed
    assert "M\tnet/agent/ipset.py" in changed
    planned_bytes = the_created(planned(work)).new
    assert (clone / NEW_MODULE).read_bytes() == planned_bytes


def user_needing(tmp_path: Path, name: str, text: str) -> FileResult:
    module = CreatedModule(CODEMOD, "new.py", text, Applicability.SAFE, "the helper")
    fix = Fix(CODEMOD, 1, Applicability.SAFE, "keyed")
    result = FileResult(tmp_path / name, name, old=b"x = 1\n", new=b"x = 2\n", fixes=[fix])
    result.needs = [(tmp_path / "new.py", module)]
    return result


def test_requests_that_disagree_fail_every_file_that_needs_the_module(tmp_path):
    first = user_needing(tmp_path, "a.py", "A = 1\n")
    second = user_needing(tmp_path, "b.py", "B = 1\n")

    results = add_created_files([first, second], lambda path: True, lambda path: path.name)

    assert results == [first, second]
    assert "new module new.py, which the fixes ask for with different contents" in first.error
    assert second.error == first.error


def test_a_module_outside_the_run_or_that_does_not_compile_is_not_created(tmp_path):
    outside = user_needing(tmp_path, "a.py", "A = 1\n")
    broken = user_needing(tmp_path, "b.py", "def (\n")

    add_created_files([outside], lambda path: False, lambda path: path.name)
    add_created_files([broken], lambda path: True, lambda path: path.name)

    assert "would be outside the given paths" in outside.error
    assert "does not compile" in broken.error


def test_one_created_file_for_many_users_just_before_the_first(tmp_path):
    first = user_needing(tmp_path, "a.py", "A = 1\n")
    second = user_needing(tmp_path, "b.py", "A = 1\n")

    results = add_created_files([first, second], lambda path: True, lambda path: path.name)

    assert [result.display for result in results] == ["new.py", "a.py", "b.py"]
    assert results[0].created and results[0].new == b"A = 1\n"
    assert first.error is None and second.error is None


def test_after_lint_a_module_goes_with_its_last_user_and_a_user_without_it_fails(tmp_path):
    dropped_user = user_needing(tmp_path, "a.py", "A = 1\n")
    [created, _] = add_created_files([dropped_user], lambda p: True, lambda p: p.name)
    dropped_user.new = None  # --lint dropped every hunk of the only file that needed it

    settle_created_files([created, dropped_user])

    assert not created.changed
    kept_user = user_needing(tmp_path, "b.py", "A = 1\n")
    [created, _] = add_created_files([kept_user], lambda p: True, lambda p: p.name)
    created.new = None  # --lint dropped the module itself

    settle_created_files([created, kept_user])

    assert "the new module it needs, new.py, was dropped" in kept_user.error


def test_accepting_the_hunk_of_a_new_file_in_interactive_mode_creates_it(tmp_path):
    result = FileResult(tmp_path / "new.py", "new.py", new=b"A = 1\n", created=True)

    write_accepted(result, hunks([], split_lines(result.new_text)))

    assert (tmp_path / "new.py").read_bytes() == b"A = 1\n"
    with pytest.raises(FileExistsWriteError):  # never over a file that is there now
        write_accepted(result, hunks([], split_lines(result.new_text)))
