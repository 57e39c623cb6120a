"""What a Dask worker runs for cwemod: a run's batches, and the function they share.

Imported only where ``distributed`` is installed: by the executor when it
sends a run to a cluster, and by each worker as it unpickles that run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin, get_worker
from distributed.protocol.pickle import loads

from cwemod.runtime import collect_less_often


class RunFunction(WorkerPlugin):
    """The function of one run, sent to each worker once (and to a worker started later).

    Registered under a name of the run's own: the batches name it, and the
    cluster may be serving other runs.
    """

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


def run_batch(run: str, payload: bytes) -> list[Any]:
    collect_less_often()  # a cluster's worker is not forked from the command
    function = get_worker().plugins[run].function
    return [function(item) for item in loads(payload)]
