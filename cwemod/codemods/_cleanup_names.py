"""How names in one module resolve through its imports, for ``cleanup-on-failure``."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._cleanup_scan import FlowScan, ModuleFacts, parameters
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.loggers import conventional_logger, object_logger
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.project import dotted_module


class ModuleNames:
    """What a name in the module stands for, and how new code should name something."""

    def __init__(self, facts: ModuleFacts) -> None:
        self.facts = facts
        self._function: cst.FunctionDef | None = None
        self._function_locals: set[str] | None = None
        self._function_imports: dict[str, str] | None = None

    def enter_function(self, function: cst.FunctionDef) -> None:
        self._function, self._function_locals, self._function_imports = function, None, None

    def _imports_here(self) -> dict[str, str]:
        """What the current function's own imports bind (python-gnupg's ``import tempfile``
        inside ``verify_file()``)."""
        if self._function_imports is None:
            function = self._function
            assert function is not None
            self._function_imports = {}
            if self.facts.indented_imports:  # else no function imports anything
                for node in m.findall(function, m.Import() | m.ImportFrom()):
                    self._function_imports.update(imported_names(node))  # type: ignore[arg-type]
        return self._function_imports

    def _locals(self) -> set[str]:
        """Names the current function binds.

        Computed once, and only when a call looks like an acquire.
        """
        if self._function_locals is None:
            function = self._function
            assert function is not None and isinstance(function.body, cst.IndentedBlock)
            self._function_locals = parameters(function) | FlowScan.of(function.body.body).rebound
        return self._function_locals

    def may_name(self, node: cst.CSTNode, tails: set[str]) -> bool:
        """A cheap first test before :meth:`qualified`.

        True when the name ends in ``tails`` or is an imported alias.
        """
        name = dotted_name(node)
        parts = name.split(".") if name else None
        return bool(parts) and (
            parts[-1] in tails
            or (
                len(parts) == 1
                and (parts[0] in self.facts.imports or parts[0] in self._imports_here())
            )
        )

    def qualified(self, node: cst.CSTNode) -> str | None:
        """The dotted name ``node`` stands for, through the module's imports.

        A cheap stand-in for LibCST's QualifiedNameProvider (whose scope
        analysis would cost every file several parses' worth of time, and this
        codemod looks at every file): names bound in the current function or
        defined by the module are not builtins; anything else unresolved is
        None.
        """
        name = dotted_name(node)
        parts = name.split(".") if name else None
        if not parts:
            return None
        head, rest = parts[0], parts[1:]
        imported_here = self._imports_here().get(head)
        if imported_here is not None:
            return ".".join([imported_here, *rest])
        if head in self._locals():
            return None
        if head in self.facts.imports:
            return ".".join([self.facts.imports[head], *rest])
        if head in self.facts.module_names or rest:
            return None
        return f"builtins.{head}"

    def is_projects(
        self,
        node: cst.BaseExpression,
        module: cst.Module,
        module_path: str,
        seen: frozenset[str] = frozenset(),
    ) -> bool:
        """Is the class ``node`` names (``Mixin[T]`` too) the project's: a class of the module,
        a name it binds to what a function of the project makes (cvat-sdk's
        ``_ProjectRepoBase = build_model_bases(...)``), or one imported from the project?"""
        if isinstance(node, cst.Subscript):
            node = node.value
        if isinstance(node, cst.Name) and node.value not in seen:
            for statement in module.body:
                defined = isinstance(statement, (cst.ClassDef, cst.FunctionDef))
                if defined and statement.name.value == node.value:  # type: ignore[attr-defined]
                    return True
                made = _made_by(statement, node.value)
                if made is not None:
                    return self.is_projects(made, module, module_path, seen | {node.value})
        qualified = self.qualified(node)
        top = dotted_module(module_path).partition(".")[0]
        return qualified is not None and (
            qualified.startswith(".") or qualified.partition(".")[0] == top
        )

    def reference(self, qualified: str) -> tuple[str, set[str]]:
        """How this module names ``qualified``, and the import it needs when it does not."""
        module, _, name = qualified.rpartition(".")
        if module == "builtins":
            return name, set()
        for local, target in self.facts.imports.items():
            if target == qualified:
                return local, set()
        for local, target in self.facts.imports.items():
            if target == module:
                return f"{local}.{name}", set()
        return qualified, {module}

    def logger_reference(
        self, project_loggers: Callable[[], tuple[frozenset[str], frozenset[str]]]
    ) -> tuple[str, set[str]] | None:
        """The logger expression and the imports it needs, or None when none can be used.

        ``project_loggers`` gives the project's functions that return a standard
        library logger, and its modules' loggers: a module logger made with
        one of the first (zenml's ``get_logger(__name__)``) is one, and so is
        one of the second the module imports (Weblate's ``LOGGER``). A method that logs
        through its object's logger (irc3's ``self.context.log``) logs with that.
        """
        logger = self._object_logger()
        if logger is not None:
            return logger, set()
        if self.facts.logger is not None:
            return self.facts.logger, set()
        made, imports = self.facts.made_by_imported, self.facts.imports
        if made or imports:
            factories, loggers = project_loggers()
            candidates = [name for name in made if made[name] in factories]
            candidates += [name for name, target in imports.items() if target in loggers]
            logger = conventional_logger(candidates)
            if logger is not None:
                return logger, set()
        bound = self.facts.imports.get("logging")
        if bound in ("logging", "oslo_log.log"):
            return "logging.getLogger(__name__)", set()
        if "logging" in self.facts.module_names:
            return None  # the name is taken by something that may not be a logging module
        return "logging.getLogger(__name__)", {"logging"}

    def _object_logger(self) -> str | None:
        """The logger the current method logs through, an attribute of its object; not in a
        module that imports a logging facility whose loggers have no ``exception()``
        (Twisted's ``Logger``, txaio's) or one that raises again (pwntools'): the handler
        would raise from it, and hide the error it re-raises."""
        if self._function is None or any(
            target.startswith(_NO_EXCEPTION_METHOD) or f"{target}." in _NO_EXCEPTION_METHOD
            for target in self.facts.imports.values()
        ):
            return None
        return object_logger(self._function)


# Logging facilities whose loggers log at levels but have no ``exception()`` method, or one
# that raises again (pwntools').
_NO_EXCEPTION_METHOD = ("twisted.logger.", "twisted.python.log.", "txaio.", "pwn.", "pwnlib.")


def _made_by(statement: cst.CSTNode, name: str) -> cst.BaseExpression | None:
    """What makes ``name`` where ``statement`` binds it to a call's result (``a, name =
    make(...)`` too): the function called; None elsewhere."""
    if not m.matches(statement, m.SimpleStatementLine(body=[m.Assign(value=m.Call())])):
        return None
    assign = statement.body[0]  # type: ignore[attr-defined]
    for target in assign.targets:
        bound = target.target
        names = bound.elements if isinstance(bound, (cst.Tuple, cst.List)) else [bound]
        if any(
            m.matches(each.value if isinstance(each, cst.BaseElement) else each, m.Name(name))
            for each in names
        ):
            return assign.value.func  # type: ignore[no-any-return]
    return None
