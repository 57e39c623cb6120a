"""What travels to a worker process: each job once, what all jobs share once per worker."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from cwemod.codemods.kit.project import Project
from cwemod.engine import plan, work
from cwemod.engine.elsewhere import Elsewhere
from cwemod.engine.executor import ProcessExecutor, largest_first
from cwemod.engine.request import make_request
from cwemod.engine.results import FileResult
from cwemod.engine.run import FileJob

SENT: list[str] = []  # in the parent: each time a Shared was pickled to be sent


class Shared:
    """A function that counts how often it is pickled in this process."""

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def __call__(self, item: int) -> int:
        return item * 10

    def __reduce__(self):
        SENT.append(self.tag)
        return Shared, (self.tag,)


def test_the_process_pool_sends_its_function_once_per_worker_not_per_batch():
    SENT.clear()
    items = list(range(300))  # ProcessExecutor(2) deals them in batches of 4

    assert list(ProcessExecutor(2).map(Shared("pool"), items)) == [i * 10 for i in items]
    assert len(SENT) <= 2  # forked workers inherit it: none; spawned ones get it once each


def test_a_local_cluster_gets_the_function_once_for_all_its_batches():
    pytest.importorskip("distributed")
    from cwemod.engine.dask_executor import BATCH_FILES, DaskExecutor

    SENT.clear()
    items = list(range(4 * BATCH_FILES))

    results = list(DaskExecutor(workers=2).map(Shared("cluster"), items))

    assert results == [i * 10 for i in items]
    assert SENT == ["cluster"]  # registered once with the cluster; four batches name it


class Recording:
    """An executor in this process that pickles each item as another process would get it."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def map(self, function, items, crashed=None):
        for item in items:
            self.sent.append(pickle.dumps(item))
            yield function(pickle.loads(self.sent[-1]))


DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def test_a_job_travels_without_its_projects_facts_and_module_paths(tmp_path):
    root = tmp_path / "demo"
    shutil.copytree(DEMO, root)
    recording = Recording()

    sent = plan(make_request([root], unsafe=True, jobs=2), executor=recording)
    here = plan(make_request([root], unsafe=True, jobs=1))

    jobs = [pickle.loads(data) for data in recording.sent]
    assert len(jobs) == 5
    assert all(job.project.facts == {} and not job.project.run_files for job in jobs)
    assert all(str(job.project.root) == str(root) for job in jobs)
    # The worker's function put them back: the outcome made here, where locks.py's lock
    # is left alone because of what the project's lock survey found.
    assert [(r.display, r.new, r.refusals) for r in sent] == [
        (r.display, r.new, r.refusals) for r in here
    ]
    locks = next(result for result in sent if result.display.endswith("locks.py"))
    assert locks.new is None and locks.refusals


def test_each_job_gets_its_own_project_back(tmp_path, monkeypatch):
    """Over several repositories, a job's project is found again by its root."""
    projects = [
        Project(root=str(tmp_path / name), facts={"survey": name}, run_files=frozenset({name}))
        for name in ("nova", "cinder")
    ]
    jobs = [FileJob(Path(p.root) / "a.py", "a.py", (), project=p) for p in projects]
    elsewhere = pickle.loads(pickle.dumps(Elsewhere(jobs)))  # as a worker gets it
    seen = []
    monkeypatch.setattr(
        work, "process_file", lambda job: seen.append(job.project) or FileResult(job.path, "")
    )

    for job in jobs:
        elsewhere(pickle.loads(pickle.dumps(elsewhere.sendable(job))))

    assert [(p.root, p.facts, p.run_files) for p in seen] == [
        (p.root, p.facts, p.run_files) for p in projects
    ]


def test_the_pool_sends_the_largest_files_of_each_window_first():
    sizes = [1] * 1000 + [500, 1] * 12  # the large files come last in path order
    batches = largest_first(list(range(len(sizes))), sizes, parts=64)

    dealt = [index for batch in batches for index in batch]
    assert sorted(dealt) == list(range(len(sizes)))
    windows = [index // 512 for index in dealt]  # two windows of 512
    assert windows == sorted(windows)  # a window's results all come before the next one's
    last = dealt[windows.index(1) :]
    assert [sizes[index] for index in last[:12]] == [500] * 12
    assert max(sum(sizes[index] for index in batch) for batch in batches) <= 2 * 500


def test_without_sizes_the_pool_deals_equal_batches_in_order():
    batches = largest_first(list(range(300)), [0] * 300, parts=64)

    assert [index for batch in batches for index in batch] == list(range(300))
    assert {len(batch) for batch in batches[:-1]} == {4}
