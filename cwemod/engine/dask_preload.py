"""What the forkserver that forks a local Dask cluster's workers imports as it starts.

Only that forkserver imports this module (see
``dask_executor._forked_from_a_ready_process``): each worker forked from it
starts with LibCST, the codemods and one file's work already imported, and
with them frozen out of its garbage collections, so that collecting never
writes to the pages it shares with the forkserver and its sibling.
"""

import gc

from cwemod.engine.dask_executor import ready_for_work
from cwemod.runtime import collect_less_often

collect_less_often()
ready_for_work()
gc.freeze()
