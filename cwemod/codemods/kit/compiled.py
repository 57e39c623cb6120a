"""The compile check every rewritten source must pass before it is shown or written."""

from __future__ import annotations


def compile_error(source: str | bytes, filename: str) -> SyntaxError | ValueError | None:
    """Why ``source`` does not compile as a module, or None when it does.

    ``dont_inherit``: the ``from __future__`` imports of cwemod itself must
    not change how the target's code compiles.
    """
    try:
        compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:  # ValueError: a NUL byte in the source
        return error
    return None
