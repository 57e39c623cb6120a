"""ssh-host-key-policy: asyncssh's ``known_hosts=None``, which turns host-key checking off.

asyncssh checks a server's key (and its certificate) against ``~/.ssh/known_hosts``
unless told otherwise; ``known_hosts=None`` tells it to accept any key. sshfs's
``SSHFileSystem`` makes that the default of every connection
(``_client_args.setdefault("known_hosts", None)``, then ``asyncssh.connect(**args)``).
Dropping it would refuse the hosts its users reach today, so the codemod only advises.
Where the module's ``if`` on a setting gives it (apache-airflow-providers-sftp's ``if
self.no_host_key_check:``), it is the operator's choice, and the codemod keeps quiet.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

import libcst as cst

from cwemod.codemods.kit.calls import called_name, keyword_arg, positional_arg
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import QualifiedNames, is_string, string_key
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.kit.text import has_name, may_import

KEY = "known_hosts"
# asyncssh's calls that start a client, whose options take known_hosts (connect_reverse and
# listen start a server: SSHServerConnectionOptions has no known_hosts).
_CLIENT_CALLS = frozenset(
    f"{module}.{name}"
    for module in ("asyncssh", "asyncssh.connection")
    for name in (
        "connect",
        "create_connection",
        "listen_reverse",
        "run_client",
        "SSHClientConnectionOptions",
    )
)
# Calls that fill a mapping given to asyncssh later: kwargs.update(known_hosts=None), dict(...).
_MAPPING_CALLS = ("update", "dict")

Site = tuple[cst.CSTNode, cst.CSTNode, str, bool]  # node, at, what, a statement setting it alone


def may_disable_in_text(source: str) -> bool:
    """May the module import asyncssh and give ``known_hosts`` None (a text test)?"""
    return KEY in source and may_import(source, ("asyncssh",)) and has_name(source, ("None",))


def may_disable(tree: ast.Module) -> bool:
    """The ``ast`` gate: does a module that imports asyncssh give ``known_hosts`` None?"""
    return _imports_asyncssh_ast(tree) and any(
        _none_given_ast(node) for node in nodes(tree, (ast.keyword, ast.Dict, ast.Call, ast.Assign))
    )


def _imports_asyncssh_ast(tree: ast.Module) -> bool:
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.ImportFrom):
            modules = [node.module or ""] if node.level == 0 else []
        else:
            modules = [alias.name for alias in node.names]  # type: ignore[attr-defined]
        if any(module.partition(".")[0] == "asyncssh" for module in modules):
            return True
    return False


def _none_given_ast(node: ast.AST) -> bool:
    def none(value: ast.AST | None) -> bool:
        return isinstance(value, ast.Constant) and value.value is None

    def key(value: ast.AST | None) -> bool:
        return isinstance(value, ast.Constant) and value.value == KEY

    if isinstance(node, ast.keyword):
        return node.arg == KEY and none(node.value)
    if isinstance(node, ast.Dict):
        return any(key(k) and none(v) for k, v in zip(node.keys, node.values, strict=True))
    if isinstance(node, ast.Call):
        args = node.args
        setdefault = isinstance(node.func, ast.Attribute) and node.func.attr == "setdefault"
        return setdefault and len(args) == 2 and key(args[0]) and none(args[1])
    targets = node.targets  # type: ignore[attr-defined]
    return none(node.value) and any(  # type: ignore[attr-defined]
        isinstance(target, ast.Subscript) and key(target.slice) for target in targets
    )


def imports_asyncssh(module: cst.Module) -> bool:
    for node in nodes_of_type(module, (cst.Import, cst.ImportFrom)):
        if isinstance(node, cst.ImportFrom):
            modules = [node.module] if node.module is not None and not node.relative else []
        else:
            modules = [alias.name for alias in node.names]
        if any(code_of(name).partition(".")[0] == "asyncssh" for name in modules):
            return True
    return False


def disabling_sites(module: cst.Module, names: QualifiedNames) -> Iterator[Site]:
    """Where the module gives ``known_hosts`` None, in source order: the node, the node its
    line is read at, what it is, and whether its statement does nothing else
    (``kwargs.setdefault(...)``)."""
    for node in nodes_of_type(module, (cst.Call, cst.DictElement, cst.Assign)):
        if isinstance(node, cst.Call):
            yield from _call_sites(node, names)
        elif isinstance(node, cst.DictElement):
            if is_string(node.key, KEY) and _is_none(node.value):
                yield node, node, f'"{KEY}": None in a dict', False
        elif _is_none(node.value) and any(
            isinstance(target.target, cst.Subscript) and string_key(target.target) == KEY
            for target in node.targets
        ):
            yield node, node, code_of(node), True


def _call_sites(call: cst.Call, names: QualifiedNames) -> Iterator[Site]:
    name = called_name(call)
    if name == "setdefault":
        key, value = positional_arg(call, 0), positional_arg(call, 1)
        if key is not None and value is not None and is_string(key.value, KEY):
            if _is_none(value.value) and isinstance(call.func, cst.Attribute):
                receiver = code_of(call.func.value)
                yield call, call, f"a default of {KEY}=None in {receiver}", True
        return
    given = keyword_arg(call, KEY)
    if given is None or not _is_none(given.value):
        return
    callee = sorted(names.of(call.func) & _CLIENT_CALLS)
    if callee:
        yield call, given, f"{KEY}=None in {callee[0].replace('.connection.', '.')}()", False
    elif name == "update" and isinstance(call.func, cst.Attribute):
        yield call, given, f"{KEY}=None in {code_of(call.func)}()", True
    elif isinstance(call.func, cst.Name) and name in _MAPPING_CALLS:
        yield call, given, f"{KEY}=None in dict()", False


def _is_none(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Name) and value.value == "None"


def choosing_if(
    site: Site, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> tuple[cst.If, bool] | None:
    """The ``if`` whose setting gives ``known_hosts`` None, and whether the site is in its
    body (the setting on means no checking); None where no setting chooses it.

    An ``if`` chooses it where another of its branches gives known_hosts too (airflow's
    ``if self.known_hosts.lower() == "none":``, else the path), or where the site's
    statement only sets it and its branch does nothing else but call (log a warning):
    airflow's ``if self.no_host_key_check: conn_config["known_hosts"] = None``.
    """
    node, _, _, alone = site
    statement, suite = _statement_and_suite(node, parent_of)
    owner = parent_of(suite) if suite is not None else None
    in_body = isinstance(owner, cst.If)
    branch = parent_of(owner) if isinstance(owner, cst.Else) else owner
    if not isinstance(branch, cst.If) or statement is None or suite is None:
        return None
    if sum(map(_gives_known_hosts, _branches(_top_of_chain(branch, parent_of)))) > 1:
        return branch, in_body
    if alone and all(s is statement or _is_a_call(s) for s in _small_statements(suite)):
        return branch, in_body
    return None


def _statement_and_suite(
    node: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> tuple[cst.BaseSmallStatement | None, cst.BaseSuite | None]:
    statement = None
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, (cst.BaseSuite, cst.Module)):
        if statement is None and isinstance(current, cst.BaseSmallStatement):
            statement = current
        if isinstance(current, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            return None, None
        current = parent_of(current)
    return statement, current if isinstance(current, cst.BaseSuite) else None


def _top_of_chain(branch: cst.If, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]) -> cst.If:
    parent = parent_of(branch)
    while isinstance(parent, cst.If) and parent.orelse is branch:
        branch, parent = parent, parent_of(parent)
    return branch


def _branches(top: cst.If) -> Iterator[cst.BaseSuite]:
    branch: cst.If | cst.Else | None = top
    while branch is not None:
        yield branch.body
        branch = branch.orelse if isinstance(branch, cst.If) else None


def _gives_known_hosts(suite: cst.BaseSuite) -> bool:
    return any(is_string(s, KEY) for s in nodes_of_type(suite, cst.SimpleString)) or any(
        keyword_arg(call, KEY) is not None for call in nodes_of_type(suite, cst.Call)
    )


def _small_statements(suite: cst.BaseSuite) -> Iterator[cst.CSTNode]:
    if isinstance(suite, cst.SimpleStatementSuite):
        yield from suite.body
        return
    for line in suite.body:
        yield from line.body if isinstance(line, cst.SimpleStatementLine) else (line,)


def _is_a_call(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call)
