"""``silent-except``: a ``try`` that only assigns, where a failure keeps what was there.

An optional value that keeps its default, an optional import or dependency, an
entry removed that may not be there; or a name the handler leaves unbound, which
has no default to keep.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._silent_comments import any_explains
from cwemod.codemods._silent_fallback import is_literal
from cwemod.codemods._silent_tree import (
    ParentOf,
    index_in,
    may_bind,
    only_imports,
    reads,
    statements_after,
)
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import positional_arg
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of


def left_unbound(statement: cst.Try, parent_of: ParentOf) -> tuple[str, bool] | None:
    """The name a ``try`` whose body is one ``name = ...`` binds, when nothing before the
    ``try`` in its function (or module) binds it and code after it reads it: there is no
    default to keep on failure. With it, whether the try is in a loop, whose later turns
    keep what the turn before bound."""
    body = statement.body.body
    one_name = m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name())])])
    if len(body) != 1 or not m.matches(body[0], one_name):
        return None
    name = body[0].body[0].targets[0].target.value  # type: ignore[attr-defined]
    current: cst.CSTNode = statement
    read_after = in_a_loop = False
    while True:
        block = parent_of(current)
        if not isinstance(block, (cst.IndentedBlock, cst.Module)) or not any(
            statement is current for statement in block.body
        ):
            return None  # a statement on its colon's line, in a lambda...: not followed
        index = index_in(block.body, current)
        if any(may_bind(earlier, name) for earlier in block.body[:index]):
            return None
        read_after = read_after or _read_before_rebound(block.body[index + 1 :], name)
        owner = parent_of(block)
        if isinstance(block, cst.Module) or isinstance(owner, cst.FunctionDef):
            parameters = m.findall(owner.params, m.Param(name=m.Name(name))) if owner else []
            return (name, in_a_loop) if read_after and not parameters else None
        if owner is None or isinstance(owner, cst.ClassDef):
            return None
        if isinstance(owner, (cst.For, cst.While)):
            if isinstance(owner, cst.For) and m.findall(owner.target, m.Name(name)):
                return None  # the loop binds it each turn
            in_a_loop = True
        current = owner
        while not isinstance(parent_of(current), (cst.IndentedBlock, cst.Module)):
            current = parent_of(current)  # an else, except or finally block: its statement
            if current is None:
                return None


def _read_before_rebound(statements: Sequence[cst.BaseStatement], name: str) -> bool:
    """Do ``statements`` read the ``name`` a try binds? Not where a later ``try`` binds it
    first and reads its own (pypykatz's ``get_default_logon()``: three ``try: data = ...``
    blocks, each read in its own ``else:``)."""
    binds = m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name(name))])])
    for statement in statements:
        own = {
            id(found)
            for attempt in m.findall(statement, m.Try())
            if m.matches(attempt.body.body[0], binds)  # type: ignore[attr-defined]
            for part in (attempt.body, attempt.orelse)  # type: ignore[attr-defined]
            if part is not None
            for found in m.findall(part, m.Name(name))
        }
        if any(id(found) not in own for found in _read_names(statement, name)):
            return True
    return False


def _read_names(statement: cst.BaseStatement, name: str) -> list[cst.CSTNode]:
    """The ``name`` nodes of ``statement`` that read it."""
    stores = {
        id(target.target)
        for assign in m.findall(statement, m.Assign())
        for target in assign.targets  # type: ignore[attr-defined]
    }
    return [found for found in m.findall(statement, m.Name(name)) if id(found) not in stores]


# ``del fields['timestamp']`` once its value is converted (insights-core's vdsm log parser).
_DELETES_AN_ITEM = m.Del(target=m.Subscript())
# ``args += [...]``: items added to a local list (not ``counts[key] += 1``, a count).
# ranger's crash message: exit_msg += "Current file: {0}\n".format(...), an optional part
_ADDS_ITEMS = (
    # a store into a local, whatever its type: luigi's `args += [...]`, discord.py's
    # setup.py `version += out.decode('utf-8').strip()`
    m.AugAssign(target=m.Name(), operator=m.AddAssign())
    # ncclient's optional transport: __all__.append('UnixSocketSession')
    | m.Expr(
        m.Call(func=m.Attribute(value=m.Name("__all__"), attr=m.Name("append") | m.Name("extend")))
    )
    # sentry-sdk's user_info.setdefault("email", user.email): a store, as user_info[...] = is;
    # pretix's common_checkin_args.update({'raw_item': parsed.item, ...}) too
    | m.Expr(m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("setdefault") | m.Name("update"))))
)


def sets_up_an_optional_dependency(statement: cst.Try, parent_of: ParentOf) -> bool:
    """A module-level try that starts with imports, then only defines classes and functions
    and assigns (registers them)."""
    body = statement.body.body
    if not isinstance(parent_of(statement), cst.Module) or not body or not only_imports(body[0]):
        return False
    return all(
        isinstance(line, (cst.ClassDef, cst.FunctionDef))
        or only_imports(line)
        or (
            isinstance(line, cst.SimpleStatementLine)
            and all(isinstance(small, (cst.Assign, cst.AnnAssign)) for small in line.body)
        )
        for line in body[1:]
    )


def only_deletes(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Only ``del`` of items, attributes or names (``del mapping[key]``, ``del a, b``), one at
    least, after the lookups that find them (markdown's ``i = self.tokens.index(token)``).

    hyperopt's clone_merge(): ``del node`` after a comprehension over ``node`` is Python 2
    code; in Python 3 the name is never bound, and the handler runs on every call."""
    statements = list(statements)
    while statements and m.matches(statements[0], _LOOKS_UP_AN_INDEX):
        statements.pop(0)
    return bool(statements) and all(
        m.matches(statement, m.SimpleStatementLine([m.Del()]))
        and _deletes_only(statement.body[0].target)  # type: ignore[attr-defined]
        for statement in statements
    )


def _deletes_only(target: cst.BaseExpression) -> bool:
    """Items, attributes or names, one or several (``del a, b``)."""
    if isinstance(target, cst.Tuple):
        return bool(target.elements) and all(_deletes_only(e.value) for e in target.elements)
    return isinstance(target, (cst.Subscript, cst.Attribute, cst.Name))


_LOOKS_UP_AN_INDEX = m.SimpleStatementLine(
    [m.Assign(value=m.Call(func=m.Attribute(attr=m.Name("index"))))]
)


def only_assigns(
    statements: tuple[cst.BaseStatement, ...] | list, own: frozenset[str] = frozenset()
) -> bool:
    """Only assignments (``if`` and ``for`` around them allowed): a value that keeps its
    default on failure.

    ``args += [("host", socket.gethostname())]`` too: luigi's worker info leaves out
    what it cannot read; and imports: mlflow adds the pipeline classes of the
    libraries that are installed (``from transformers import X``, then
    ``supported += (X,)``). gallery-dl's config lookup walks a path
    (``for p in path: conf = conf[p]``) and keeps the default when a key is missing.
    """
    for statement in statements:
        if isinstance(statement, cst.For):
            if statement.orelse is not None or not only_assigns(statement.body.body, own):
                return False
        elif isinstance(statement, cst.If):
            orelse = statement.orelse
            branches = [_statements_of(statement.body)]
            if orelse is not None:
                branches.append(
                    [orelse] if isinstance(orelse, cst.If) else _statements_of(orelse.body)
                )
            if not all(only_assigns(branch, own) for branch in branches):
                return False
        elif not (
            isinstance(statement, cst.SimpleStatementLine)
            and all(
                # py-cpuinfo's cache lookup: `cache_size = value['size']`, then `break`;
                # solaar's `assert` on the number read, before a range check
                isinstance(
                    small,
                    (cst.Assign, cst.AnnAssign, cst.Import, cst.ImportFrom, cst.Break, cst.Assert),
                )
                or m.matches(small, _ADDS_ITEMS | _DELETES_AN_ITEM)
                for small in statement.body
            )
        ) or any(_writes_into_another_object(small, own) for small in statement.body):
            return False
    return bool(statements)


def only_stores_an_entry(statements: Sequence[cst.BaseStatement]) -> str | None:
    """The container, where the statements are one line that only stores into one item of
    it (oci-cli's ``OVERRIDES[service_name + ...] = new_name``); None otherwise."""
    line = statements[0] if len(statements) == 1 else None
    if not m.matches(line, m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Subscript())])])):
        return None
    return code_of(line.body[0].targets[0].target.value)  # type: ignore[union-attr]


def attributes_set(statements: Sequence[cst.BaseStatement], own: frozenset[str]) -> set[str]:
    """The names of the objects whose attributes the statements set, where they do nothing
    else and each is an object the function made (pypykatz's ``sk.keyword =
    sk.keyword.decode(...)``, sentry-sdk's ``wrapper.__signature__ = inspect.signature(f)``),
    or ``self`` or ``cls`` set to a literal (osi-dump's ``self.microversion = "2.95"``, where
    nothing is read): a setting, not a value read. Empty otherwise."""
    owners = [_set_on(target, value, own) for target, value in _stores(statements)]
    return set() if not owners or None in owners else set(owners)  # type: ignore[arg-type]


def _set_on(
    target: cst.BaseExpression | None, value: cst.BaseExpression | None, own: frozenset[str]
) -> str | None:
    """The owner ``target`` sets an attribute of, where it makes the store a setting."""
    owner = _owner_of(target, own) if isinstance(target, cst.Attribute) else None
    literal = value is not None and is_literal(value)
    return owner if owner in own or (owner is not None and literal) else None


def _stores(
    statements: Sequence[cst.BaseStatement],
) -> list[tuple[cst.BaseExpression | None, cst.BaseExpression | None]]:
    """The target and value of each of the statements' assignments; None and None for each
    statement that is none."""
    smalls = [
        small
        for line in statements
        for small in (line.body if isinstance(line, cst.SimpleStatementLine) else [None])
    ]
    return [
        (target.target, small.value) if isinstance(small, cst.Assign) else (None, None)
        for small in smalls
        for target in (small.targets if isinstance(small, cst.Assign) else [None])
    ]


def converted_in_place(
    statements: Sequence[cst.BaseStatement],
) -> tuple[str, cst.Call] | None:
    """The name and call of a ``name = f(name)`` among the try's statements, where it is the
    name's first binding there: the value it converts comes from before the try (not
    py-cpuinfo's ``value = fields.get(...)``, then ``value = dict(...)``, a temporary)."""
    bound: set[str] = set()
    for line in statements:
        for assign in m.findall(line, m.Assign(targets=[m.AssignTarget(m.Name())])):
            name = assign.targets[0].target.value  # type: ignore[attr-defined]
            value = assign.value  # type: ignore[attr-defined]
            if name not in bound and isinstance(value, cst.Call) and reads(value, name):
                return name, value
            bound.add(name)
    return None


def formats_a_template(statements: Sequence[cst.BaseStatement]) -> bool:
    """Does the try only fill a template in place (``message = message % kwargs``, or
    ``message.format(...)``)? Nothing is read there: where the arguments do not fit the
    template, a caller passed the wrong ones (glance_store's exception base), a mistake
    to log, not a missing value whose default is kept."""
    assigns = [
        assign
        for line in statements
        for assign in m.findall(line, m.Assign() | m.AugAssign() | m.AnnAssign())
    ]
    return bool(assigns) and all(_fills_in_place(assign) for assign in assigns)


def _fills_in_place(assign: cst.CSTNode) -> bool:
    if not m.matches(assign, m.Assign(targets=[m.AssignTarget(m.Name())])):
        return False
    name = assign.targets[0].target.value  # type: ignore[attr-defined]
    formatted = m.BinaryOperation(left=m.Name(name), operator=m.Modulo()) | m.Call(
        func=m.Attribute(value=m.Name(name), attr=m.Name("format"))
    )
    return m.matches(assign.value, formatted)  # type: ignore[attr-defined]


def converted_reason(statement: cst.Try, name: str, call: cst.Call, parent_of: ParentOf) -> str:
    """Why a name converted in place is left alone; a default for the handler is suggested
    only where no comment explains the conversion, it is no parse of the name's own text,
    and the next statement needs the result."""
    if any_explains(_comments_of_the_line(statement, call)):
        # shuup's product importer: `value = int(value)  # ... xlrd causes 1 to be 1.0`
        return (
            f"a comment in the try explains the conversion of {name}: it is converted in"
            " place where it can be, and keeps the value it had where it cannot"
        )
    if m.matches(call.func, _PARSER) and m.matches(positional_arg(call, 0), m.Arg(m.Name(name))):
        # py2app's FixupTargets(): `targets = eval(targets)`; setup(app=[...]) gives a list
        return (
            f"{name} is parsed in place ({code_of(call.func)}()) where it is text: where it is"
            " not, or the parse fails, the raw value is the intended fallback, used as given;"
            " a default in the handler would lose it"
        )
    after = statements_after(statement, parent_of)
    read = _read_names(after[0], name) if after else []
    as_text = m.findall(after[0], m.Call(func=_AS_TEXT, args=[m.Arg(m.Name(name))])) if read else []
    if read and len(as_text) == len(read):
        # shuup's `relmapper.fk_cache.get(str(value))` takes the raw value or the int
        return (
            f"{name} is converted in place: when that fails it keeps the value it had, and"
            " the statement after the try reads it as text, which either form gives"
        )
    given = (
        None
        if _starts_as_none(statement, name, parent_of)
        else _used_as_given(statement, name, after[0] if after else None, parent_of)
    )
    if given is not None:
        # mongoengine's to_python(): `return value` after `value = ObjectId(value)`
        return (
            f"{name} is converted in place and used as given when that fails: the raw value"
            f" is the intended fallback ({given}); a default in the handler would lose it"
        )
    # octoprint-firmwarecheck: version = None, ..., version = get_comparable_version(version)
    return (
        f"{name} is converted in place: when that fails it keeps the value it had, not a"
        f" default; set it in the handler ({name} = None) by hand where later code expects"
        " the converted one"
    )


def _comments_of_the_line(statement: cst.Try, call: cst.Call) -> list[cst.Comment | None]:
    """The comments on the conversion's own line and just above it: what explains it. Not
    those above the try or elsewhere in it, which say what the code does there (zappa's
    section labels, "# Line headers"); one of those about failing is a reason of its own."""
    for line in m.findall(statement.body, m.SimpleStatementLine()):
        if any(node is call for node in m.findall(line, m.Call())):
            above = [empty.comment for empty in line.leading_lines]  # type: ignore[attr-defined]
            return [*above, line.trailing_whitespace.comment]  # type: ignore[attr-defined]
    return []


def _starts_as_none(statement: cst.Try, name: str, parent_of: ParentOf) -> bool:
    """Does the function around ``statement`` bind ``name`` to None somewhere: its own
    answer for no value (octoprint-firmwarecheck's ``version = None``)? Not in the other
    branch of an ``if`` that holds the try in one (msldap's cstruct: ``count = None`` for
    no count, else ``count = Expression(...)`` evaluated in the try), where None means
    something else."""
    function = enclosing_function(statement, parent_of)
    none = m.Assign(targets=[m.AssignTarget(m.Name(name))], value=m.Name("None"))
    return function is not None and any(
        not _in_another_branch(assign, statement, parent_of)
        for assign in m.findall(function.body, none)
    )


def _in_another_branch(node: cst.CSTNode, statement: cst.CSTNode, parent_of: ParentOf) -> bool:
    """Do ``node`` and ``statement`` lie in different branches of one ``if``?"""
    path = [statement, *ancestors(statement, parent_of)]
    below = node
    for around in ancestors(node, parent_of):
        if any(around is step for step in path):
            if not isinstance(around, cst.If):
                return False
            other = path[[step is around for step in path].index(True) - 1]
            return {id(below), id(other)} == {id(around.body), id(around.orelse)}
        below = around
    return False


def _used_as_given(
    statement: cst.Try, name: str, after: cst.BaseStatement | None, parent_of: ParentOf
) -> str | None:
    """How the code after the try takes the raw value as it is when the conversion fails:
    the statement right after it returns, yields or stores the name itself (mongoengine's
    ``return value``, or ``key_list.append((key, direction))``); or a try around it returns
    the value the name started as when anything fails (zappa's colorizers: ``final_string =
    string``, each colouring step in a try of its own, and ``except Exception: return
    string``). None otherwise."""
    if isinstance(after, cst.SimpleStatementLine) and any(
        _passes_on(small, name) for small in after.body
    ):
        return "the statement after the try passes it on as it is"
    function = enclosing_function(statement, parent_of)
    alias = m.Assign(targets=[m.AssignTarget(m.Name(name))], value=m.Name())
    sources = {name} | {
        assign.value.value  # type: ignore[attr-defined]
        for assign in (m.findall(function.body, alias) if function else [])
    }
    inner: cst.CSTNode = statement
    for outer in ancestors(statement, parent_of):
        if outer is function:
            return None
        if isinstance(outer, cst.Try) and inner is outer.body:
            for handler in outer.handlers:
                line = handler.body.body[0] if isinstance(handler.body, cst.IndentedBlock) else None
                returned = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
                value = returned.value if isinstance(returned, cst.Return) else None
                if isinstance(value, cst.Name) and value.value in sources:
                    return f"the try around it returns {value.value} when anything fails"
        inner = outer
    return None


def _passes_on(small: cst.BaseSmallStatement, name: str) -> bool:
    """Does ``small`` return, yield, store or pass to a call ``name`` itself, alone or in a
    tuple or list (no attribute of it, no call on it)?"""
    if isinstance(small, cst.Return):
        value = small.value
    elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Yield):
        value = small.value.value
    elif isinstance(small, cst.Assign):
        stored = any(m.matches(target.target, m.Name(name)) for target in small.targets)
        value = None if stored else small.value
    elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
        value = small.value
    else:
        return False
    return value is not None and _given(value, name)


def _given(value: cst.BaseExpression, name: str) -> bool:
    """``name`` itself, or an element of a tuple or list, or an argument of a call
    (``items.append(name)``; msldap's cstruct: ``Array(self.cstruct, type_, count)``, which
    takes the count evaluated or not)."""
    if isinstance(value, (cst.Tuple, cst.List)):
        return any(m.matches(element.value, m.Name(name)) for element in value.elements)
    if isinstance(value, cst.Call):
        return any(
            not isinstance(arg.value, cst.Call) and _given(arg.value, name) for arg in value.args
        )
    return m.matches(value, m.Name(name))


_AS_TEXT = m.Name("str") | m.Name("repr")
# a parse of text into a value: what is not text (or does not parse) is used as given
_PARSER = (
    m.Name("eval")
    | m.Name("literal_eval")
    | m.Attribute(attr=m.Name("literal_eval") | m.Name("loads") | m.Name("safe_load"))
    | m.Attribute(m.Name("yaml"), m.Name("load") | m.Name("full_load"))
)


def _statements_of(block: cst.BaseSuite) -> list[cst.BaseStatement]:
    """The statements of a block; a one-line suite's (deemix's ``if x == "undefined": x =
    None``) as one statement line."""
    if isinstance(block, cst.SimpleStatementSuite):
        return [cst.SimpleStatementLine(body=block.body)]
    return list(block.body)  # type: ignore[arg-type]


def _writes_into_another_object(small: cst.BaseSmallStatement, own: frozenset[str]) -> bool:
    """Does ``small`` set an attribute of an object not the method's own (pysnmp's
    ``node.syntax = node.syntax.clone(key_bytes)``, a user's new key)? A write that fails
    keeps no default: what it was to change stays as it was. An object the function made
    itself is its own (pypykatz's ``sk = CREDENTIAL_ATTRIBUTE()``, then ``sk.keyword``), but
    only as the attribute's direct owner: osi-dump's ``self.connection.compute.x = ...``
    writes into the compute proxy, not into self."""
    targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else []
    return any(
        isinstance(target, cst.Attribute) and _owner_of(target, own) is None for target in targets
    )


def _owner_of(target: cst.Attribute, own: frozenset[str]) -> str | None:
    """The name of the object whose attribute ``target`` is, where that is ``self``, ``cls``
    or an object of ``own`` itself (not one reached through it); None otherwise."""
    owner = target.value
    if isinstance(owner, cst.Name) and owner.value in {"self", "cls", *own}:
        return owner.value
    return None


def objects_made_here(statement: cst.CSTNode, parent_of: ParentOf) -> frozenset[str]:
    """The names the enclosing function binds to an object it makes (``sk = Record()``)."""
    function = enclosing_function(statement, parent_of)
    if function is None:
        return frozenset()
    made = m.Assign(targets=[m.AssignTarget(m.Name())], value=m.Call())
    objects = {
        assign.targets[0].target.value  # type: ignore[attr-defined]
        for assign in m.findall(function, made)
        if _makes_an_object(assign.value.func)  # type: ignore[attr-defined]
    }
    # sentry-sdk's span_decorator(): async_wrapper.__signature__ = inspect.signature(f)
    defined = m.findall(function.body, m.FunctionDef() | m.ClassDef())
    return frozenset(objects | {node.name.value for node in defined})  # type: ignore[attr-defined]


def _makes_an_object(func: cst.BaseExpression) -> bool:
    """A class called: a capitalised name, ``cls`` (cassandra-driver's ``c = cls()`` in a
    classmethod), ``type(self)`` or ``self.__class__``."""
    if isinstance(func, cst.Name):
        return func.value[:1].isupper() or func.value == "cls"
    return m.matches(
        func,
        m.Call(func=m.Name("type"), args=[m.Arg(m.Name("self"))])
        | m.Attribute(value=m.Name("self"), attr=m.Name("__class__")),
    )


def looked_up_in_a_literal(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """The name of the dict the try's first statement looks a key up in (``X[name]``), where
    ``X`` is a dict literal of the module's, bound once at its top level and never by a
    ``global``: oci-cli's ``SUBCOMMAND_TO_SERVICE_INIT_MODULE = {}``, which nothing adds
    to, so every lookup raises KeyError. None otherwise."""
    first = statement.body.body[0] if statement.body.body else None
    if not isinstance(first, cst.SimpleStatementLine):
        return None
    stored = {
        id(node)
        for node in m.findall(first, m.AssignTarget() | m.AugAssign() | m.Del())
        for node in m.findall(node.target, m.Subscript())  # type: ignore[attr-defined]
    }
    looked_up = [
        node.value.value
        for node in m.findall(first, m.Subscript(value=m.Name()))
        if id(node) not in stored and not _literal_keys(node)
    ]
    module = next((n for n in ancestors(statement, parent_of) if isinstance(n, cst.Module)), None)
    if module is None:
        return None
    return next((name for name in looked_up if _dict_literal_of(module, name)), None)


def _literal_keys(subscript: cst.Subscript) -> bool:
    """Is every key ``subscript`` looks up a literal (``X["name"]``)?"""
    return all(
        isinstance(element.slice, cst.Index)
        and isinstance(element.slice.value, (cst.SimpleString, cst.Integer))
        for element in subscript.slice
    )


def _dict_literal_of(module: cst.Module, name: str) -> bool:
    """Is ``name`` bound once at the module's top level, to a dict literal, and never by a
    ``global`` statement in a function?"""
    binding = m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name(name))], value=m.Dict())])
    top_level = [statement for statement in module.body if _binds_at_top_level(statement, name)]
    declared = any(
        item.name.value == name
        for node in m.findall(module, m.Global())
        for item in node.names  # type: ignore[attr-defined]
    )
    return len(top_level) == 1 and m.matches(top_level[0], binding) and not declared


def _binds_at_top_level(statement: cst.BaseStatement, name: str) -> bool:
    """May a top-level ``statement`` bind ``name`` in the module (a function's locals not)?"""
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return statement.name.value == name
    return may_bind(statement, name)
