"""The engine: plan a run over files, check it, write it.

Callable from Python without the CLI::

    from pathlib import Path
    from cwemod.engine import FixRequest, plan, write_results

    results = plan(FixRequest([Path("src")], [("yaml-safe-load", {})]))
    write_results(results)

Every error meant for the user is a :class:`cwemod.errors.UserError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cwemod.errors import InputError
from cwemod.lazy import lazy_exports

if TYPE_CHECKING:
    from cwemod.engine.apply import write_accepted, write_results
    from cwemod.engine.config import Config, load_config
    from cwemod.engine.files import python_files
    from cwemod.engine.results import FileResult
    from cwemod.engine.run import FileJob, FixRequest, plan
    from cwemod.engine.transform import Outcome, TransformError, transform_source
    from cwemod.engine.work import process_file
    from cwemod.engine.write import (
        StaleFileError,
        SymlinkError,
        WriteError,
        sweep_stale_temporaries,
        write_atomically,
    )

# Each name by the module that holds it, imported when the name is first asked for: a
# run answered from the cache, and the CLI's start, load only the modules they use
# (``transform`` and ``work`` load LibCST).
_LAZY = {
    "write_accepted": "apply",
    "write_results": "apply",
    "Config": "config",
    "load_config": "config",
    "python_files": "files",
    "FileResult": "results",
    "FileJob": "run",
    "FixRequest": "run",
    "plan": "run",
    "Outcome": "transform",
    "TransformError": "transform",
    "transform_source": "transform",
    "process_file": "work",
    "StaleFileError": "write",
    "SymlinkError": "write",
    "WriteError": "write",
    "sweep_stale_temporaries": "write",
    "write_atomically": "write",
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())


__all__ = [
    "Config",
    "FileJob",
    "FileResult",
    "FixRequest",
    "InputError",
    "Outcome",
    "StaleFileError",
    "SymlinkError",
    "TransformError",
    "WriteError",
    "load_config",
    "plan",
    "process_file",
    "python_files",
    "sweep_stale_temporaries",
    "transform_source",
    "write_accepted",
    "write_atomically",
    "write_results",
]
