"""Write a planned change: every changed file (:func:`write_results`), or the hunks
a user accepted (``cwemod fix -i``).

Applying only some hunks gives a text no codemod produced, so it is checked
again before it replaces the file: it must compile.
"""

from __future__ import annotations

from collections.abc import Sequence

from cwemod.codemods.kit.compiled import compile_error
from cwemod.engine.hunks import Hunk, apply_hunks, split_lines
from cwemod.engine.results import FileResult
from cwemod.engine.write import (
    WriteError,
    create_exclusively,
    sweep_stale_temporaries,
    write_atomically,
)


def write_accepted(result: FileResult, accepted: Sequence[Hunk]) -> str:
    """Write ``result``'s old text with the ``accepted`` hunks of its change applied; return it.

    Raises :class:`WriteError` and leaves the file as it was when the text
    does not compile or cannot be written.
    """
    text = apply_hunks(split_lines(result.old_text), split_lines(result.new_text), list(accepted))
    data = text.encode(result.encoding)
    error = compile_error(data, result.display)
    if error is not None:
        reason = error.msg if isinstance(error, SyntaxError) else str(error)
        message = f"the chosen hunks do not compile together ({reason}); not written"
        raise WriteError(result.path, message)
    sweep_stale_temporaries(result.path.parent)
    if result.created:
        create_exclusively(result.path, data)
    else:
        write_atomically(result.path, result.old, data)
    return text


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
