"""The classes and functions around the node a codemod is visiting."""

from __future__ import annotations

from typing import Any

import libcst as cst

Definition = cst.ClassDef | cst.FunctionDef


class EnclosingDefinitions:
    """Codemod mixin: :attr:`enclosing` holds the classes and functions the visit is in.

    Outermost first; a node is in it from its ``visit_`` to the end of its
    ``leave_``. A codemod that has its own ``visit_``/``leave_`` method for
    ``ClassDef`` or ``FunctionDef`` calls this one's through ``super()``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enclosing: list[Definition] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.enclosing.append(node)

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.BaseStatement:
        self.enclosing.pop()
        return updated_node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.enclosing.append(node)

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.BaseStatement:
        self.enclosing.pop()
        return updated_node

    def enclosing_functions(self) -> list[cst.FunctionDef]:
        """The functions around the node, outermost first (a method's class left out)."""
        return [node for node in self.enclosing if isinstance(node, cst.FunctionDef)]

    def innermost_function(self) -> cst.FunctionDef | None:
        return next((n for n in reversed(self.enclosing) if isinstance(n, cst.FunctionDef)), None)

    def innermost_class(self) -> cst.ClassDef | None:
        return next((n for n in reversed(self.enclosing) if isinstance(n, cst.ClassDef)), None)
