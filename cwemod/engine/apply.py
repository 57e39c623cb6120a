"""Write part of a planned change: the hunks a user accepted (``cwemod fix -i``).

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


def write_accepted(result: FileResult, accepted: Sequence[Hunk]) -> None:
    """Write ``result``'s old text with the ``accepted`` hunks of its change applied.

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
