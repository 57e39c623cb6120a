"""``cwemod patch --lint`` and ``cwemod gerrit --lint``: a dropped hunk is in no commit.

The series is built from the linted results: each commit of it holds only
hunks that ``cwemod fix --lint`` keeps, its final tree is what ``fix --lint
--write`` writes, and each commit message lists its fixes that were left out,
and why. The real flake8 (the ``test`` extra) and the real git run here.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from conftest import cli as cwemod
from cwemod.vcs.groups import _kept_changes
from vcs_support import git, make_project

# The gate's line limit is on flake8's command line, where the codemods (which keep to the
# configured one, 79 here) do not see it: a fix may run past it, and --lint drops it.
LINT = ("--lint-cmd", shlex.join((sys.executable, "-m", "flake8", "--max-line-length", "50")))
# yaml-safe-load's commit comes first: the re-run that makes its text brings the dropped hunk back.
CODEMODS = ("-c", "yaml-safe-load", "-c", "command-argv")
TOX_INI = b"[flake8]\n"
FILLER = b"".join(f"N{number} = {number}\n".encode() for number in range(8))  # hunks apart
# yaml.safe_load makes LONG_LOAD 53 columns, past the limit of 50; SHORT_LOAD stays short.
SHORT_LOAD = b'short = yaml.load(open("s"))\n'
LONG_LOAD = b'settings = yaml.load(open("settings_file.yaml"))\n'
BOTH = (
    b"import subprocess\n\nimport yaml\n\n"
    + SHORT_LOAD
    + FILLER
    + LONG_LOAD
    + FILLER
    + b"\n\ndef run(host):\n    subprocess.call('ls \"%s\"' % host, shell=True)\n"
)
ONLY_LONG = b"import yaml\n\n" + LONG_LOAD
FILES = {"tox.ini": TOX_INI, "pkg/both.py": BOTH, "pkg/only_long.py": ONLY_LONG}


def series_commits(clone: Path) -> list[str]:
    return git("rev-list", "--reverse", "origin/master..HEAD", cwd=clone).split()


def apply_series(tmp_path: Path, remote: Path, patches: list[str]) -> Path:
    clone = tmp_path / "applied"
    git("clone", "-q", str(remote), str(clone), cwd=tmp_path)
    git("am", *patches, cwd=clone)
    return clone


def test_a_hunk_that_adds_a_violation_is_in_no_commit_of_the_series(tmp_path):
    work, remote = make_project(tmp_path, FILES)
    output = tmp_path / "series"

    run = cwemod("patch", "-j1", "--unsafe", *CODEMODS, *LINT, "-o", str(output), "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    applied = apply_series(tmp_path, remote, run.stdout.split())
    commits = series_commits(applied)
    assert len(commits) == 2  # yaml-safe-load, then command-argv, both in pkg/both.py
    for commit in commits:
        assert "settings = yaml.load(" in git("show", f"{commit}:pkg/both.py", cwd=applied)
        assert git("show", f"{commit}:pkg/only_long.py", cwd=applied).encode() == ONLY_LONG
    first = git("show", f"{commits[0]}:pkg/both.py", cwd=applied)
    assert "short = yaml.safe_load(" in first and "shell=True" in first
    assert "shell=True" not in (applied / "pkg/both.py").read_text()

    written = tmp_path / "written"
    git("clone", "-q", str(work), str(written), cwd=tmp_path)
    fixed = cwemod("fix", "-j1", "--unsafe", *CODEMODS, *LINT, "--write", "pkg", cwd=written)
    assert fixed.returncode == 0, fixed.stderr
    for name in ("pkg/both.py", "pkg/only_long.py"):
        assert (applied / name).read_bytes() == (written / name).read_bytes(), name

    stderr = " ".join(run.stderr.split())
    assert "pkg/only_long.py:3: yaml-safe-load: dropped by --lint: adds E501" in stderr
    assert "pkg/both.py:14: yaml-safe-load: dropped by --lint: adds E501" in stderr


def test_each_commit_message_says_what_was_left_out_and_why(tmp_path):
    work, remote = make_project(tmp_path, FILES)
    output = tmp_path / "series"

    run = cwemod("patch", "-j1", "--unsafe", *CODEMODS, *LINT, "-o", str(output), "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    applied = apply_series(tmp_path, remote, run.stdout.split())
    yaml_commit, argv_commit = series_commits(applied)
    message = " ".join(git("log", "-1", "--format=%B", yaml_commit, cwd=applied).split())
    assert "Left out of this change: 2 sites:" in message
    assert "- pkg/both.py:14: dropped by --lint: adds E501 line too long (53 > 50" in message
    assert "- pkg/only_long.py:3: dropped by --lint: adds E501" in message
    assert "Left out" not in git("log", "-1", "--format=%B", argv_commit, cwd=applied)


def test_without_lint_the_same_series_holds_the_long_line(tmp_path):
    work, remote = make_project(tmp_path, FILES)
    output = tmp_path / "series"

    run = cwemod("patch", "-j1", "--unsafe", *CODEMODS, "-o", str(output), "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    applied = apply_series(tmp_path, remote, run.stdout.split())
    first = git("show", f"{series_commits(applied)[0]}:pkg/both.py", cwd=applied)
    assert "settings = yaml.safe_load(" in first and "shell=True" in first
    assert "Left out" not in git("log", "--format=%B", "origin/master..HEAD", cwd=applied)


def test_split_by_file_leaves_out_a_file_whose_every_fix_was_dropped(tmp_path):
    work, remote = make_project(tmp_path, FILES)
    output = tmp_path / "series"

    run = cwemod("patch", "-j1", "--split", "file", *LINT, "-o", str(output), "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    applied = apply_series(tmp_path, remote, run.stdout.split())
    [commit] = series_commits(applied)
    assert git("show", "--format=", "--name-only", commit, cwd=applied).split() == ["pkg/both.py"]
    message = " ".join(git("log", "-1", "--format=%B", commit, cwd=applied).split())
    assert "Left out of this change: 1 site: - pkg/both.py:14: dropped by --lint" in message
    assert "pkg/only_long.py:3: yaml-safe-load: dropped by --lint" in " ".join(run.stderr.split())


def test_gerrit_dry_run_with_lint_shows_what_each_change_leaves_out(tmp_path):
    work, _ = make_project(tmp_path, FILES)

    run = cwemod("gerrit", "-j1", "--unsafe", *CODEMODS, *LINT, "--dry-run", "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    yaml_message, argv_message = run.stdout.split("# commit ")[1:3]
    assert "Left out" not in argv_message
    assert "Left out of this change: 2 sites:" in yaml_message
    assert "dropped by --lint: adds E501" in " ".join(yaml_message.split())


def test_no_flake8_for_patch_is_one_line_and_exit_2(tmp_path, monkeypatch):
    work, _ = make_project(tmp_path, FILES)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("cwemod.engine.tools.find_spec", lambda name: None)

    run = cwemod("patch", "--lint", "-o", str(tmp_path / "series"), "pkg", cwd=work)

    assert run.returncode == 2
    [line] = run.stderr.splitlines()
    assert line.startswith("cwemod: error: --lint needs flake8")
    assert not (tmp_path / "series").exists()


def test_an_intermediate_commit_is_made_with_the_projects_line_length(tmp_path):
    # At 50 columns the argument list must wrap; the re-run that makes the first
    # commit must wrap it too, or the second commit would rewrap the first one's line.
    call = b"    subprocess.call('ping -c1 \"%s\"' % hostname, shell=True)\n"
    source = b"import subprocess\n\nimport yaml\n\n" + SHORT_LOAD + FILLER
    source += b"\n\ndef run(hostname):\n" + call
    tox_ini = b"[flake8]\nmax-line-length = 50\n"
    work, remote = make_project(tmp_path, {"tox.ini": tox_ini, "pkg/a.py": source})
    output = tmp_path / "series"

    run = cwemod("patch", "-j1", "--unsafe", "-o", str(output), "pkg", cwd=work)

    assert run.returncode == 0, run.stderr
    applied = apply_series(tmp_path, remote, run.stdout.split())
    argv_commit, yaml_commit = series_commits(applied)
    assert "str(hostname)" not in git("show", f"{argv_commit}~1:pkg/a.py", cwd=applied)
    assert "\n                     str(hostname)])\n" in git(
        "show", f"{argv_commit}:pkg/a.py", cwd=applied
    )
    diff = git("show", "--format=", yaml_commit, cwd=applied).splitlines()
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ['-short = yaml.load(open("s"))', '+short = yaml.safe_load(open("s"))']


# How an intermediate text keeps only the changes the final text makes.

OLD = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\n"


def test_a_stage_keeps_the_changes_the_final_text_makes_and_leaves_the_dropped_ones_out():
    # The stage makes two changes, a and c; the final text dropped c and changed f later.
    stage = OLD.replace("a = 1", "a = 10").replace("c = 3", "c = 30")
    final = OLD.replace("a = 1", "a = 10").replace("f = 6", "f = 60")
    assert _kept_changes(OLD, stage, final) == OLD.replace("a = 1", "a = 10")


def test_a_stage_change_next_to_or_unlike_a_final_change_cannot_be_split():
    stage = OLD.replace("a = 1", "a = 10")
    assert _kept_changes(OLD, stage, OLD.replace("a = 1", "a = 11")) is None
    assert _kept_changes(OLD, stage, OLD.replace("b = 2", "b = 20")) is None
