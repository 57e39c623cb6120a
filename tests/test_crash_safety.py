"""Crash safety of ``cwemod fix --write`` under SIGKILL, concurrency and permissions (issue 15).

Every test runs the real command in child processes: the installed console script,
or (for a run as an unprivileged user) the same package from an interpreter that
user can execute.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import pytest

from conftest import CWEMOD_SCRIPT
from conftest import cli as run_cwemod

UNSAFE = "import yaml\n\n\ndef load(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
FIXED = "import yaml\n\n\ndef load(path):\n    return yaml.safe_load(open(path))\n"

# A run plans every file before it writes the first; on 2 busy cores planning a file takes
# about 0.25 s, so these sizes keep each test within the slow step's time budget.
FILES = 8
# The kill trial: more files make a longer writing phase for a kill to land in.
KILL_FILES = 24
KILLS = 8
SUMMARY = re.compile(r"cwemod: (?P<written>\d+) of (?P<files>\d+) files changed \((\d+) fixes\)")


def make_tree(root: Path, count: int = FILES) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = [root / f"m{number:02}.py" for number in range(count)]
    for path in files:
        path.write_text(UNSAFE)
    return files


def temporaries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.cwemod"))


def start_write(cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(CWEMOD_SCRIPT), "fix", "--write", "-j1", "proj"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def contents(files: list[Path]) -> list[str]:
    return [path.read_text() for path in files]


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_every_file_old_or_new_and_the_next_run_cleans_up(
    tmp_path,
):
    project = tmp_path / "proj"
    files = make_tree(project, KILL_FILES)

    # One run unkilled, watched: when it writes its first file and when it ends.
    started = time.monotonic()
    child = start_write(tmp_path)
    first_write = None
    while child.poll() is None:
        if first_write is None and FIXED in contents(files):
            first_write = time.monotonic() - started
        time.sleep(0.002)
    ended = time.monotonic() - started
    child.communicate(timeout=30)
    assert child.returncode == 0
    assert contents(files) == [FIXED] * KILL_FILES
    first_write = ended if first_write is None else first_write

    # Each kill lands at a random point (seeded) of the writing, which takes a small part of a
    # run (planning comes first): counted from the moment the first file is seen written.
    chance = random.Random(15)
    for _ in range(KILLS):
        make_tree(project, KILL_FILES)  # every file old again; earlier temporary files stay
        child = start_write(tmp_path)
        while FIXED not in contents(files) and child.poll() is None:
            time.sleep(0.002)
        time.sleep(chance.uniform(0, ended - first_write))
        child.send_signal(signal.SIGKILL)
        _, errors = child.communicate(timeout=30)
        assert all(text in (UNSAFE, FIXED) for text in contents(files))
        assert FIXED in contents(files), (child.returncode, errors)

    result = run_cwemod("fix", "--write", "-j1", "proj", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert temporaries(project) == []
    assert contents(files) == [FIXED] * KILL_FILES


@pytest.mark.slow
def test_two_concurrent_writes_lose_nothing_and_name_each_file_the_other_run_got_first(
    tmp_path,
):
    project = tmp_path / "proj"
    files = make_tree(project)

    runs = [start_write(tmp_path), start_write(tmp_path)]
    outputs = [run.communicate(timeout=60) for run in runs]

    assert contents(files) == [FIXED] * FILES
    assert temporaries(project) == []
    written, stale = [], []
    for run, (_, stderr) in zip(runs, outputs):
        *lines, summary = stderr.splitlines()
        stale_here = [
            line.removeprefix("cwemod: ").removesuffix(
                ": changed on disk since it was read; not written"
            )
            for line in lines
        ]
        # Every line but the summary is one file the other run wrote first.
        assert all(
            line == f"cwemod: {name}: changed on disk since it was read; not written"
            for line, name in zip(lines, stale_here)
        ), stderr
        match = SUMMARY.match(summary)
        assert match, stderr
        noun = "file" if len(stale_here) == 1 else "files"
        failed = f"; {len(stale_here)} {noun} failed" if stale_here else ""
        assert summary.endswith(failed), stderr
        assert run.returncode == (2 if stale_here else 0), stderr
        written.append(int(match["written"]))
        stale.append(set(stale_here))
    # Each file was written by exactly one run; the other run, if it had read it, named it.
    assert sum(written) == FILES, outputs
    assert not stale[0] & stale[1]
    assert stale[0] | stale[1] <= {f"proj/{path.name}" for path in files}


# Permissions do not stop root: the child runs as an unprivileged user.
CHILD = "import site, sys; site.addsitedir(sys.argv.pop(1)); from cwemod.cli import main; main()"
SITE = sysconfig.get_paths()["purelib"]


def unprivileged_command() -> tuple[list[str], dict]:
    """The command prefix and ``subprocess.run`` options that run cwemod without privilege."""
    if os.geteuid() != 0:
        return [sys.executable, "-c", CHILD, SITE], {}
    try:
        import pwd

        pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        pytest.skip("running as root and there is no user 'nobody' to drop to")
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = [sys.executable, shutil.which(version), shutil.which(version, path="/usr/bin")]
    for interpreter in filter(None, candidates):
        probe = [interpreter, "-c", CHILD, SITE, "--help"]
        try:
            reached = subprocess.run(probe, user="nobody", capture_output=True, timeout=30)
        except OSError:  # the interpreter lies under a directory nobody cannot enter
            continue
        if reached.returncode == 0:
            return [interpreter, "-c", CHILD, SITE], {"user": "nobody"}
    pytest.skip(f"no {version} with cwemod's packages that user 'nobody' can run")


@pytest.fixture
def workspace(tmp_path):
    """A directory the unprivileged user can enter: ``tmp_path``, or as root a fresh
    temporary directory of mode 711 (pytest keeps its own base directory private, and
    resets it to 700 whenever a session starts, so it cannot be opened for the test)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    directory = Path(tempfile.mkdtemp(prefix="cwemod-crash-"))
    try:
        directory.chmod(0o711)
        yield directory
    finally:
        shutil.rmtree(directory)


def run_unprivileged(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    prefix, options = unprivileged_command()
    return subprocess.run(
        [*prefix, *args], cwd=cwd, capture_output=True, text=True, timeout=60, **options
    )


def test_directory_the_user_cannot_write_is_one_line_per_file_and_exit_2(workspace):
    files = make_tree(workspace / "proj", 3)  # owned by root (or this user)
    (workspace / "proj").chmod(0o555)
    for path in files:
        path.chmod(0o444)

    result = run_unprivileged(workspace, "fix", "--write", "-j1", "proj")
    (workspace / "proj").chmod(0o755)

    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        # The files are read-only too, which is checked first.
        *(f"cwemod: proj/{path.name}: not written: read-only file" for path in files),
        "cwemod: 0 of 3 files changed (0 fixes); 3 files failed",
    ]
    assert contents(files) == [UNSAFE] * 3
    assert temporaries(workspace / "proj") == []


@pytest.mark.parametrize("owned_by_the_user", [True, False], ids=["mode-444", "other-owner"])
def test_read_only_file_in_a_writable_directory_is_not_written(workspace, owned_by_the_user):
    project = workspace / "proj"
    [path] = make_tree(project, 1)
    prefix, options = unprivileged_command()
    if options:  # as root: hand the directory (and perhaps the file) to nobody
        import pwd

        nobody = pwd.getpwnam("nobody")
        os.chown(project, nobody.pw_uid, nobody.pw_gid)
        if owned_by_the_user:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
    elif not owned_by_the_user:
        pytest.skip("only root can give a file to another user")
    path.chmod(0o444 if owned_by_the_user else 0o644)
    before = path.stat()

    result = run_unprivileged(workspace, "fix", "--write", "-j1", "proj")

    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[0].startswith("cwemod: proj/m00.py: not written: ")
    assert path.read_text() == UNSAFE
    assert (path.stat().st_ino, path.stat().st_uid) == (before.st_ino, before.st_uid)


def test_path_inside_a_directory_the_user_cannot_enter_is_one_line(workspace):
    make_tree(workspace / "locked" / "proj", 1)
    (workspace / "locked").chmod(0o700 if os.geteuid() == 0 else 0o000)

    result = run_unprivileged(workspace, "fix", "locked/proj")
    (workspace / "locked").chmod(0o755)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
