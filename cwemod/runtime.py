"""Process-wide settings for the processes that run codemods."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A run makes millions of short-lived parse-tree nodes (LibCST's and ``ast``'s), and by
# default the youngest generation is collected every 700 allocations: about a tenth of a
# whole-tree run on Neutron. Kept cheap to import: the CLI calls it before any command.
_YOUNGEST_GENERATION_THRESHOLD = 20_000


def collect_less_often() -> None:
    """Run the cyclic garbage collector less often (a forked worker inherits the setting)."""
    gc.set_threshold(_YOUNGEST_GENERATION_THRESHOLD)


def no_collection_at_exit() -> None:
    """Spare the command CPython's last garbage collection, as it exits.

    It walks every object left (a run's results, the cache's pack): about
    40 ms of a rerun over Neutron answered from the cache. Freezing them
    first leaves it nothing to walk. Everything the command writes is
    written and closed by then; the process's memory goes back whole.
    """
    atexit.unregister(gc.freeze)  # once, however many commands one process runs
    atexit.register(gc.freeze)


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Leave what this process holds out of the garbage collections of children it forks now.

    A forked child's collector would walk every object it inherited and write
    to them, so the system would copy much of the parent's memory into each
    child for nothing; frozen, the inherited objects are never walked.
    Unfrozen on leaving, so this process's own collections go on as before,
    unless something was frozen already: ``gc`` can only unfreeze it all.
    """
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()
