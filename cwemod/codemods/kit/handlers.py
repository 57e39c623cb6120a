"""What an ``except`` clause catches."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of


def caught_classes(handler: cst.ExceptHandler) -> list[cst.BaseExpression]:
    """The expressions of the classes ``handler`` names, alone or in a tuple; none for a
    bare ``except:``."""
    if handler.type is None:
        return []
    if isinstance(handler.type, cst.Tuple):
        return [element.value for element in handler.type.elements]
    return [handler.type]


def calls_in_fallbacks(
    module: cst.Module, exception: str, tried: Callable[[cst.Try], bool]
) -> set[cst.Call]:
    """The calls in the handlers naming ``exception`` (in their text) of each ``try`` that
    ``tried`` accepts: the fallback a feature test runs where the feature is missing
    (pipenv's ``except TypeError`` after ``extractall(..., filter=...)``, pywbem's
    ``except AttributeError`` after ``SSLContext``)."""
    calls: set[cst.Call] = set()
    for attempt in nodes_of_type(module, cst.Try):
        if not tried(attempt):
            continue
        for handler in attempt.handlers:
            if handler.type is not None and exception in code_of(handler.type):
                calls |= set(nodes_of_type(handler, cst.Call))
    return calls
