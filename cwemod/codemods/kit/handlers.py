"""What an ``except`` clause catches."""

from __future__ import annotations

import libcst as cst


def caught_classes(handler: cst.ExceptHandler) -> list[cst.BaseExpression]:
    """The expressions of the classes ``handler`` names, alone or in a tuple; none for a
    bare ``except:``."""
    if handler.type is None:
        return []
    if isinstance(handler.type, cst.Tuple):
        return [element.value for element in handler.type.elements]
    return [handler.type]
