"""Process-wide settings for the processes that run codemods."""

from __future__ import annotations

import gc

# A run makes millions of short-lived parse-tree nodes (LibCST's and ``ast``'s), and by
# default the youngest generation is collected every 700 allocations: about a tenth of a
# whole-tree run on Neutron. Kept cheap to import: the CLI calls it before any command.
_YOUNGEST_GENERATION_THRESHOLD = 20_000


def collect_less_often() -> None:
    """Run the cyclic garbage collector less often (a forked worker inherits the setting)."""
    gc.set_threshold(_YOUNGEST_GENERATION_THRESHOLD)
