"""What a timeout is to requests-timeout: a number of seconds, a setting the module has.

The literal a fix writes, the numbers and settings other calls of the
module pass as ``timeout=`` (albert's ``_VALIDATE_EMAIL_TIMEOUT``), the
module-level names that say timeout (solum's ``CONF.api.http_request_timeout``
bound to one), and what a name says it waits for
instead of a request (a task, a lock, a cache).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import libcst as cst

from cwemod.codemods._http_calls import is_constant, is_literal
from cwemod.codemods._http_parameters import in_seconds
from cwemod.codemods._http_settings import may_read_a_setting_none_by_default
from cwemod.codemods._http_uploads import rebinds
from cwemod.codemods.base import nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import assigned_targets
from cwemod.codemods.kit.calls import keyword_arg, name_words, named_parameters
from cwemod.codemods.kit.names import dotted_name, string_key
from cwemod.codemods.kit.parents import ancestors
from cwemod.codemods.kit.source import code_of

# Where a value read in an expression of these goes no further: a test, a count, a message.
_KEPT_IN = (cst.Comparison, cst.FormattedString, cst.BaseCompoundStatement, cst.FunctionDef)
# Where it is handed on: to a call, into a mapping or a sequence, to a name or a default, out.
_HANDED_TO = (cst.Arg, cst.DictElement, cst.Element, cst.Assign, cst.AnnAssign, cst.AugAssign,
              cst.Param, cst.Return, cst.Yield, cst.Lambda)  # fmt: skip


def value_handed_on(use: cst.CSTNode, parent_of: Callable[[cst.CSTNode], Any]) -> bool:
    """Does the value ``use`` reads reach a call, a mapping, a name or the caller (not
    galaxy_wait()'s ``if timeout and count > timeout``, nor its message)?"""
    for node in ancestors(use, parent_of):
        if isinstance(node, _KEPT_IN):
            return False
        if isinstance(node, _HANDED_TO):
            return True
    return False


def one_number(values: list[cst.BaseExpression]) -> str | None:
    """The positive number of seconds every one of ``values`` writes; None where they differ
    or one is not a number (aim's transport client passes 10 throughout)."""
    written = {
        timeout_literal(value.evaluated_value) if is_number(value) else None for value in values
    }
    return written.pop() if len(written) == 1 else None


def is_number(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.Integer, cst.Float))


def timeout_settings(module: cst.Module, no_request: Callable[[cst.Call], bool]) -> list[str]:
    """The timeouts the module has at hand, in source order: the names and attributes other
    calls (not ``no_request`` ones) are given as ``timeout=`` (albert's
    ``_VALIDATE_EMAIL_TIMEOUT``, mlflow's ``api_config.timeout``), its module-level names that
    say timeout (imported or assigned), then a setting other calls read (pywb's
    ``params.get('_timeout')``); none the module binds to an hour or more. An attribute a
    setting is stored in (:func:`stored_settings`) comes before the module's names."""
    passed, read = [], []
    bound = _module_values(module)
    module_names = set(module_level_names(module))
    for call in nodes_of_type(module, cst.Call):
        value = keyword_arg(call, "timeout")
        if value is None or set(name_words(code_of(value.value))) & NOT_A_REQUEST:
            continue
        if no_request(call) or _an_hour_or_more(value.value, bound):
            continue
        if isinstance(value.value, cst.Attribute) or _is_a_constant(value.value, module_names):
            passed.append(code_of(value.value))
        elif _reads_a_setting(value.value):
            read.append(code_of(value.value))
    names = [
        name
        for name in module_level_names(module)
        if "timeout" in name_words(name)
        and not _names_a_class(name)
        and not set(name_words(name)) & NOT_A_REQUEST
        and all(_seconds(value, bound) or _a_setting(value) for value in bound.get(name, ()))
        and not _an_hour_or_more(cst.Name(name), bound)
    ]
    return list(dict.fromkeys([*passed, *stored_settings(module), *names, *read]))


def stored_settings(module: cst.Module) -> list[str]:
    """The ``self.`` attributes the module binds to a setting read by a key that says
    timeout, as it is or through ``int()``/``float()``, whatever its default: monasca-agent's
    ``self.connection_timeout = int(init_config.get('connection_timeout', DEFAULT_TIMEOUT))``,
    where ``DEFAULT_TIMEOUT`` would ignore the operator's setting. Not the environment's
    strings unconverted, nor a key that says it waits for something else. Then those a
    class keeps its caller's timeout in (:func:`init_timeouts`)."""
    stored = []
    for assign in nodes_of_type(module, cst.Assign):
        key = _timeout_key_read(assign.value)
        for target in assign.targets if key else ():
            if m.matches(target.target, m.Attribute(value=m.Name("self"))):
                stored.append(code_of(target.target))
    for owner in nodes_of_type(module, cst.ClassDef):
        stored += init_timeouts(owner)
    return stored


def init_timeouts(owner: cst.ClassDef) -> dict[str, cst.BaseExpression | None]:
    """The ``self.`` attributes the class's ``__init__`` binds to a parameter of its own named
    ``timeout`` or ``*_timeout`` (in seconds, not a task's or a lock's), by the parameter's
    default: proliantutils' ``RIBCLOperations(host, ..., timeout=60)`` keeps the timeout its
    caller gives in ``self.timeout``. Only an attribute the class binds nowhere else."""
    init = next(
        (node for node in owner.body.body
         if isinstance(node, cst.FunctionDef) and node.name.value == "__init__"),
        None,
    )  # fmt: skip
    found: dict[str, cst.BaseExpression | None] = {}
    for param in named_parameters(init.params) if init is not None else ():
        words = name_words(param.name.value)
        if words[-1:] != ["timeout"] or set(words) & NOT_A_REQUEST or not in_seconds(param):
            continue
        if rebinds(init, param):  # archivebox's `timeout = timeout or TIMEOUT` first
            continue
        for assign in m.findall(init.body, m.Assign(value=m.Name(param.name.value))):
            for target in assign.targets:  # type: ignore[attr-defined]
                if m.matches(target.target, m.Attribute(value=m.Name("self"))):
                    found[code_of(target.target)] = param.default
    return {
        attribute: default
        for attribute, default in found.items()
        if len(_bindings_of(owner, attribute)) == 1
    }


def _bindings_of(owner: cst.ClassDef, attribute: str) -> list[cst.CSTNode]:
    """The assignments (plain, annotated, augmented) in ``owner`` to ``attribute``."""
    return [
        target
        for assign in nodes_of_type(owner, (cst.Assign, cst.AnnAssign, cst.AugAssign))
        for target in assigned_targets(assign)
        if code_of(target) == attribute
    ]


def a_class_timeout(default: cst.BaseExpression | None) -> bool:
    """Is ``default`` a parameter's default a fix may pass on: a number of seconds under an
    hour (None is no timeout, and ``timeout=None`` keeps its own advice)?"""
    return (
        default is not None
        and is_number(default)
        and timeout_literal(default.evaluated_value) is not None  # type: ignore[attr-defined]
        and (_product(default) or 0) < 3600
    )


def _timeout_key_read(value: cst.BaseExpression) -> str | None:
    """The key, one that says timeout, of ``x.get('key')`` or ``x.get('key', default)``,
    or of either in ``int()`` or ``float()``; else None."""
    converted = m.matches(value, m.Call(func=m.Name("int") | m.Name("float"), args=[m.Arg()]))
    read = value.args[0].value if converted else value  # type: ignore[attr-defined]
    if not _reads_a_setting(read) or not isinstance(read, cst.Call) or read.args[0].keyword:
        return None
    if not converted and set(name_words(code_of(read.func))) & {"environ", "getenv"}:
        return None
    key = read.args[0].value
    name = key.evaluated_value if isinstance(key, cst.SimpleString) else None
    words = set(name_words(name)) if isinstance(name, str) else set()
    return name if "timeout" in words and not words & NOT_A_REQUEST else None


def _reads_a_setting(value: cst.BaseExpression) -> bool:
    """A setting read by key: pywb's ``params.get('_timeout')``, adal's
    ``self._call_context.get('timeout', None)`` (any default), ``context['timeout']``."""
    if isinstance(value, cst.Subscript):
        return string_key(value) is not None
    return m.matches(value, m.Call(func=m.Attribute(attr=m.Name("get")))) and (
        1 <= len(value.args) <= 2 and not any(arg.star for arg in value.args)  # type: ignore[attr-defined]
    )


def gets_none_by_default(value: cst.BaseExpression) -> bool:
    """``X.get('timeout')`` or ``X.get('timeout', None)``: None where the key is unset."""
    args = value.args if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("get")))) else ()
    return len(args) == 1 or (len(args) == 2 and is_literal(args[1].value, "None"))  # type: ignore[union-attr]


def _module_values(module: cst.Module) -> dict[str, list[cst.BaseExpression]]:
    """The values the module's top-level assignments bind to each plain name."""
    bound: dict[str, list[cst.BaseExpression]] = {}
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and small.targets:
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            bound.setdefault(target.target.value, []).append(small.value)
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    if small.value is not None:
                        bound.setdefault(small.target.value, []).append(small.value)
    return bound


def _seconds(value: cst.BaseExpression, bound: Mapping[str, list[cst.BaseExpression]]) -> bool:
    """Is ``value`` a number of seconds as requests takes it: a number, sums of them,
    ``int(...)``/``float(...)``, None, a pair, or a name the module binds to one? Not
    flytekit's ``timedelta(seconds=60)``, which requests rejects."""
    if isinstance(value, (cst.Integer, cst.Float)) or m.matches(value, m.Name("None")):
        return True
    if isinstance(value, cst.UnaryOperation):
        return _seconds(value.expression, bound)
    if isinstance(value, cst.BinaryOperation):
        return _seconds(value.left, bound) and _seconds(value.right, bound)
    if isinstance(value, cst.Tuple):
        return all(_seconds(element.value, bound) for element in value.elements)
    if m.matches(value, m.Call(func=m.Name("int") | m.Name("float"))):
        return True
    if isinstance(value, cst.Name) and value.value in bound:
        given = bound[value.value]
        return all(other is not value and _seconds(other, {}) for other in given)
    return False


def _an_hour_or_more(
    value: cst.BaseExpression, bound: Mapping[str, list[cst.BaseExpression]]
) -> bool:
    """Is ``value`` a name the module binds to a number of seconds no request waits for, an
    hour or more (``SECONDS_IN_DAY = 86400``, ``24 * 60 * 60``)?"""
    given = bound.get(value.value, ()) if isinstance(value, cst.Name) else ()
    return any((_product(other) or 0) >= 3600 for other in given)


def _product(value: cst.BaseExpression) -> float | None:
    """The number a literal or a product of literals (``24 * 60 * 60``) comes to, else None."""
    if isinstance(value, (cst.Integer, cst.Float)):
        return float(value.evaluated_value)
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Multiply):
        left, right = _product(value.left), _product(value.right)
        return left * right if left is not None and right is not None else None
    return None


def _is_a_constant(value: cst.BaseExpression, module_names: set[str]) -> bool:
    """``TIMEOUT``, ``_VALIDATE_EMAIL_TIMEOUT``: a name written as a module constant, or any
    the module binds at its top level (solum's ``http_req_timeout``)."""
    if not isinstance(value, cst.Name):
        return False
    return value.value.lstrip("_").isupper() or value.value in module_names


def _a_setting(value: cst.BaseExpression) -> bool:
    """A setting read from an object the project configures: solum's oslo.config
    ``CONF.api.http_request_timeout``, ``settings.HTTP_TIMEOUT``, ``config.get('timeout')``,
    ``config.getint(...)``. Not the environment's strings (``os.environ.get(...)``,
    ``os.getenv(...)``), nor configparser's ``get(section, option)``, a string too."""
    if set(name_words(code_of(value))) & {"environ", "getenv"}:
        return False
    if isinstance(value, cst.Attribute):
        return dotted_name(value) is not None and not _names_a_class(value.attr.value)
    if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Attribute):
        return False
    getter = value.func.attr.value
    if getter in ("getint", "getfloat"):
        return True
    args = value.args
    return getter == "get" and (
        (len(args) == 1 and not args[0].star)
        or (len(args) == 2 and not any(arg.star for arg in args) and _seconds(args[1].value, {}))
    )


# What a timeout named so waits for instead of a request: pulpcore's TASK_TIMEOUT is the
# 30 minutes its tests poll a task for, no socket's; calibre-web's _CACHE_TIMEOUT, 23 hours,
# how long an author's details are kept.
NOT_A_REQUEST = frozenset(
    {"task", "job", "lock", "poll", "polling", "build", "process", "subprocess", "command",
     "cmd", "shutdown", "idle", "worker", "thread", "query", "database", "db", "sql", "ssh",
     "cache", "token", "cookie", "rpc", "grpc", "deadline", "execution"}
)  # fmt: skip


# Methods whose timeout= is how long a value is kept (Django's cache API, whatever the cache
# is called: shuup's cache.set(..., timeout=SECONDS_IN_DAY)) or a wait in this process (a
# lock's, a thread's, a future's, a process's): no HTTP method is named so.
KEEPS_OR_WAITS = frozenset(
    {"set", "add", "get_or_set", "touch", "set_many", "set_cookie", "acquire", "join", "wait",
     "result", "communicate"}
)  # fmt: skip


def _names_a_class(name: str) -> bool:
    """``ReadTimeout``, ``TimeoutError``: an exception class, no setting."""
    return name[:1].isupper() and not name.isupper()


def module_level_names(module: cst.Module) -> Iterator[str]:
    """The names the module's top-level statements bind by assignment or import."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign):
                for target in small.targets:
                    if isinstance(target.target, cst.Name):
                        yield target.target.value
            elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                yield small.target.value
            elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(
                small.names, cst.ImportStar
            ):
                for alias in small.names:
                    yield code_of(alias.asname.name if alias.asname else alias.name)


def timeout_literal(value: Any) -> str | None:
    """The source text of a positive number of seconds, or None when ``value`` is not one."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not 0 < number < float("inf"):
        return None
    return str(int(number)) if number.is_integer() else repr(number)


def defaults_to_none(function: cst.FunctionDef, name: str) -> str | None:
    """``name=None`` where ``function`` has that parameter, with None as its default."""
    for param in named_parameters(function.params):
        if param.name.value == name and m.matches(param.default, m.Name("None")):
            return f"{name}=None"
    return None


def may_wait_forever(value: ast.expr | None) -> bool:
    """No timeout, ``None``, a name or ``self.`` attribute, or a setting read with None as its
    default (the gate of ``leave_Call``)."""
    return (
        value is None
        or may_read_a_setting_none_by_default(value)
        or is_constant(value, None)
        or isinstance(value, ast.Name)
        or (isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name)
            and value.value.id == "self")
    )  # fmt: skip
