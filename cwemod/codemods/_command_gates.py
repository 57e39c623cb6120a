"""The cheap syntactic look of ``command-argv``, before any metadata is computed."""

from __future__ import annotations

import ast
from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._command_apis import (
    EXECUTE_NAMES,
    LIST_TAKING,
    PYTHON2_ONLY,
    SHELL_ONLY,
    SUBPROCESS_FUNCTIONS,
)
from cwemod.codemods.base import nodes_of_type
from cwemod.codemods.kit.calls import keyword_arg
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import nodes, parse_ast
from cwemod.codemods.kit.text import (
    CALLED_OR_BOUND,
    bracketed_end,
    has_name,
    name_ends,
    name_then,
    past_spaces,
)

_COMMAND_MODULES = frozenset({"subprocess", "os", "asyncio", "commands", "popen2", "processutils"})
_COMMAND_FUNCTIONS = frozenset(
    name.rpartition(".")[2]
    for name in SUBPROCESS_FUNCTIONS
    | LIST_TAKING
    | set(SHELL_ONLY)
    | PYTHON2_ONLY
    | {"os.system", "os.popen", "asyncio.create_subprocess_shell"}
)
# Shell APIs: each call is rewritten or refused.
_SHELL_ONLY_TAILS = frozenset(
    name.rpartition(".")[2]
    for name in {
        *SHELL_ONLY,
        *PYTHON2_ONLY,
        "os.system",
        "os.popen",
        "asyncio.create_subprocess_shell",
    }
)
# APIs that take a list, and execute helpers: a shell runs only with shell=True.
_LIST_TAKING_TAILS = frozenset(name.rpartition(".")[2] for name in LIST_TAKING) | EXECUTE_NAMES


def has_candidate_calls(tree: cst.Module) -> bool:
    """Could any call in ``tree`` be one this codemod handles or a report asks about?

    Over-approximates: whole-tree runs have already passed the narrower
    :func:`candidate_calls_ast`. Asked of the stdlib ``ast`` tree of the
    module's code where CPython parses it (many times cheaper than walking
    LibCST's), with the same answer; of LibCST's tree otherwise.
    """
    try:
        stdlib_tree = parse_ast(module_code(tree))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _has_candidate_calls_cst(tree)
    return has_candidate_calls_ast(stdlib_tree)


def has_candidate_calls_ast(tree: ast.Module) -> bool:
    """:func:`has_candidate_calls` on the stdlib ``ast`` tree."""
    module_names, function_names = _command_import_names_ast(tree)
    for call in nodes(tree, ast.Call):
        func = call.func
        if any(keyword.arg == "shell" for keyword in call.keywords):
            return True
        if isinstance(func, ast.Name) and func.id in function_names:
            return True
        if not isinstance(func, ast.Attribute):
            continue
        if func.attr in EXECUTE_NAMES:
            return True
        if func.attr in _COMMAND_FUNCTIONS and _receiver_name(func.value) in module_names:
            return True
    return False


def calls_from(tree: ast.Module, lines: Sequence[tuple[int, int]]) -> list[ast.Call]:
    """The calls of ``tree`` that start within one of the ``(start, end)`` line ranges."""
    return [
        call
        for call in nodes(tree, ast.Call)
        if any(start <= call.lineno <= end for start, end in lines)
    ]


def may_run_a_shell(call: ast.Call) -> bool:
    """Is ``shell=`` given, and no false constant (``shell=self.shell``, ``shell=True``)?"""
    shell = next((keyword.value for keyword in call.keywords if keyword.arg == "shell"), None)
    return shell is not None and not (isinstance(shell, ast.Constant) and not shell.value)


def _receiver_name(receiver: ast.expr) -> str | None:
    if isinstance(receiver, ast.Attribute):
        return receiver.attr
    return receiver.id if isinstance(receiver, ast.Name) else None


def _has_candidate_calls_cst(tree: cst.Module) -> bool:
    module_names, function_names = _command_import_names(tree)
    for call in nodes_of_type(tree, cst.Call):
        func = call.func
        if keyword_arg(call, "shell") is not None:
            return True
        if isinstance(func, cst.Name) and func.value in function_names:
            return True
        if not isinstance(func, cst.Attribute):
            continue
        if func.attr.value in EXECUTE_NAMES:
            return True
        receiver = func.value
        receiver_name = (
            receiver.attr.value
            if isinstance(receiver, cst.Attribute)
            else getattr(receiver, "value", None)
        )
        if func.attr.value in _COMMAND_FUNCTIONS and receiver_name in module_names:
            return True
    return False


def _command_import_names(tree: cst.Module) -> tuple[set[str], set[str]]:
    """Local names bound to the command modules, and to functions imported from them."""
    module_names = set(_COMMAND_MODULES)
    function_names = set(EXECUTE_NAMES)
    for node in nodes_of_type(tree, (cst.Import, cst.ImportFrom)):
        if isinstance(node, cst.Import):
            for alias in node.names:
                if (
                    code_of(alias.name).rpartition(".")[2] in _COMMAND_MODULES
                    and alias.asname is not None
                ):
                    module_names.add(code_of(alias.asname.name))
        elif (
            isinstance(node, cst.ImportFrom)
            and node.module is not None
            and not isinstance(node.names, cst.ImportStar)
        ):
            from_commands = code_of(node.module).rpartition(".")[2] in _COMMAND_MODULES
            for alias in node.names:
                local = code_of(alias.asname.name) if alias.asname else code_of(alias.name)
                if from_commands or code_of(alias.name) in _COMMAND_MODULES:
                    (function_names if from_commands else module_names).add(local)
    return module_names, function_names


def may_hold_candidate_calls(source: str) -> bool:
    """The text test of :func:`candidate_calls_ast`: False only where it finds no call.

    Each call it passes is a shell-only API's, called by its name (or by a
    name it is imported ``as``), or has a ``shell=`` keyword, or is an
    ``execute`` helper's with a ``.split()`` argument: the source holds such
    a name followed by ``(``, ``)`` (``(os.system)(command)``) or ``as``, or
    ``shell`` followed by ``=`` (or a dict's ``"shell":``), or ``split`` called in a helper's
    arguments.
    """
    if name_then(source, _SHELL_ONLY_TAILS, CALLED_OR_BOUND):
        return True
    if name_then(source, ("shell",), ("=", '"', "'")):  # shell=, or a dict's "shell" key
        return True
    return name_then(source, ("split",), CALLED_OR_BOUND) and _may_split_for_an_execute(source)


def _may_split_for_an_execute(source: str) -> bool:
    """May an ``execute`` helper be called with ``split`` in its arguments?

    Its first argument must be ``<expr>.split()`` to be a candidate. A
    helper called through another name (``as``), in brackets, or past a
    comment or a backslash, or arguments that cannot be read simply, count.
    """
    if name_then(source, EXECUTE_NAMES, (")", "as")):
        return True
    for name in EXECUTE_NAMES:
        for end in name_ends(source, name):
            start = past_spaces(source, end)
            if not source.startswith("(", start):
                continue
            close = bracketed_end(source, start)
            if close is None or has_name(source[start:close], ("split",)):
                return True
    return False


def candidate_calls_ast(tree: ast.Module) -> list[ast.Call]:
    """The calls in ``tree`` a whole-tree run may record (``ast``, before LibCST).

    Follows ``CommandArgv._plan_call`` by the last part of each callee's name,
    erring towards yes: a shell-only API is always one; a list-taking one or
    an ``execute`` helper only with a ``shell=`` keyword that is not a false
    constant (or, for ``execute``, a first argument that is ``<expr>.split()``).
    Without them a whole-tree run says nothing: "already a list" answers only a report.
    ``**options`` may hold ``shell`` where a dict literal of the module has that key.
    """
    module_names, function_names = _command_import_names_ast(tree)
    unpacked_shell = any(
        isinstance(key, ast.Constant) and key.value == "shell"
        for literal in nodes(tree, ast.Dict)
        for key in literal.keys
    )
    return [
        call
        for call in nodes(tree, ast.Call)
        if _may_be_recorded(call, module_names, function_names, unpacked_shell)
    ]


def _may_be_recorded(
    call: ast.Call,
    module_names: set[str],
    function_names: dict[str, str],
    unpacked_shell: bool = False,
) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        tails = {function_names.get(func.id)}
    elif isinstance(func, ast.Attribute):
        from_module = func.attr in _COMMAND_FUNCTIONS and _receiver_name(func.value) in module_names
        tails = {func.attr} if from_module or func.attr in EXECUTE_NAMES else set()
    else:
        return False
    if tails & _SHELL_ONLY_TAILS:
        return True
    if not tails & _LIST_TAKING_TAILS:
        return False  # most calls: no need to read their keywords
    # a shell= keyword, or ``**options`` that may hold one (gitlint's popen_kwargs)
    shell = any(
        (keyword.arg is None and unpacked_shell)
        or (keyword.arg == "shell" and _may_run_a_shell(keyword.value))
        for keyword in call.keywords
    )
    return shell or (bool(tails & EXECUTE_NAMES) and _split_first_ast(call))


def _may_run_a_shell(value: ast.expr) -> bool:
    """Not a constant that is false: ``shell=False`` runs no shell, and a whole-tree run is quiet.

    As ``CommandArgv._shell_enabled`` reads it: a value that is no constant is refused.
    """
    try:
        return bool(ast.literal_eval(value))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return True


def _split_first_ast(call: ast.Call) -> bool:
    """The first positional argument may be ``<expr>.split()`` (``*`` and ``**`` unpacking count too)."""
    firsts = [*call.args[:1], *(keyword.value for keyword in call.keywords if keyword.arg is None)]
    for first in firsts:
        value = first.value if isinstance(first, ast.Starred) else first
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "split"
            and not value.args
            and not value.keywords
        ):
            return True
    return False


def _command_import_names_ast(tree: ast.Module) -> tuple[set[str], dict[str, str]]:
    """:func:`_command_import_names` on the stdlib ``ast`` tree; functions map to their own name."""
    module_names = set(_COMMAND_MODULES)
    function_names = {name: name for name in EXECUTE_NAMES}
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.rpartition(".")[2] in _COMMAND_MODULES and alias.asname is not None:
                    module_names.add(alias.asname)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            from_commands = node.module.rpartition(".")[2] in _COMMAND_MODULES
            for alias in node.names:
                if alias.name == "*":
                    continue
                local = alias.asname or alias.name
                if from_commands:
                    function_names[local] = alias.name
                elif alias.name in _COMMAND_MODULES:
                    module_names.add(local)
    return module_names, function_names
