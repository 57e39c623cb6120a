"""The same bytes cold, from the file cache and from a run record, on a sample of real Neutron code."""

from __future__ import annotations

import shutil
import time

import pytest

from cwemod.engine import file_digests, plan
from cwemod.engine import work as engine_work
from cwemod.engine.projects import Projects
from cwemod.engine.request import make_request
from cwemod.engine.store import CACHE_DIR
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json
from realsource import sdist_tree

pytestmark = pytest.mark.realcode

# The L3 agent (as in test_executors.py) and the Linux agent code, whose external locks
# get keyed names with a helper the run adds to neutron/common (67 files).
SAMPLES = ("neutron/agent/l3", "neutron/agent/linux")
PACKAGES = ("neutron/__init__.py", "neutron/agent/__init__.py", "neutron/common/__init__.py")


def test_cold_file_cache_and_run_record_give_the_same_bytes_on_neutron(tmp_path, monkeypatch):
    # Settled a moment after they are written: a test cannot wait two seconds per run.
    monkeypatch.setattr(file_digests, "SETTLE_SECONDS", 0.02)
    project = tmp_path / "neutron"
    source = sdist_tree("neutron", "29.0.0")
    for sample in SAMPLES:
        shutil.copytree(source / sample, project / sample)
    for package in PACKAGES:
        (project / package).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / package, project / package)
    (project / "setup.cfg").write_text("[metadata]\nname = neutron\n")
    ran = []
    real = engine_work.process_file
    monkeypatch.setattr(engine_work, "process_file", lambda job: ran.append(job) or real(job))

    def output(cache: bool) -> tuple[bytes, str]:
        time.sleep(0.05)  # past the tick of a coarse file clock
        results = plan(make_request([project / "neutron"], unsafe=True, jobs=1, cache=cache))
        return diff_bytes(results), results_json(results)

    uncached = output(cache=False)
    assert b"salted_lock_name" in uncached[0]
    assert output(cache=True) == uncached  # cold: every file runs, and the record is kept
    ran.clear()
    assert output(cache=True) == uncached  # from the run record
    records = [
        e for e in (project / CACHE_DIR).glob("v1/*/*.json") if b'"listings"' in e.read_bytes()
    ]
    assert len(records) == 1
    records[0].unlink()
    assert output(cache=True) == uncached  # from the file cache's packs
    assert ran == []


def test_kept_summaries_after_edits_give_the_facts_of_a_whole_survey(tmp_path, monkeypatch):
    """Neutron's whole tree: surveyed, edited in three places, surveyed again from summaries."""
    monkeypatch.setattr(file_digests, "SETTLE_SECONDS", 0.02)
    project = tmp_path / "neutron"
    shutil.copytree(sdist_tree("neutron", "29.0.0"), project)
    codemods = [
        (codemod, {}) for codemod in ("requests-timeout", "salted-lock-name", "silent-except")
    ]
    first = dict(Projects(codemods, cache=True).of(project / "setup.cfg").facts)  # kept
    time.sleep(0.05)
    lock_user = project / "neutron/agent/linux/ipset_manager.py"
    text = lock_user.read_text()
    assert "external=True" in text
    lock_user.write_text(text.replace("external=True", "external=False"))
    (project / "neutron/agent/l3/new_locks.py").write_text(
        "from oslo_concurrency import lockutils\n\n"
        "synchronized = lockutils.synchronized_with_prefix('neutron-new-')\n"
    )
    (project / "neutron/agent/linux/utils.py").unlink()
    from_summaries = dict(Projects(codemods, cache=True).of(project / "setup.cfg").facts)
    assert from_summaries == dict(Projects(codemods).of(project / "setup.cfg").facts)
    assert from_summaries["salted-lock-name"] != first["salted-lock-name"]
