"""Code that runs on one platform only, by the tests and names around it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

import libcst as cst

from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.parents import ancestors
from cwemod.codemods.kit.source import code_of

_WINDOWS_NAME = r"""['"](?:nt|win32|cygwin|Windows)['"]"""
# ``== 'win32'``, or lsassy's ``in ["win32"]``: a list of Windows names only.
_IS_WINDOWS = re.compile(
    rf"""==\s*['"](?:nt|win32|Windows)['"]|\bin\s*[\[(]\s*{_WINDOWS_NAME}"""
    rf"""(?:\s*,\s*{_WINDOWS_NAME})*\s*,?\s*[\])]"""
)
_NOT_WINDOWS = re.compile(r"""!=\s*['"](?:nt|win32|Windows)['"]""")
_WINDOWS_WORDS = frozenset({"windows", "win", "win32"})
_WINDOWS_FLAG_WORDS = _WINDOWS_WORDS | {"mswindows"}


def only_on_windows(
    node: cst.CSTNode,
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
    module_path: str = "",
) -> bool:
    """Is ``node`` in a module, class or function named for Windows (scikit-build's
    ``platform_specifics/windows.py``, which only Windows imports), under an ``if`` that
    tests for it (``os.name == 'nt'``, ``sys.platform == 'win32'``, ``if WINDOWS:``), or in
    the ``else`` of one that tests against it (``if sys.platform != 'win32': ... else:``)?"""
    if _WINDOWS_WORDS & set(name_words(PurePosixPath(module_path).stem)):
        return True
    child = node
    for around in ancestors(node, parent_of):
        if isinstance(around, (cst.ClassDef, cst.FunctionDef)):
            if _WINDOWS_WORDS & set(name_words(around.name.value)):
                return True
        elif isinstance(around, cst.If):
            windows = tests_for_windows(around.test)
            if windows is not None and child is (around.body if windows else around.orelse):
                return True
        child = around
    return False


def tests_for_windows(test: cst.BaseExpression) -> bool | None:
    """True where ``test`` holds on Windows only, False where it holds everywhere else,
    None where it says neither: ``sys.platform == 'win32'``, a flag named for Windows
    (poetry-core's ``WINDOWS``, subprocess's ``_mswindows``), or ``not`` one."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = tests_for_windows(test.expression)
        return None if inner is None else not inner
    if isinstance(test, (cst.Name, cst.Attribute)):
        name = test.value if isinstance(test, cst.Name) else test.attr.value
        return True if _WINDOWS_FLAG_WORDS & set(name_words(name)) else None
    code = code_of(test)
    if _IS_WINDOWS.search(code):
        return True
    return False if _NOT_WINDOWS.search(code) else None
