"""The engine: plan a run over files, check it, write it.

Callable from Python without the CLI::

    from pathlib import Path
    from cwemod.engine import FixRequest, plan, write_results

    results = plan(FixRequest([Path("src")], [("yaml-safe-load", {})]))
    write_results(results)
"""

from cwemod.engine.config import Config, load_config
from cwemod.engine.files import InputError, python_files
from cwemod.engine.results import FileResult
from cwemod.engine.run import FileJob, FixRequest, plan, process_file
from cwemod.engine.transform import Outcome, TransformError, transform_source
from cwemod.engine.write import StaleFileError, write_atomically


def write_results(results: list[FileResult]) -> list[tuple[FileResult, str]]:
    """Write every changed result; return the (result, error) pairs that failed."""
    failures = []
    for result in results:
        if not result.changed:
            continue
        try:
            write_atomically(result.path, result.old, result.new)
        except (OSError, StaleFileError) as error:
            failures.append((result, str(error)))
    return failures


__all__ = [
    "Config",
    "FileJob",
    "FileResult",
    "FixRequest",
    "InputError",
    "Outcome",
    "StaleFileError",
    "TransformError",
    "load_config",
    "plan",
    "process_file",
    "python_files",
    "transform_source",
    "write_atomically",
    "write_results",
]
