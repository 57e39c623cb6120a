"""Whether output goes to a terminal, as rich decides it, without importing rich for a pipe."""

from __future__ import annotations

import os
import sys


def is_terminal(stderr: bool = False) -> bool:
    """Does rich take standard output (or error) for a terminal?

    Rich says yes only for a stream that is a TTY, or when ``TTY_COMPATIBLE``
    or ``FORCE_COLOR`` says so; otherwise the answer is no and rich, about
    40 ms of imports, is not loaded to give it.
    """
    stream = sys.stderr if stderr else sys.stdout
    forced = any(os.environ.get(name) is not None for name in ("TTY_COMPATIBLE", "FORCE_COLOR"))
    if not forced and not _isatty(stream):
        return False
    from rich.console import Console

    return Console(stderr=stderr).is_terminal


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False
