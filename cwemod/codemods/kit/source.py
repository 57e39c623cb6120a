"""The source text of a node."""

from __future__ import annotations

import libcst as cst

_EMPTY_MODULE = cst.Module(body=[])


def code_of(node: cst.CSTNode) -> str:
    """``node`` as source, in the default formatting of an empty module (4 spaces, ``\\n``)."""
    return _EMPTY_MODULE.code_for_node(node)
