"""Calls of a ``requests.Session`` the code makes itself, for requests-timeout and
tls-verify.

A stock Session has no timeout of its own: ``session.get(url)`` without
``timeout=`` waits forever, as ``requests.get(url)`` does; and it verifies
certificates unless told otherwise, as ``requests.get(url)`` does. Only a session the
code plainly makes is followed: a local name, or a ``self.`` attribute, bound
to ``requests.Session()`` and nothing else but ``None`` until then (by the
class or the base classes the module defines for it; directly, or through a
method of theirs that returns only that attribute or a new Session, or in a
class body, keystone-rxt's ``session = requests.Session()``); and not
one that has its ``request`` replaced (``functools.partial(s.request,
timeout=...)``) or an adapter mounted that may set a default timeout in
``send()``: requests' own ``HTTPAdapter`` sets none, nor does a subclass the
module defines that defines no ``send`` and mentions no timeout (awscurl's
``_TLSAdapter``), nor one mounted only for a prefix that no http(s) URL starts
with (openstack-flavor-manager's ``FileAdapter`` for ``file://``); the codemod
advises on a call of a session with any other.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from cwemod.codemods._http_survey import VERBS
from cwemod.codemods.base import callee_tails, imported_tails
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import values_assigned
from cwemod.codemods.kit.calls import argument
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.kit.syntax import nodes

SESSION_CLASSES = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
REQUESTS_ADAPTERS = frozenset({"requests.adapters.HTTPAdapter", "requests.HTTPAdapter"})
_HTTP_PREFIXES = ("http://", "https://")
# A session's HTTP verbs, and send(): osprofiler's Log Insight client sends a PreparedRequest
# through the session it makes, which waits forever as get() does.
SESSION_METHODS = frozenset((*VERBS, "send"))


def may_call_a_session(
    tree: ast.Module,
    wanted: Callable[[ast.expr | None], bool],
    keyword: str = "timeout",
    methods: tuple[str, ...] = VERBS,
) -> list[ast.Call]:
    """The ast gate: ``x.get(...)`` (one of ``methods``: an HTTP verb by default) whose ``keyword``
    argument is ``wanted`` (given its value, None where it is not passed) in a module that
    calls ``Session()`` or ``session()``, by those names or through an import's alias
    (``from requests import session as new``), erring towards more calls."""
    imported = imported_tails(tree)
    calls = nodes(tree, ast.Call)
    if not any(callee_tails(node.func, imported) & {"Session", "session"} for node in calls):
        return []
    return _verb_calls(tree, wanted, keyword, methods)


def _verb_calls(
    tree: ast.Module,
    wanted: Callable[[ast.expr | None], bool],
    keyword: str = "timeout",
    methods: tuple[str, ...] = VERBS,
) -> list[ast.Call]:
    return [
        node
        for node in nodes(tree, ast.Call)
        if isinstance(node.func, ast.Attribute)
        and node.func.attr in methods
        and wanted(next((k.value for k in node.keywords if k.arg == keyword), None))
    ]


def made_session(
    receiver: cst.BaseExpression,
    bound: list[cst.BaseExpression] | None,
    made_by: Callable[[cst.BaseExpression], set[str]],
    around: cst.CSTNode,
    or_given: bool = False,
) -> bool:
    """Is ``receiver``, bound to ``bound`` (every value it is given), a session made with
    ``requests.Session()`` whose ``request`` ``around`` (its function, or its class for a
    ``self.`` attribute) does not replace? With ``or_given``, one bound to ``session or
    Session()`` too (pyzabbix's: the caller's session, else a stock one). Its defaults may
    still come from an adapter mounted on it: see ``foreign_adapters``."""
    made = [
        _made_part(value) if or_given else value
        for value in bound or ()
        if not m.matches(value, m.Name("None"))
    ]
    if not made or not all(
        isinstance(value, cst.Call) and made_by(value.func) & SESSION_CLASSES for value in made
    ):
        return False
    written = code_of(receiver)
    return not any(
        code_of(node.value) == written and _assigned(around, node)  # type: ignore[attr-defined]
        for node in m.findall(around, m.Attribute(attr=m.Name("request")))
    )


def session_made_with(
    receiver: cst.BaseExpression,
    made_by: Callable[[cst.BaseExpression], set[str]],
    bound_of: Callable[[cst.Name], list[cst.BaseExpression] | None],
    module: cst.Module,
    around: tuple[cst.FunctionDef | None, cst.ClassDef | None],
    or_given: bool = False,
) -> tuple[bool, list[str]]:
    """Is ``receiver`` (a name, or a ``self.`` attribute), called in the function and class
    ``around`` (the innermost of each), a ``requests.Session()`` the code makes, its
    ``request`` not replaced (see ``made_session``); and which adapters mounted on it may
    set a default of their own (see ``foreign_adapters``)?"""
    function, owner = around
    if isinstance(receiver, cst.Name):
        where = function or module
        made = made_session(receiver, bound_of(receiver), made_by, where, or_given)
        return made, foreign_adapters(receiver, made_by, where, module) if made else []
    if owner is None or not m.matches(receiver, m.Attribute(value=m.Name("self"))):
        return False, []
    return _attribute_session_made_with(receiver, owner, made_by, module, or_given)


def _attribute_session_made_with(
    receiver: cst.BaseExpression,
    owner: cst.ClassDef,
    made_by: Callable[[cst.BaseExpression], set[str]],
    module: cst.Module,
    or_given: bool,
) -> tuple[bool, list[str]]:
    """:func:`session_made_with` for a ``self.`` attribute: bound in the methods of ``owner``
    and its bases in the module, or in their bodies, where mounts on it are under its plain
    name (``session.mount(...)``)."""
    # etesync's BaseManager makes self.requests, its subclasses in the module call it
    chain = module_class_chain(module, owner)
    attribute = receiver.attr.value  # type: ignore[attr-defined]
    # pyexchange's build_session(); a parameter stored after ``if session is None:``
    bound = self_attribute_values(chain, attribute, made_by)
    in_body = class_body_values(module, chain, attribute)  # keystone-rxt's class attribute
    if in_body is None:
        return False, []
    receivers = [receiver, cst.Name(attribute)] if in_body else [receiver]
    made = all(
        made_session(one, bound + in_body, made_by, cls, or_given)
        for one in receivers
        for cls in chain
    )
    if not made:
        return False, []
    return True, [
        found
        for cls in chain
        for one in receivers
        for found in foreign_adapters(one, made_by, cls, module)
    ]


def foreign_adapters(
    receiver: cst.BaseExpression,
    made_by: Callable[[cst.BaseExpression], set[str]],
    around: cst.CSTNode,
    module: cst.Module,
) -> list[str]:
    """The adapters ``around`` mounts on ``receiver`` that may set a timeout of their own,
    as written (``TimeoutAdapter``): any but requests' own ``HTTPAdapter``, a subclass
    ``module`` defines that neither defines ``send`` nor mentions a timeout, or one mounted
    for a prefix no http(s) URL starts with (``file://``)."""
    written = code_of(receiver)
    mounts = {
        id(call.func): call
        for call in m.findall(around, m.Call(func=m.Attribute(attr=m.Name("mount"))))
    }
    return [
        _adapter_named(mounts.get(id(node)), around)
        for node in m.findall(around, m.Attribute(attr=m.Name("mount")))
        if code_of(node.value) == written  # type: ignore[attr-defined]
        and not _mounts_requests_adapter(mounts.get(id(node)), made_by, around, module)
        and not _mounted_for_other_schemes(mounts.get(id(node)))
    ]


def given_or_requests(
    value: cst.BaseExpression, made_by: Callable[[cst.BaseExpression], set[str]]
) -> bool:
    """``session or requests``: the caller's session, else the requests module itself
    (premailer's ``self.session = session or requests``)."""
    return (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.left, (cst.Name, cst.Attribute))
        and "requests" in made_by(value.right)
    )


def given_or_stock_session(
    value: cst.BaseExpression, made_by: Callable[[cst.BaseExpression], set[str]]
) -> bool:
    """``session or requests.Session()``: the caller's session, else a stock one
    (requests-oauth2client's ``session = session or requests.Session()``)."""
    return (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.left, (cst.Name, cst.Attribute))
        and _stock_session(value.right, made_by)
    )


def made_unless_given(
    around: cst.CSTNode, name: str, made_by: Callable[[cst.BaseExpression], set[str]]
) -> list[cst.Name]:
    """The targets of ``name = requests.Session()`` right under ``if name is None:`` in
    ``around`` (requests-oauth2client's: the caller's session, else a stock one)."""
    return [target for target, _ in _made_if_unset(around, name, made_by)]


def _made_if_unset(
    around: cst.CSTNode, name: str, made_by: Callable[[cst.BaseExpression], set[str]]
) -> list[tuple[cst.Name, cst.Call]]:
    """Each ``name = requests.Session()`` right under ``if name is None:`` in ``around``, as
    its target and its value."""
    unset = m.If(
        test=m.Comparison(
            left=m.Name(name),
            comparisons=[m.ComparisonTarget(operator=m.Is(), comparator=m.Name("None"))],
        )
    )
    return [
        (target.target, assign.value)  # type: ignore[misc]
        for branch in m.findall(around, unset)
        for line in branch.body.body  # type: ignore[attr-defined]
        if isinstance(line, cst.SimpleStatementLine)
        for assign in line.body
        if isinstance(assign, cst.Assign) and _stock_session(assign.value, made_by)
        for target in assign.targets
        if m.matches(target.target, m.Name(name))
    ]


def _stock_session(
    value: cst.BaseExpression, made_by: Callable[[cst.BaseExpression], set[str]]
) -> bool:
    return isinstance(value, cst.Call) and bool(made_by(value.func) & SESSION_CLASSES)


def may_call_given_or_requests(
    tree: ast.Module, wanted: Callable[[ast.expr | None], bool]
) -> list[ast.Call]:
    """The ast gate of ``given_or_requests``: ``x.get(...)`` (an HTTP verb) whose
    ``timeout=`` is ``wanted`` in a module with a ``... or requests`` (by any name an
    ``import requests`` binds)."""
    requests_names = {
        alias.asname or alias.name
        for node in nodes(tree, ast.Import)
        for alias in node.names
        if alias.name == "requests"
    }
    if not any(
        isinstance(node.op, ast.Or)
        and isinstance(node.values[-1], ast.Name)
        and node.values[-1].id in requests_names
        for node in nodes(tree, ast.BoolOp)
    ):
        return []
    return _verb_calls(tree, wanted)


def _made_part(value: cst.BaseExpression) -> cst.BaseExpression:
    """``Session()`` of ``session or Session()``; else ``value``."""
    if (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.left, (cst.Name, cst.Attribute))
    ):
        return value.right
    return value


def _mounted(mount: cst.Call | None, around: cst.CSTNode) -> cst.BaseExpression | None:
    """The adapter of ``session.mount(prefix, adapter)``, followed through a name bound once
    in ``around`` (dns-lexicon's ``session_adapter``)."""
    if mount is None or len(mount.args) != 2:
        return None
    adapter = mount.args[1].value
    if isinstance(adapter, cst.Name):
        values = values_assigned(around, adapter.value)
        adapter = values[0] if len(values) == 1 else adapter
    return adapter


def _mounted_for_other_schemes(mount: cst.Call | None) -> bool:
    """Is ``mount`` ``session.mount(prefix, adapter)`` for a string literal prefix that no
    http(s) URL starts with (openstack-flavor-manager's ``"file://"``)? requests gives a URL
    the adapter of the longest prefix it starts with, both lowercased."""
    given = None if mount is None else argument(mount, "prefix", 0)
    if given is None or not isinstance(given.value, cst.SimpleString):
        return False
    prefix = given.value.evaluated_value
    if not isinstance(prefix, str):
        return False
    prefix = prefix.lower()
    return not any(
        prefix.startswith(scheme) or scheme.startswith(prefix) for scheme in _HTTP_PREFIXES
    )


def _adapter_named(mount: cst.Call | None, around: cst.CSTNode) -> str:
    """``TimeoutAdapter`` of ``session.mount(prefix, TimeoutAdapter(...))``."""
    adapter = _mounted(mount, around)
    if adapter is None:
        return "an adapter"
    return code_of(adapter.func if isinstance(adapter, cst.Call) else adapter)


def _mounts_requests_adapter(
    mount: cst.Call | None,
    made_by: Callable[[cst.BaseExpression], set[str]],
    around: cst.CSTNode,
    module: cst.Module,
) -> bool:
    """Is ``mount`` ``session.mount(prefix, adapter)`` of requests' own ``HTTPAdapter``, for
    retries, or of a subclass of it the module defines that sets no timeout (awscurl's
    ``_TLSAdapter``, for an SSL context)?"""
    adapter = _mounted(mount, around)
    if not isinstance(adapter, cst.Call):
        return False
    if made_by(adapter.func) & REQUESTS_ADAPTERS:
        return True
    return isinstance(adapter.func, cst.Name) and _plain_adapter_class(
        module, adapter.func, made_by
    )


def _plain_adapter_class(
    module: cst.Module, name: cst.Name, made_by: Callable[[cst.BaseExpression], set[str]]
) -> bool:
    """Is ``name`` a class ``module`` defines once, at its top level and bound no other way,
    that derives from requests' ``HTTPAdapter`` through classes of the module alike: none
    decorated, none defining ``send`` or mentioning a timeout (its own ``send()``, or one
    its ``__init__`` keeps, may give a call that passes none a default)?"""
    classes = [cls for cls in nodes_of_type(module, cst.ClassDef) if cls.name.value == name.value]
    if made_by(name) or len(classes) != 1 or classes[0] not in module.body:
        return False
    if values_assigned(module, name.value):
        return False
    chain = module_class_chain(module, classes[0])
    own = {cls.name.value for cls in chain}
    if not any(made_by(base.value) & REQUESTS_ADAPTERS for cls in chain for base in cls.bases):
        return False
    return all(
        not cls.decorators
        and not cls.keywords
        and "timeout" not in code_of(cls).lower()
        and not m.findall(cls.body, m.FunctionDef(name=m.Name("send")))
        and not values_assigned(cls, "send")
        and all(
            (isinstance(base.value, cst.Name) and base.value.value in own)
            or made_by(base.value) & REQUESTS_ADAPTERS
            for base in cls.bases
        )
        for cls in chain
    )


def module_class_chain(module: cst.Module, owner: cst.ClassDef) -> list[cst.ClassDef]:
    """``owner`` and the base classes the module defines for it at its top level, through
    their bases in the module too (etesync's ``JournalManager(BaseManager)``)."""
    classes: dict[str, list[cst.ClassDef]] = {}
    for statement in module.body:
        if isinstance(statement, cst.ClassDef):
            classes.setdefault(statement.name.value, []).append(statement)
    chain, pending = [owner], [owner]
    while pending:
        for base in pending.pop().bases:
            found = classes.get(base.value.value, []) if isinstance(base.value, cst.Name) else []
            if len(found) == 1 and found[0] not in chain:
                chain.append(found[0])
                pending.append(found[0])
    return chain


def self_attribute_values(
    chain: list[cst.ClassDef], attribute: str, made_by: Callable[[cst.BaseExpression], set[str]]
) -> list[cst.BaseExpression]:
    """What the methods of ``chain`` bind ``self.<attribute>`` to, through the methods that
    build it (:func:`through_builders`), and a parameter stored there after ``if session is
    None: session = requests.Session()`` as ``session or requests.Session()`` (the caller's
    session, else a stock one)."""
    bound = [value for cls in chain for value in plain_self_assignments(cls, attribute)]
    made = {
        id(value): cst.BooleanOperation(value, cst.Or(), stock)
        for cls in chain
        for method in cls.body.body
        if isinstance(method, cst.FunctionDef)
        for value in plain_self_assignments(method, attribute)
        if isinstance(value, cst.Name)
        and (stock := _stock_unless_given(method, value.value, made_by)) is not None
    }
    return through_builders([made.get(id(value), value) for value in bound], chain, attribute)


def _stock_unless_given(
    method: cst.FunctionDef, name: str, made_by: Callable[[cst.BaseExpression], set[str]]
) -> cst.Call | None:
    """The ``requests.Session()`` that ``method`` gives its parameter ``name`` under ``if
    name is None:``, where it binds ``name`` no other way; else None."""
    params = method.params
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    if not any(param.name.value == name for param in every):
        return None
    made = _made_if_unset(method.body, name, made_by)
    named = m.Name(name)
    binding = (
        m.AssignTarget(target=named)
        | m.AugAssign(target=named)
        | m.AnnAssign(target=named)
        | m.For(target=named)
        | m.NamedExpr(target=named)
        | m.AsName(name=named)
    )
    if len(made) != 1 or len(m.findall(method.body, binding)) != 1:
        return None
    return made[0][1]


def plain_self_assignments(owner: cst.CSTNode, attribute: str) -> list[cst.BaseExpression]:
    """What ``self.<attribute> = value`` statements in ``owner`` assign. Unlike
    kit/bindings' ``self_attribute_values``, writes to its own attributes
    (cinder's ``self.session.verify = ...``) do not count against it: a session is set
    up that way."""
    target = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
    plain = [
        assign.value  # type: ignore[attr-defined]
        for assign in m.findall(owner, m.Assign())
        if any(m.matches(t.target, target) for t in assign.targets)  # type: ignore[attr-defined]
    ]
    # pulp-glue's ``self._session: requests.Session = requests.session()``
    annotated = [
        assign.value
        for assign in nodes_of_type(owner, cst.AnnAssign)
        if assign.value is not None and m.matches(assign.target, target)
    ]
    return plain + annotated


def class_body_values(
    module: cst.Module, chain: list[cst.ClassDef], attribute: str
) -> list[cst.BaseExpression] | None:
    """What the bodies of ``chain`` bind ``attribute`` to by ``attribute = value`` (keystone-rxt's
    ``session = requests.Session()``); None where one binds it another way too (a method of
    that name, an unpacking, a loop), or it binds it and the module assigns it through
    another name than ``self`` (``cls.session = session``)."""
    found: list[cst.BaseExpression] = []
    for statement in (statement for cls in chain for statement in cls.body.body):
        values = _class_statement_values(statement, attribute)
        if values is None:
            return None
        found += values
    if found and any(
        isinstance(target.target, cst.Attribute)
        and target.target.attr.value == attribute
        and not m.matches(target.target.value, m.Name("self"))
        for target in nodes_of_type(module, cst.AssignTarget)
    ):
        return None
    return found


def _class_statement_values(
    statement: cst.CSTNode, attribute: str
) -> list[cst.BaseExpression] | None:
    """What ``statement`` of a class body binds ``attribute`` to by ``attribute = value``;
    None where it binds it another way."""
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return None if statement.name.value == attribute else []
    plain = m.Assign(targets=[m.AssignTarget(target=m.Name(attribute))])
    typed = m.AnnAssign(target=m.Name(attribute))
    small = statement.body if isinstance(statement, cst.SimpleStatementLine) else []
    values = [node.value for node in small if m.matches(node, plain | typed)]  # type: ignore[attr-defined]
    named = m.Name(attribute)
    other = m.AssignTarget(target=named) | m.AugAssign(target=named) | m.For(target=named)
    if len(m.findall(statement, other | typed)) != len(values) or _unpacks(statement, named):
        return None
    return [value for value in values if value is not None]


def _unpacks(statement: cst.CSTNode, named: m.BaseMatcherNode) -> bool:
    """Does ``statement`` unpack a value into ``named`` (``session, other = ...``)?"""
    targets = [
        node.target  # type: ignore[attr-defined]
        for node in m.findall(statement, m.AssignTarget() | m.For())
        if isinstance(node.target, (cst.Tuple, cst.List))  # type: ignore[attr-defined]
    ]
    return any(m.findall(target, named) for target in targets)


def through_builders(
    values: list[cst.BaseExpression],
    chain: list[cst.ClassDef],
    attribute: str,
    with_arguments: bool = False,
) -> list[cst.BaseExpression]:
    """``values`` bound to ``self.<attribute>``, where a ``self.<method>()`` of one method of
    ``chain`` (pyexchange's ``self.session = self.build_session()``) stands for what that
    method returns other than ``self.<attribute>`` itself (None where it returns nothing);
    ``with_arguments``, called with any (networking-odl's ``self._get_req_params(params)``)."""
    found: list[cst.BaseExpression] = []
    for value in values:
        returned = _returned_by_method(value, chain, with_arguments)
        if returned is None:
            found.append(value)
            continue
        own = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
        found += [given for given in returned if not m.matches(given, own)]
    return found


def _returned_by_method(
    value: cst.BaseExpression, chain: list[cst.ClassDef], with_arguments: bool = False
) -> list[cst.BaseExpression] | None:
    """What the method ``value`` calls with no arguments (``self.build_session()``; or any,
    ``with_arguments``) returns, where one method of that name in ``chain`` defines it,
    neither yielding nor nesting a function; else None."""
    method = m.Call(func=m.Attribute(value=m.Name("self")))
    if not isinstance(value, cst.Call) or not m.matches(value, method):
        return None
    if value.args and not with_arguments:
        return None
    name = value.func.attr.value  # type: ignore[attr-defined]
    defined = [
        statement
        for cls in chain
        for statement in cls.body.body
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name
    ]
    if len(defined) != 1 or m.findall(defined[0].body, m.Yield() | m.FunctionDef() | m.Lambda()):
        return None
    returns = list(nodes_of_type(defined[0].body, cst.Return))
    return [given.value or cst.Name("None") for given in returns] or [cst.Name("None")]


def _assigned(tree: cst.CSTNode, attribute: cst.Attribute) -> bool:
    return any(
        target.target is attribute
        for assign in m.findall(tree, m.Assign())
        for target in assign.targets  # type: ignore[attr-defined]
    )
