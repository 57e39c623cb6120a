"""Code that runs on one platform only, by the tests and names around it."""

from __future__ import annotations

import re
from collections.abc import Callable

import libcst as cst

from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.parents import ancestors
from cwemod.codemods.kit.source import code_of

_IS_WINDOWS = re.compile(r"""==\s*['"](?:nt|win32|Windows)['"]""")
_NOT_WINDOWS = re.compile(r"""!=\s*['"](?:nt|win32|Windows)['"]""")
_WINDOWS_WORDS = frozenset({"windows", "win", "win32"})


def only_on_windows(
    node: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> bool:
    """Is ``node`` in a class or function named for Windows, under an ``if`` that tests
    for it (``os.name == 'nt'``, ``sys.platform == 'win32'``), or in the ``else`` of one
    that tests against it (``if sys.platform != 'win32': ... else:``)?"""
    child = node
    for around in ancestors(node, parent_of):
        if isinstance(around, (cst.ClassDef, cst.FunctionDef)):
            if _WINDOWS_WORDS & set(name_words(around.name.value)):
                return True
        elif isinstance(around, cst.If):
            test = code_of(around.test)
            if around.body is child and _IS_WINDOWS.search(test):
                return True
            if around.orelse is child and _NOT_WINDOWS.search(test):
                return True
        child = around
    return False
