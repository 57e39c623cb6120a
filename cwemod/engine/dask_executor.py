"""Per-file work on a Dask cluster (``cwemod fix --executor dask``).

Workers need no shared filesystem: the parent reads each file and ships it
in a batch of jobs that carry their bytes; what all jobs share goes to each
worker once; only what changed comes back (see
:class:`cwemod.engine.elsewhere.Elsewhere`). Nothing is written by a worker, so a
task Dask runs again after a worker died cannot write a file twice: the
parent writes once, after every result is in.

``distributed`` is an optional extra (``pip install 'cwemod[dask]'``) and is
imported only here and in :mod:`cwemod.engine.dask_tasks`.
"""

from __future__ import annotations

import functools
import importlib.util
import multiprocessing
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from cwemod.engine.executor import Crashed, Item, Result, _one_by_one
from cwemod.errors import InputError
from cwemod.runtime import collect_less_often

# A batch is sent when it holds this many files or this many bytes.
BATCH_FILES = 64
BATCH_BYTES = 4 * 1024 * 1024
# Batches running or queued per worker: enough to keep workers busy.
IN_FLIGHT_PER_WORKER = 4
# Batches sent and not yet given back, per worker: few enough that a run over a
# thousand repositories never holds them all in memory.
HELD_PER_WORKER = 16
# How often Dask runs a task again after the worker running it died.
RETRIES = 2


def check_available() -> None:
    """Raise InputError, saying how to install it, when the extra is missing.

    Found, not imported: the run imports it once its workers have started importing it.
    """
    if importlib.util.find_spec("distributed") is None:
        raise _missing()


def _distributed():
    try:
        import distributed
    except ImportError:
        raise _missing() from None
    return distributed


def _missing() -> InputError:
    return InputError(
        "--executor dask needs Dask's distributed scheduler: pip install 'cwemod[dask]'"
    )


class DaskExecutor:
    """Runs batches of items on a Dask cluster, yielding results in item order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``);
    without one, a local cluster of ``workers`` processes is started for the
    run and closed after it. ``size_of`` tells how many bytes an item ships.
    """

    ships_files = True  # the engine puts each file's bytes in its job

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        size_of: Callable[[Any], int] = lambda item: 0,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.size_of = size_of
        self._starting: Future | None = None  # the local cluster, starting in a thread

    @functools.cached_property
    def distributed(self):
        return _distributed()

    def start(self) -> None:
        """Start the local cluster now, in a thread, while the parent walks and surveys.

        Its worker processes take seconds to import; the run waits for them
        only when its first batch is ready. Their forkserver starts importing
        first, before this process imports ``distributed`` to run the
        scheduler. :meth:`close` closes a cluster no :meth:`map` took.
        """
        if self.scheduler is None and self._starting is None:
            _start_forkserver()
            _distributed()  # imported here, in the main thread, which forks the surveys next
            starter = ThreadPoolExecutor(1)
            self._starting = starter.submit(self._local_cluster)
            starter.shutdown(wait=False)  # the thread ends when the cluster is up

    def close(self) -> None:
        starting, self._starting = self._starting, None
        if starting is not None and starting.exception() is None:
            starting.result().close()  # a cluster that failed to start was never needed

    def map(
        self,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        crashed: Crashed | None = None,
    ) -> Iterator[Result]:
        """Results in item order; a batch is sent whenever a worker has room for it.

        A slow batch holds back the results after it, not the batches: the
        other workers go on, up to :data:`HELD_PER_WORKER` batches each.
        """
        from cwemod.engine.dask_tasks import RunFunction

        with self._client() as client:
            run = f"cwemod-run-{uuid.uuid4().hex}"
            client.register_plugin(RunFunction(function), name=run)
            try:
                yield from self._map(client, run, function, items, crashed)
            finally:
                try:
                    client.unregister_worker_plugin(run)
                except OSError:
                    pass  # the cluster is gone: so is the run's function, and the run says why

    def _map(
        self,
        client,
        run: str,
        function: Callable[[Item], Result],
        items: Iterable[Item],
        crashed: Crashed | None,
    ) -> Iterator[Result]:
        from distributed.protocol.pickle import dumps

        from cwemod.engine.dask_tasks import run_batch

        workers = max(1, len(client.scheduler_info()["workers"]))
        pending: deque = deque()  # (batch, future), in item order
        for batch in batches(items, self.size_of):
            payload = dumps(batch)  # as Dask pickles a task: cloudpickle where pickle cannot
            pending.append((batch, client.submit(run_batch, run, payload, **_TASK)))
            while pending and (pending[0][1].done() or not self._room(pending, workers)):
                if pending[0][1].done() or len(pending) >= HELD_PER_WORKER * workers:
                    yield from self._settle(function, *pending.popleft(), crashed)
                else:
                    running = [future for _, future in pending if not future.done()]
                    self.distributed.wait(running, return_when="FIRST_COMPLETED")
        while pending:
            yield from self._settle(function, *pending.popleft(), crashed)

    @staticmethod
    def _room(pending: deque, workers: int) -> bool:
        """May another batch be sent: are few enough running, and few enough held?"""
        running = sum(not future.done() for _, future in pending)
        return running < IN_FLIGHT_PER_WORKER * workers and len(pending) < HELD_PER_WORKER * workers

    def _settle(self, function, batch: list, future, crashed: Crashed | None) -> Iterator:
        try:
            results = future.result()
        except self.distributed.KilledWorker:
            # Every retry lost its worker: find the item that kills its process, here.
            indexes = list(range(len(batch)))
            results = [result for _, result in _one_by_one(function, batch, indexes, crashed)]
        finally:
            future.release()
        yield from results

    @contextmanager
    def _client(self):
        distributed = self.distributed
        if self.scheduler:
            try:
                client = distributed.Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError) as error:
                raise InputError(
                    f"cannot reach the Dask scheduler {self.scheduler}: {error}"
                ) from None
            with client:
                yield client
            return
        starting, self._starting = self._starting, None
        cluster = starting.result() if starting is not None else self._local_cluster()
        with cluster, distributed.Client(cluster) as client:
            yield client

    def _local_cluster(self):
        import dask.config  # installed with distributed

        # The workers' whole configuration: the nanny replaces each top-level section.
        config = dask.config.merge(dask.config.config, _LOCAL_WORKER_CONFIG)
        with _forked_from_a_ready_process(self.distributed):
            return self.distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,  # parsing is CPU-bound and holds the GIL
                processes=True,
                dashboard_address=None,
                preload=[__name__],  # each worker runs dask_setup() as it starts
                config=config,
            )


# A worker samples the stack of its running task every 10 ms for the dashboard's
# profile, which a cluster started for one run has none of; on LibCST's deep stacks
# that cost about a tenth of the workers' CPU over Neutron.
_LOCAL_WORKER_CONFIG = {"distributed": {"worker": {"profile": {"enabled": False}}}}


@contextmanager
def _forked_from_a_ready_process(distributed) -> Iterator[None]:
    """Have the nannies started now fork their workers from a forkserver that imported their code.

    Spawned, each worker imports ``distributed``, LibCST and the codemods
    itself (about a second and a half of CPU each, on the cores the parent
    is surveying with); forked from the forkserver, the workers of a local
    cluster import them once between them (:mod:`cwemod.engine.dask_preload`).
    Dask's nanny reads its start method from the configuration as it starts
    a worker: it is set for the cluster's start only, so a worker the nanny
    starts again later (after a crash) is spawned as usual. The process has
    one forkserver: its list of modules to preload is set here (a process
    that started its forkserver before keeps it as it is). Where there is
    no forkserver (Windows), or Dask does not say how it picks its context,
    the workers are spawned.
    """
    get_mp_context = getattr(distributed.utils, "get_mp_context", None)
    if get_mp_context is None or "forkserver" not in multiprocessing.get_all_start_methods():
        yield
        return
    import dask.config

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        _preload_ours_not_dasks(distributed.utils)
        yield


def _preload_ours_not_dasks(dask_utils) -> None:
    """Give the forkserver our list of modules to import, not the one Dask makes.

    Dask makes its list when first asked for its context (the nannies ask),
    importing here every package it may add to it: pandas, when installed,
    costs this process about half a second of CPU while it walks, for a
    forkserver that never imports it. Dask's flag that its list is given is
    set instead, where Dask has one; else it is asked first, so that our
    list replaces its own.
    """
    if hasattr(dask_utils, "_forkserver_preload_set"):
        dask_utils._forkserver_preload_set = True
    else:
        dask_utils.get_mp_context()
    multiprocessing.get_context("forkserver").set_forkserver_preload(_FORKSERVER_PRELOAD)


_FORKSERVER_PRELOAD = ["distributed", "cwemod.engine.dask_preload"]


def _start_forkserver() -> None:
    """Start this process's forkserver now, importing what the local cluster's workers need.

    Its imports take about a second of CPU: started before this process
    imports ``distributed``, they run on another core meanwhile. Dask's own
    list of modules for it, given later, is then not used.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(_FORKSERVER_PRELOAD)
        forkserver.ensure_running()


# pure=False: two batches with equal contents are still two tasks.
_TASK = {"pure": False, "retries": RETRIES}


def batches(items: Iterable[Item], size_of: Callable[[Item], int]) -> Iterator[list[Item]]:
    """Items grouped into batches of at most BATCH_FILES items or about BATCH_BYTES."""
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += size_of(item)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def dask_setup(worker: Any) -> None:
    """Ready a worker of the local cluster as it starts, while the parent walks and surveys.

    Dask calls it in each worker process of a cluster started with this
    module as a preload: the codemods and LibCST are imported then, not in
    the first batch.
    """
    collect_less_often()
    ready_for_work()


def ready_for_work() -> None:
    """Import what every batch needs: LibCST, every codemod, one file's work."""
    from cwemod.codemods import all_codemods
    from cwemod.engine import work  # noqa: F401 - imported for its imports

    all_codemods()
