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

from cwemod.engine.apply import write_accepted
from cwemod.engine.config import Config, load_config
from cwemod.engine.files import python_files
from cwemod.engine.results import FileResult
from cwemod.engine.run import FileJob, FixRequest, plan
from cwemod.engine.write import (
    StaleFileError,
    SymlinkError,
    WriteError,
    create_exclusively,
    sweep_stale_temporaries,
    write_atomically,
)
from cwemod.errors import InputError
from cwemod.lazy import lazy_exports

if TYPE_CHECKING:
    from cwemod.engine.transform import Outcome, TransformError, transform_source
    from cwemod.engine.work import process_file

# Names that load LibCST, by the module that holds each: imported when first asked for,
# so that a run answered from the cache, and the CLI's start, do without it.
_LAZY = {
    "Outcome": "transform",
    "TransformError": "transform",
    "transform_source": "transform",
    "process_file": "work",
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())


def write_results(results: list[FileResult]) -> list[tuple[FileResult, str]]:
    """Write every changed result; return the (result, error) pairs that failed.

    A file that cannot be written stays as it was and its result gets the
    reason as ``error``, so it counts as failed, not changed. New files are
    created first; a file whose new module could not be created is not
    written. Temporary files that killed runs left in the directories
    written to are removed.
    """
    to_write = [result for result in results if result.changed and result.error is None]
    to_write.sort(key=lambda result: not result.created)
    for directory in dict.fromkeys(result.path.parent for result in to_write):
        sweep_stale_temporaries(directory)
    failures = []
    creating = {result.path for result in to_write if result.created}
    for result in to_write:
        missing = [path for path, _ in result.needs if path not in creating]
        try:
            if missing:
                raise WriteError(result.path, f"not written: {missing[0].name} was not created")
            if result.created:
                create_exclusively(result.path, result.new)
            else:
                write_atomically(result.path, result.old, result.new)
        except WriteError as error:
            result.error = str(error)
            failures.append((result, result.error))
            creating.discard(result.path)
    return failures


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
