"""What ``cwemod fix --write`` promises about the files it writes (issue 17).

Most tests run the command in process. Where a test needs an event at an
exact moment (a signal while a file is being written, an edit between the
read and the rename), a child process runs a small driver that wraps one
function of cwemod and then starts the same command.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import cli as run_cwemod
from cwemod.engine import StaleFileError, write_atomically

UNSAFE = "import yaml\n\n\ndef load(path):\n    return yaml.load(open(path), Loader=yaml.Loader)\n"
FIXED = "import yaml\n\n\ndef load(path):\n    return yaml.safe_load(open(path))\n"

# In each fsync of a temporary file the child says so, then waits until the test lets it go on.
HOLD_IN_FIRST_WRITE = """
import os, time
from pathlib import Path
real_fsync = os.fsync
def fsync_then_wait(descriptor):
    real_fsync(descriptor)
    Path(os.environ["IN_WRITE"]).touch()
    deadline = time.monotonic() + 10
    while not Path(os.environ["GO_ON"]).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
os.fsync = fsync_then_wait
"""

# After planning, before writing: run the snippet in the environment variable BETWEEN.
ACT_AFTER_PLAN = """
import importlib, os
fix_module = importlib.import_module("cwemod.cli.progress")  # where fix calls plan()
real_plan = fix_module.plan
def plan_then_act(*args, **kwargs):
    results = real_plan(*args, **kwargs)
    exec(os.environ["BETWEEN"])
    return results
fix_module.plan = plan_then_act
"""


def start_driven(
    tmp_path: Path, prelude: str, *args: str, cwd: Path, env: dict[str, str]
) -> subprocess.Popen:
    driver = tmp_path / "driver.py"
    # As started from a terminal: a suite run in the background (``cmd &`` in a script)
    # passes SIGINT on as ignored, and cwemod rightly keeps an ignored SIGINT ignored.
    interactive = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
    driver.write_text(interactive + prelude + "\nfrom cwemod.cli import main\nmain()\n")
    return subprocess.Popen(
        [sys.executable, str(driver), *args],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_driven(tmp_path: Path, prelude: str, *args: str, cwd: Path, between: str):
    child = start_driven(tmp_path, prelude, *args, cwd=cwd, env={"BETWEEN": between})
    stdout, stderr = child.communicate(timeout=30)
    return child.returncode, stdout, stderr


def wait_for(path: Path, child: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while not path.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the child never reached the write"
        time.sleep(0.01)


def temporaries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.cwemod"))


def make_tree(root: Path, count: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = [root / f"m{number:02}.py" for number in range(count)]
    for path in files:
        path.write_text(UNSAFE)
    return files


def written_through(temporary: Path, files: list[Path]) -> Path:
    """The file that ``temporary`` (``.m03.py.PID.RANDOM.cwemod``) will replace."""
    [path] = [path for path in files if temporary.name.startswith(f".{path.name}.")]
    return path


def write_held_in_its_first_fsync(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """``cwemod fix --write -j1 proj`` in a child, waiting in its first fsync until ``go_on``."""
    in_write, go_on = tmp_path / "in-write", tmp_path / "go-on"
    child = start_driven(
        tmp_path,
        HOLD_IN_FIRST_WRITE,
        "fix",
        "--write",
        "-j1",
        "proj",
        cwd=tmp_path,
        env={"IN_WRITE": str(in_write), "GO_ON": str(go_on)},
    )
    wait_for(in_write, child)
    return child, go_on


@pytest.mark.parametrize(
    "signum, returncode",
    [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGINT, 130)],
    ids=["SIGTERM", "SIGINT"],
)
def test_signal_during_a_write_finishes_that_file_and_stops(tmp_path, signum, returncode):
    files = make_tree(tmp_path / "proj", 3)
    child, go_on = write_held_in_its_first_fsync(tmp_path)
    [temporary] = temporaries(tmp_path / "proj")
    in_flight = written_through(temporary, files)

    child.send_signal(signum)
    time.sleep(0.05)  # the child gets the signal while it waits in fsync
    go_on.touch()
    child.communicate(timeout=20)

    assert child.returncode == returncode
    assert temporaries(tmp_path / "proj") == []
    assert [path for path in files if path.read_text() == FIXED] == [in_flight]
    assert all(path.read_text() == UNSAFE for path in files if path != in_flight)


def test_next_write_sweeps_the_temporary_file_of_a_killed_writer_not_of_a_live_one(tmp_path):
    project = tmp_path / "proj"
    files = make_tree(project, 2)
    live = project / f".m00.py.{os.getpid()}.abcd1234.cwemod"  # this test process is alive
    live.write_text("a live writer's half-written file")
    child, go_on = write_held_in_its_first_fsync(tmp_path)
    child.kill()
    child.communicate(timeout=20)
    [left] = [path for path in temporaries(project) if path != live]

    result = run_cwemod("fix", "--write", "-j1", "proj", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert temporaries(project) == [live]
    assert all(path.read_text() == FIXED for path in files)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_group_and_mode_are_kept(tmp_path):
    target = tmp_path / "m.py"
    target.write_text(UNSAFE)
    os.chown(target, 1234, 1234)
    target.chmod(0o640)

    result = run_cwemod("fix", "--write", "-j1", "m.py", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    status = target.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o7777) == (1234, 1234, 0o640)
    assert target.read_text() == FIXED


def test_owner_change_not_permitted_to_a_normal_user_does_not_stop_the_write(tmp_path, monkeypatch):
    def not_permitted(*args):
        raise PermissionError(1, "Operation not permitted")

    target = tmp_path / "m.py"
    target.write_text(UNSAFE)
    monkeypatch.setattr(os, "chown", not_permitted, raising=False)
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)

    write_atomically(target, UNSAFE.encode(), FIXED.encode())

    assert target.read_text() == FIXED
    assert os.listdir(tmp_path) == ["m.py"]


def test_edit_made_while_the_new_content_is_flushed_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "m.py"
    target.write_text(UNSAFE)
    real_fsync = os.fsync

    def fsync_while_someone_edits(descriptor):
        real_fsync(descriptor)
        target.write_text(UNSAFE + "# an edit saved meanwhile\n")

    monkeypatch.setattr(os, "fsync", fsync_while_someone_edits)

    with pytest.raises(StaleFileError):
        write_atomically(target, UNSAFE.encode(), FIXED.encode())

    assert target.read_text() == UNSAFE + "# an edit saved meanwhile\n"
    assert os.listdir(tmp_path) == ["m.py"]


EDIT_B = "open('proj/b.py', 'a').write('# edited after the plan\\n')"


@pytest.mark.parametrize("output_format", ["pretty", "diff", "json"])
def test_summary_counts_only_the_files_written(tmp_path, output_format):
    (tmp_path / "proj").mkdir()
    a, b = tmp_path / "proj" / "a.py", tmp_path / "proj" / "b.py"
    a.write_text(UNSAFE)
    b.write_text(UNSAFE)

    returncode, stdout, stderr = run_driven(
        tmp_path,
        ACT_AFTER_PLAN,
        "fix",
        "--write",
        "-j1",
        "--format",
        output_format,
        "proj",
        cwd=tmp_path,
        between=EDIT_B,
    )

    assert returncode == 2
    assert a.read_text() == FIXED and b.read_text() == UNSAFE + "# edited after the plan\n"
    assert stderr.splitlines() == [
        "cwemod: proj/b.py: changed on disk since it was read; not written",
        "cwemod: 1 of 2 files changed (1 fixes); 1 file failed",
    ]
    if output_format == "json":
        document = json.loads(stdout)
        assert document["summary"]["changed"] == 1 and document["summary"]["errors"] == 1
        statuses = {entry["path"]: entry["status"] for entry in document["files"]}
        assert statuses == {"proj/a.py": "changed", "proj/b.py": "error"}
    elif output_format == "pretty":
        assert "proj/a.py" in stdout and "proj/b.py" not in stdout


def test_symlink_put_in_place_of_a_file_before_the_write_is_not_replaced(tmp_path):
    outside = tmp_path / "outside.py"
    outside.write_text(UNSAFE)
    target = tmp_path / "proj" / "m.py"
    target.parent.mkdir()
    target.write_text(UNSAFE)
    swap = "import os; os.remove('proj/m.py'); os.symlink('../outside.py', 'proj/m.py')"

    returncode, _, stderr = run_driven(
        tmp_path, ACT_AFTER_PLAN, "fix", "--write", "-j1", "proj", cwd=tmp_path, between=swap
    )

    assert returncode == 2
    assert "cwemod: proj/m.py: is a symbolic link, which cwemod never replaces; not written" in (
        stderr.splitlines()
    )
    assert target.is_symlink() and os.readlink(target) == "../outside.py"
    assert outside.read_text() == UNSAFE
    assert temporaries(target.parent) == []


def test_hard_link_name_written_gets_a_new_inode_other_names_keep_the_old_content(tmp_path):
    target = tmp_path / "proj" / "m.py"
    target.parent.mkdir()
    target.write_text(UNSAFE)
    other_name = tmp_path / "elsewhere.py"
    os.link(target, other_name)
    old_inode = other_name.stat().st_ino

    result = run_cwemod("fix", "--write", "-j1", "proj", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert target.read_text() == FIXED and target.stat().st_nlink == 1
    assert target.stat().st_ino != old_inode
    assert other_name.read_text() == UNSAFE and other_name.stat().st_nlink == 1


def test_cr_only_file_keeps_every_newline_including_the_last(tmp_path):
    target = tmp_path / "m.py"
    target.write_bytes(UNSAFE.replace("\n", "\r").encode())

    result = run_cwemod("fix", "--write", "-j1", "m.py", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == FIXED.replace("\n", "\r").encode()


def test_mixed_newlines_ending_in_a_lone_cr_are_left_alone_with_a_reason(tmp_path):
    target = tmp_path / "m.py"
    original = UNSAFE.encode()[:-1] + b"\r"
    target.write_bytes(original)

    result = run_cwemod("fix", "--write", "-j1", "m.py", cwd=tmp_path)

    assert result.returncode == 2
    assert target.read_bytes() == original
    assert "a lone CR at the end: the final newline would be lost" in result.stderr
