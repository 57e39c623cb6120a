"""``--executor dask``: the same bytes as the process pool, on a real LocalCluster."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cwemod.cli import main
from cwemod.codemods import codemod_ids
from cwemod.engine import plan
from cwemod.engine.dask_executor import (
    BATCH_FILES,
    IN_FLIGHT_PER_WORKER,
    DaskExecutor,
    batches,
)
from cwemod.engine.request import make_request
from cwemod.errors import InputError
from tests.before_after import all_cases
from tests.test_hostile_sources import DIE, describe_crash, tenfold_or_die


def test_without_the_extra_dask_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    (tmp_path / "a.py").write_text("x = 1\n")

    with pytest.raises(InputError, match=r"pip install 'cwemod\[dask\]'"):
        make_request([tmp_path], executor="dask")
    outcome = CliRunner().invoke(main, ["fix", "--executor", "dask", str(tmp_path)])
    assert outcome.exit_code == 2
    assert "cwemod[dask]" in outcome.output
    assert "Traceback" not in outcome.output


def test_a_scheduler_without_dask_is_refused(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    with pytest.raises(InputError, match="--scheduler needs --executor dask"):
        make_request([tmp_path], scheduler="tcp://127.0.0.1:8786")


def test_batches_are_bounded_by_count_and_by_bytes():
    assert [len(batch) for batch in batches(range(130), lambda item: 0)] == [64, 64, 2]
    big = batches(range(5), lambda item: 3 * 1024 * 1024)
    assert [len(batch) for batch in big] == [2, 2, 1]
    assert BATCH_FILES == 64


@pytest.fixture(scope="module")
def case_tree(tmp_path_factory):
    """Every before_after case's before file, as one project."""
    root = tmp_path_factory.mktemp("cases")
    for case in all_cases():
        target = root / case.codemod / case.before.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(case.before, target)
    return root


def _outputs(results):
    return {
        result.display: (result.new, result.error, [fix.line for fix in result.fixes])
        for result in results
    }


@pytest.mark.slow
def test_a_local_cluster_gives_the_bytes_the_process_pool_gives(case_tree):
    pytest.importorskip("distributed")
    pooled = plan(make_request([case_tree], unsafe=True, jobs=2))
    clustered = plan(make_request([case_tree], unsafe=True, jobs=2, executor="dask"))

    assert _outputs(clustered) == _outputs(pooled)
    assert sum(result.changed for result in pooled) >= 20  # the comparison covers real fixes
    # Only what changed comes back from a worker: unchanged files travel one way.
    assert all(result.old == b"" for result in clustered if not result.changed)


def test_the_parent_of_a_dask_run_never_loads_libcst_nor_pandas(case_tree, tmp_path):
    """It walks, surveys, ships bytes and reads results: its workers import the codemods.

    Nor does it import what Dask would have its forkserver preload (pandas,
    when installed: about half a second): the forkserver preloads our list.
    """
    pytest.importorskip("distributed")
    installed = tmp_path / "site"
    (installed / "pandas").mkdir(parents=True)
    (installed / "pandas" / "__init__.py").write_text("")
    script = textwrap.dedent(
        """\
        import sys
        from pathlib import Path

        from cwemod.engine import plan
        from cwemod.engine.request import make_request

        request = make_request([Path(sys.argv[1])], jobs=2, executor="dask", cache=False)
        changed = sum(result.changed for result in plan(request))
        print(changed, "libcst" in sys.modules, "pandas" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(case_tree / "yaml-safe-load")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), *_python_path()])},
    )
    changed, libcst_loaded, pandas_loaded = done.stdout.split()
    assert int(changed) > 0
    assert (libcst_loaded, pandas_loaded) == ("False", "False")


def _python_path() -> list[str]:
    return [os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []


def test_an_unreadable_file_keeps_its_place_and_its_reason(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.py").write_text("import yaml\nyaml.load(x)\n")
    (tmp_path / "b.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "c.py").write_text("x = 1\n")

    pooled = plan(make_request([tmp_path], jobs=2))
    clustered = plan(make_request([tmp_path], jobs=2, executor="dask"))

    assert _outputs(clustered) == _outputs(pooled)


@pytest.mark.slow
def test_a_batch_whose_worker_keeps_dying_fails_only_its_item():
    pytest.importorskip("distributed")
    import dask

    items = list(range(8))
    items[2] = DIE
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        results = list(DaskExecutor(workers=2).map(tenfold_or_die, items, crashed=describe_crash))

    expected = [item * 10 for item in items]
    expected[2] = f"{DIE} crashed: signal 11"
    assert results == expected


# The first item of the slow batch waits for the first of a batch the old order
# (as many batches sent as given back) would have sent only after it.
_LATER = BATCH_FILES * (2 * IN_FLIGHT_PER_WORKER + 1)


def first_waits_for_later(item: tuple[int, str]) -> str:
    index, marker = item
    if index == _LATER:
        Path(marker).touch()
    if index == 0:
        deadline = time.monotonic() + 60
        while not Path(marker).exists():
            if time.monotonic() > deadline:
                return "timed out"
            time.sleep(0.05)
        return "saw the later batch run"
    return str(index)


@pytest.mark.slow
def test_a_slow_batch_holds_back_its_results_but_not_the_other_batches(tmp_path):
    pytest.importorskip("distributed")
    marker = str(tmp_path / "later-ran")
    items = [(index, marker) for index in range(_LATER + BATCH_FILES)]

    results = list(DaskExecutor(workers=2).map(first_waits_for_later, items))

    assert results[0] == "saw the later batch run"
    assert results[1:] == [str(index) for index in range(1, len(items))]  # in item order


def test_a_worker_readies_itself_before_its_first_batch():
    """The local cluster's preload imports the codemods as each worker starts."""
    probe = (
        "import sys\n"
        "from cwemod.engine.dask_executor import dask_setup\n"
        "loaded = lambda: [name for name in sys.modules if name.startswith('cwemod.codemods.')]\n"
        "before = len(loaded())\n"
        "dask_setup(None)\n"
        "print(before, 'cwemod.engine.work' in sys.modules, len(loaded()))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    before, work_loaded, after = int(output[0]), output[1], int(output[2])
    assert work_loaded == "True"
    assert after > before + len(codemod_ids())  # every codemod's module, and their helpers


def test_the_process_pool_also_sends_back_only_changes(case_tree):
    results = plan(make_request([case_tree / "yaml-safe-load"], jobs=2))
    unchanged = [result for result in results if not result.changed]
    assert unchanged and all(result.old == b"" for result in unchanged)
    assert all(result.old for result in results if result.changed)


def worker_profiles(item: int) -> bool:
    import dask

    return dask.config.get("distributed.worker.profile.enabled")


def test_the_local_clusters_workers_do_not_profile_their_tasks():
    """A run's own cluster has no dashboard to show the stacks its workers would sample."""
    pytest.importorskip("distributed")
    assert list(DaskExecutor(workers=2).map(worker_profiles, [1, 2])) == [False, False]


def worker_origin() -> tuple[int, bool]:
    import os
    import sys

    return os.getppid(), "cwemod.engine.dask_preload" in sys.modules


def test_the_local_clusters_workers_are_forked_from_one_process_that_imported_their_code():
    """They start with LibCST and the codemods loaded, imported once for both."""
    distributed = pytest.importorskip("distributed")
    import os

    with DaskExecutor(workers=2)._local_cluster() as cluster, distributed.Client(cluster) as client:
        origins = client.run(worker_origin)

    assert len(origins) == 2
    assert all(preloaded for _, preloaded in origins.values())
    parents = {parent for parent, _ in origins.values()}
    assert len(parents) == 1 and os.getpid() not in parents  # the forkserver, not the nannies'
