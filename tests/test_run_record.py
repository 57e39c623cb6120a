"""A rerun over an unchanged project is answered whole; any change falls back, with the same bytes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from conftest import copy_of_demo
from cwemod.engine import FixRequest, file_digests, plan
from cwemod.engine import run as engine_run
from cwemod.engine import work as engine_work
from cwemod.engine.store import CACHE_DIR, digest
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json

CODEMODS = [("salted-lock-name", {}), ("yaml-safe-load", {}), ("silent-except", {})]


@pytest.fixture
def demo(tmp_path):
    project = copy_of_demo(tmp_path)
    (project / "pkg").mkdir()
    (project / "pkg" / "__init__.py").write_text("")
    (project / "pkg" / "tasks.py").write_text(
        "import yaml\n\n\ndef load(f):\n    return yaml.load(f)\n"
    )
    return project


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled a moment before a run begins (a test cannot wait two seconds).

    A moment: a file system stamps times with a coarse clock, which may lag
    the run's by a tick; :func:`output` waits longer than that before a run.
    """
    monkeypatch.setattr(file_digests, "SETTLE_SECONDS", 0.02)


@pytest.fixture
def walks(monkeypatch):
    """How many times a run walked its PATHs, in this process."""
    walked = []
    real = engine_run.walk

    def counting(*args, **kwargs):
        walked.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_run, "walk", counting)
    return walked


@pytest.fixture
def ran(monkeypatch):
    """The files the engine ran (not answered from a cache), in this process."""
    files = []
    real = engine_work.process_file

    def counting(job):
        files.append(job.path.name)
        return real(job)

    monkeypatch.setattr(engine_work, "process_file", counting)
    return files


def output(project: Path, cache: bool = True) -> tuple[bytes, str]:
    later()
    results = plan(FixRequest([project], CODEMODS, allow_review=True, jobs=1, cache=cache))
    return diff_bytes(results), results_json(results)


def records(project: Path) -> list[Path]:
    return [
        entry
        for entry in (project / CACHE_DIR).glob("v1/*/*.json")
        if "listings" in json.loads(entry.read_bytes().partition(b"\n")[2] or b"{}")
    ]


def later() -> None:
    time.sleep(0.05)  # past the tick of a coarse file clock


def test_a_rerun_over_an_unchanged_project_neither_walks_nor_runs(demo, settled, walks, ran):
    cold = output(demo)
    assert walks and ran and len(records(demo)) == 1
    walks.clear()
    ran.clear()
    warm = output(demo)
    assert walks == [] and ran == []
    assert warm == cold == output(demo, cache=False)


def test_a_file_changed_since_it_was_read_is_read_again(demo, settled, ran):
    output(demo)
    (demo / "commands.py").write_text("import yaml\n\nyaml.load(open('c'))\n")
    ran.clear()
    warm = output(demo)
    assert ran == ["commands.py"]
    assert warm == output(demo, cache=False)
    assert b"+yaml.safe_load(open('c'))" in warm[0]


def edit_same_size_with_the_old_time(project: Path) -> None:
    """New bytes of the same length behind the old modification time: the change time moves."""
    path = project / "commands.py"
    before = path.stat()
    code = b"import yaml\n\nyaml.load(open('c'))\n"
    path.write_bytes(code + b"#" * (before.st_size - len(code) - 1) + b"\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: (p / "pkg" / "new.py").write_text("import os\n"), id="file-added"),
        pytest.param(lambda p: (p / "pkg" / "tasks.py").unlink(), id="file-removed"),
        pytest.param(
            lambda p: (p / "pkg" / "tasks.py").rename(p / "pkg" / "jobs.py"), id="file-renamed"
        ),
        pytest.param(lambda p: (p / "pkg" / "sub").mkdir(), id="directory-added"),
        pytest.param(lambda p: (p / "pkg" / "setup.cfg").write_text(""), id="nested-project"),
        pytest.param(
            lambda p: (p / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n"),
            id="configuration",
        ),
        pytest.param(lambda p: os.utime(p / "locks.py"), id="touched"),
        pytest.param(edit_same_size_with_the_old_time, id="same-size-old-time"),
    ],
)
def test_any_change_to_what_the_run_read_falls_back_with_the_same_bytes(
    demo, settled, walks, change
):
    output(demo)
    change(demo)
    walks.clear()
    warm = output(demo)
    assert walks, "the record answered a changed project"
    assert warm == output(demo, cache=False)


def test_a_directory_changed_during_the_run_is_compared_by_its_entries(demo, settled, walks):
    """The first run makes the cache in the project root: the root changed as it ran."""
    output(demo)
    (record,) = records(demo)
    body = json.loads(record.read_bytes().partition(b"\n")[2])
    assert str(demo) in body["listings"] and str(demo) not in body["directories"]
    walks.clear()
    output(demo)
    assert walks == []
    (demo / "extra.py").write_text("import yaml\nyaml.load('')\n")
    assert output(demo) == output(demo, cache=False)
    assert len(walks) == 2, "a file added to the root went unseen"


def test_files_written_just_before_the_run_keep_no_record(demo, walks):
    output(demo)
    assert records(demo) == [], "the demo was copied a moment ago: nothing is settled"


def damaged(record: Path) -> list[bytes]:
    raw = record.read_bytes()
    checksum, _, body = raw.partition(b"\n")
    entry = json.loads(body)
    other_shape = json.dumps({**entry, "results": ["", {}, {"locks.py": 1}]}).encode()
    return [
        b"",
        raw[: len(raw) // 2],
        checksum + b"\n" + body.replace(b'"names"', b'"namez"'),
        digest(other_shape).encode() + b"\n" + other_shape,
    ]


@pytest.mark.parametrize("damage", range(4))
def test_a_damaged_record_is_ignored_and_rewritten(demo, settled, walks, damage):
    cold = output(demo)
    (record,) = records(demo)
    record.write_bytes(damaged(record)[damage])
    walks.clear()
    assert output(demo) == cold
    assert walks, "the damaged record was used"
    walks.clear()
    assert output(demo) == cold
    assert walks == [], "the record was not rewritten"


def test_a_failure_keeps_no_record(demo, settled):
    """It may not recur: a file that cannot be parsed now may be fixed by the next run."""
    (demo / "broken.py").write_text("import yaml\n\ndef (:\n")
    output(demo)
    assert records(demo) == []


def test_a_link_given_as_a_path_and_pointed_elsewhere_is_seen(demo, settled, walks):
    link = demo / "pkg" / "current.py"
    link.symlink_to(demo / "commands.py")
    request = FixRequest([link], CODEMODS, allow_review=True, jobs=1, cache=True)
    later()
    plan(request)
    later()
    link.unlink()
    link.symlink_to(demo / "settings.py")
    walks.clear()
    later()
    assert plan(request) == plan(FixRequest(**{**vars(request), "cache": False}))
    assert walks, "the record of the old target answered"


def test_a_run_from_another_directory_has_its_own_names(demo, settled, monkeypatch):
    """Names in diffs are relative to the cwd outside a repository."""
    output(demo)
    monkeypatch.chdir(demo / "pkg")
    assert output(demo) == output(demo, cache=False)
