"""A rerun recalls the digests of files whose status is unchanged; any write makes it read again."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from conftest import copy_of_demo
from cwemod.engine import FixRequest, file_digests, plan
from cwemod.engine.store import CACHE_DIR, Store
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json

CODEMODS = [("salted-lock-name", {}), ("yaml-safe-load", {}), ("silent-except", {})]


@pytest.fixture
def demo(tmp_path):
    return copy_of_demo(tmp_path)


@pytest.fixture
def reads(monkeypatch):
    """The files read for their digests, in this process."""
    read = []
    real = file_digests.read_regular_with_status

    def counting(path):
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(file_digests, "read_regular_with_status", counting)
    return read


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled as soon as a run begins (a test cannot wait two seconds per step)."""
    monkeypatch.setattr(file_digests, "SETTLE_SECONDS", 0)


def run(project: Path, cache: bool = True):
    results = plan(FixRequest([project], CODEMODS, allow_review=True, jobs=1, cache=cache))
    return diff_bytes(results), results_json(results)


def remembered(project: Path) -> dict[str, list]:
    try:
        return memo_entry(project)[1]
    except AssertionError:
        return {}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_rerun_over_settled_files_reads_none_and_says_the_same(demo, reads, settled):
    cold = run(demo)
    assert sorted(reads) == sorted(path.name for path in demo.glob("*.py"))
    reads.clear()
    warm = run(demo)
    # Only the files that change are read, to show their diffs.
    changed = {Path(record["path"]).name for record in json.loads(cold[1])["files"]}
    assert set(reads) <= changed and len(reads) < len(list(demo.glob("*.py")))
    assert warm == cold == run(demo, cache=False)


def test_new_bytes_behind_an_old_modification_time_are_read(demo, reads, settled):
    """``touch -d`` or ``cp -p`` can set the modification time back; the change time moves on."""
    run(demo)
    quiet = demo / "commands.py"  # the run leaves it unchanged: its outcome needs no bytes
    before = quiet.stat()
    code = b"import yaml\n\nyaml.load(open('c'))\n"
    padding = b"#" * (before.st_size - len(code) - 1) + b"\n"
    time.sleep(0.05)  # past the tick of a coarse file clock
    quiet.write_bytes(code + padding)
    os.utime(quiet, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = quiet.stat()
    assert (after.st_size, after.st_ino, after.st_mtime_ns) == (
        before.st_size,
        before.st_ino,
        before.st_mtime_ns,
    )
    reads.clear()
    warm = run(demo)
    assert "commands.py" in reads
    assert warm == run(demo, cache=False)
    assert b"+yaml.safe_load(open('c'))" in warm[0], "the outcome of the old bytes was used"


def test_a_file_written_just_before_the_run_is_not_remembered(demo, reads):
    run(demo)
    assert remembered(demo) == {}, "the demo was copied a moment ago: nothing is settled"
    reads.clear()
    run(demo)
    assert sorted(reads) == sorted(path.name for path in demo.glob("*.py"))


def forget_run_records(project: Path) -> None:
    """Drop the records of whole runs, which answer a rerun before the memo is asked."""
    for entry in (project / CACHE_DIR).glob("v1/*/*.json"):
        if b'"listings"' in entry.read_bytes():
            entry.unlink()


def memo_entry(project: Path) -> tuple[Path, dict]:
    for entry in (project / CACHE_DIR).glob("v1/*/*.json"):
        body = json.loads(entry.read_bytes().partition(b"\n")[2])
        if "digests" in body:
            return entry, body["digests"]
    raise AssertionError("no memo stored")


def test_the_memo_holds_each_files_status_and_digest(demo, settled):
    run(demo)
    _, digests = memo_entry(demo)
    assert sorted(digests) == sorted(path.name for path in demo.glob("*.py"))
    for name, known in digests.items():
        path = demo / name
        status = os.stat(path)
        signature = [status.st_dev, status.st_ino, status.st_size]
        assert known == [*signature, status.st_mtime_ns, status.st_ctime_ns, digest(path)]


@pytest.mark.parametrize("part", ["device", "inode", "size", "modified", "changed"])
def test_a_status_that_differs_in_any_part_is_read_again(demo, reads, settled, part):
    run(demo)
    quiet = "commands.py"  # a file the run leaves unchanged: read only for its digest
    reads.clear()
    run(demo)
    assert quiet not in reads

    entry, digests = memo_entry(demo)
    digests[quiet][["device", "inode", "size", "modified", "changed"].index(part)] += 1
    Store(demo / CACHE_DIR).save(entry.stem, {"digests": digests})
    forget_run_records(demo)
    reads.clear()
    assert run(demo) == run(demo, cache=False)
    assert quiet in reads


@pytest.mark.parametrize("damage", [b"", b"not json\n{", b"0" * 64 + b"\n{}"])
def test_a_damaged_memo_only_costs_reading_the_files(demo, reads, settled, damage):
    cold = run(demo)
    for entry in (demo / CACHE_DIR).glob("v1/*/*.json"):
        if b'"digests"' in entry.read_bytes():
            entry.write_bytes(damage)
    forget_run_records(demo)
    reads.clear()
    assert run(demo) == cold
    assert sorted(reads) == sorted(path.name for path in demo.glob("*.py"))
    assert remembered(demo), "the run stored the memo again"


@pytest.mark.parametrize("jobs", [1, 2])
def test_only_a_result_that_changes_its_file_carries_the_files_bytes(demo, jobs):
    """Whichever process ran it, or whether the cache answered it without reading the file."""
    results = plan(FixRequest([demo], CODEMODS, allow_review=True, jobs=jobs, cache=False))
    changed = [result for result in results if result.changed]
    assert changed and all(result.old == result.path.read_bytes() for result in changed)
    assert all(result.old == b"" and result.new is None for result in results if not result.changed)
