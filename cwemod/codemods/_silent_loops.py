"""``silent-except``: a ``try`` in a loop, or ending in one, where failing moves the loop on.

Candidates tried in turn, the same call retried with no bound, a container taken from until it is empty, a loop that
ends only when it raises, and items left out when their values cannot be read.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._silent_tree import CONTINUE_BODY, ParentOf, reads, statements_after
from cwemod.codemods._silent_values import only_assigns
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.source import code_of


def ends_in_an_endless_loop(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Does the try end in ``while True:`` that only reads values, with no ``break`` or
    ``return`` out of it (not a worker's loop, whose failure would end the work)?"""
    last = statements[-1] if statements else None
    if not isinstance(last, cst.While) or not _always_true(last.test):
        return False
    body = last.body.body
    return not m.findall(last.body, m.Break() | m.Return()) and only_assigns(body)


def drains_until_empty(
    statements: tuple[cst.BaseStatement, ...] | list,
) -> tuple[str, str] | None:
    """The take and what it raises, when the try ends in ``while True:`` whose first
    statement takes from a container that raises when empty (``x = queue.popleft()``)."""
    last = statements[-1] if statements else None
    if not isinstance(last, cst.While) or not _always_true(last.test) or not last.body.body:
        return None
    first = last.body.body[0]
    if not isinstance(first, cst.SimpleStatementLine) or not isinstance(
        first.body[0], cst.Assign | cst.AnnAssign | cst.Expr
    ):
        return None
    take = first.body[0].value
    if not isinstance(take, cst.Call) or any(arg.keyword or arg.star for arg in take.args):
        return None
    name = called_name(take)
    if isinstance(take.func, cst.Name) and len(take.args) == 1 and name in _TAKES_OF_ONE:
        return name, _TAKES_OF_ONE[name]  # next(it), heappop(heap)
    if code_of(take.func) == "heapq.heappop" and len(take.args) == 1:
        return "heapq.heappop", "IndexError"
    if isinstance(take.func, cst.Attribute) and not take.args and name in _TAKES:
        return name, _TAKES[name]
    return None


# What taking from an empty container raises: a method called without arguments...
_TAKES = {
    "popleft": "IndexError",
    "pop": "IndexError (KeyError for a set)",
    "get_nowait": "queue.Empty (asyncio.QueueEmpty for an asyncio queue)",
}
# ...or a function given the container.
_TAKES_OF_ONE = {"next": "StopIteration", "heappop": "IndexError"}


def _always_true(test: cst.BaseExpression) -> bool:
    """``True``, or a number other than 0 (printrun's ``while(1):``)."""
    if isinstance(test, cst.Integer):
        return test.evaluated_value != 0
    return m.matches(test, m.Name("True"))


def polls_with_a_timeout(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """The waiting call (``accept``, ``recv``...) of a try in a ``while`` loop that also sets
    the socket's timeout (``s.settimeout(1)``): coercer's listeners poll the same port until
    a deadline, and the call raises socket.timeout on every pass without a hit."""
    if not isinstance(_enclosing_loop(statement, parent_of), cst.While):
        return None
    timeout = m.Call(func=m.Attribute(attr=m.Name("settimeout")))
    if not m.findall(statement.body, timeout):
        return None
    waits = m.Call(func=m.Attribute(attr=m.OneOf(*map(m.Name, _WAITS))))
    found = m.findall(statement.body, waits)
    return f"{found[0].func.attr.value}()" if found else None  # type: ignore[attr-defined]


# What a socket under settimeout() waits in, raising socket.timeout when the time is up.
_WAITS = ("accept", "recv", "recvfrom", "recv_into", "recvfrom_into")


def tries_candidates(statement: cst.Try, parent_of: ParentOf) -> bool:
    """In a loop, a ``try`` that leaves the loop on success (in its body or its ``else:``),
    or keeps what worked for the code after the loop: the handler moves on to the next."""
    loop = _enclosing_loop(statement, parent_of)
    return loop is not None and bool(
        _leaves_on_success(statement)
        or _flags_success_then_breaks(statement, parent_of)
        or _keeps_what_worked(statement, loop, parent_of)
        or _leaves_after_it(statement, loop)
    )


def _leaves_after_it(statement: cst.Try, loop: cst.For | cst.While) -> bool:
    """horizon's console lookup: in a ``for`` loop (not ``while True:``, where the next
    pass tries the same again), every handler of the try ``continue``s, and the loop's
    body ends in a ``return`` (or ``break``) after it, so the first item whose try works
    ends the loop."""
    if not isinstance(loop, cst.For) or not isinstance(loop.body, cst.IndentedBlock):
        return False
    body = loop.body.body
    return (
        statement in body
        and bool(statement.handlers)
        and all(m.matches(handler.body, CONTINUE_BODY) for handler in statement.handlers)
        and m.matches(body[-1], m.SimpleStatementLine([m.Return() | m.Break()]))
    )


def retries_forever(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Is the try the first statement of a ``while True:`` loop that it leaves on success:
    the same call again after each failure, with no bound (networking-l2gw's
    ``_echo_response()``: a socket read until a reply parses), not a new candidate?"""
    block = parent_of(statement)
    loop = parent_of(block) if isinstance(block, cst.IndentedBlock) else None
    if not isinstance(loop, cst.While) or not _always_true(loop.test):
        return False
    first = block.body[0] is statement  # type: ignore[union-attr]
    return first and _leaves_on_success(statement)


def _leaves_on_success(statement: cst.Try) -> bool:
    """Does the try leave its loop (return or break) in its body or its ``else:``?"""
    leaving = m.Return() | m.Break()
    return bool(
        m.findall(statement.body, leaving)
        or (statement.orelse is not None and m.findall(statement.orelse, leaving))
    )


def _enclosing_loop(node: cst.CSTNode, parent_of: ParentOf) -> cst.For | cst.While | None:
    """The nearest loop around ``node`` in its function."""
    current = parent_of(node)
    while current is not None and not isinstance(
        current, (cst.FunctionDef, cst.ClassDef, cst.Lambda)
    ):
        if isinstance(current, (cst.For, cst.While)):
            return current
        current = parent_of(current)
    return None


_KEEPS = m.SimpleStatementLine(
    [m.Expr(m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("append") | m.Name("add"))))]
)


def _keeps_what_worked(statement: cst.Try, loop: cst.CSTNode, parent_of: ParentOf) -> bool:
    """cvat-sdk's ``get_oneof_instance()``: the try ends appending (or adding) what it made to
    a collection, which the code after the loop tests for emptiness (``if not found``,
    ``len(found) == 0``) or takes the first of (``found[0]``): none working is the failure."""
    body = statement.body.body
    if not body or not m.matches(body[-1], _KEEPS):
        return False
    kept = body[-1].body[0].value.func.value.value  # type: ignore[attr-defined]
    named = m.Name(kept)
    tested = named | m.UnaryOperation(operator=m.Not(), expression=named)
    counted = m.Call(func=m.Name("len"), args=[m.Arg(named)])
    first = m.Subscript(value=named, slice=[m.SubscriptElement(m.Index(m.Integer("0")))])
    for rest in statements_after(loop, parent_of):
        tests = [node.test for node in m.findall(rest, m.If())]  # type: ignore[attr-defined]
        if any(m.matches(test, tested) or m.findall(test, counted) for test in tests):
            return True
        if m.findall(rest, first):
            return True
    return False


def _flags_success_then_breaks(statement: cst.Try, parent_of: ParentOf) -> bool:
    """beaker's ``verify_options()``: the try ends in ``coerced = True``, and right after it
    ``if coerced: break`` leaves the loop of candidate types."""
    last = statement.body.body[-1] if statement.body.body else None
    flag = m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name())], value=m.Name("True"))])
    if last is None or not m.matches(last, flag):
        return False
    name = last.body[0].targets[0].target.value  # type: ignore[attr-defined]
    after = statements_after(statement, parent_of)
    breaks = m.If(
        test=m.Name(name),
        body=m.IndentedBlock([m.SimpleStatementLine([m.Break() | m.Return()])])
        | m.SimpleStatementSuite([m.Break() | m.Return()]),
    )
    return bool(after) and m.matches(after[0], breaks)


def only_tests_the_item(statement: cst.Try, parent_of: ParentOf) -> bool:
    """redfish's ``get_selection()``: in a ``for`` loop, a try whose body only reads the item
    (and names bound from it) in ``if`` tests and assignments, and ``continue``s past the items
    that fail the test; what keeps an item comes after the try. Calls only of methods of what
    was read, or of builtins that read (``str()``, ``len()``): not a call that acts."""
    loop = _enclosing_loop(statement, parent_of)
    if not isinstance(loop, cst.For) or statement.orelse or statement.finalbody:
        return False
    body = statement.body.body
    if not m.findall(statement.body, m.Continue()):
        return False
    item = _read_from_the_item(loop)
    return all(_tests(line, item) for line in body)


def _read_from_the_item(loop: cst.For) -> frozenset[str]:
    """The loop's target names, and the names the loop body binds to what reads them."""
    item = {name.value for name in m.findall(loop.target, m.Name())}
    binds = m.Assign(targets=[m.AssignTarget(m.Name())])
    assigns = m.findall(loop.body, binds)
    grown = True
    while grown:
        bound = {
            found.targets[0].target.value  # type: ignore[attr-defined]
            for found in assigns
            if any(reads(found.value, name) for name in item)  # type: ignore[attr-defined]
        }
        grown = not bound <= item
        item |= bound
    return frozenset(item)


def _tests(line: cst.BaseStatement, item: frozenset[str]) -> bool:
    """An ``if`` whose test reads and whose branches only test, or a line of ``continue``,
    ``pass`` and assignments of names to reads."""
    if isinstance(line, cst.If):
        orelse = line.orelse
        branches = [line.body.body]
        if isinstance(orelse, cst.If):
            branches.append([orelse])
        elif orelse is not None:
            branches.append(orelse.body.body)
        return _only_reads(line.test, item) and all(
            _tests(inner, item) for branch in branches for inner in branch
        )
    if not isinstance(line, cst.SimpleStatementLine):
        return False
    return all(
        isinstance(small, (cst.Continue, cst.Pass))
        or (
            m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name())]))
            and _only_reads(small.value, item)  # type: ignore[attr-defined]
        )
        for small in line.body
    )


def _only_reads(value: cst.BaseExpression, item: frozenset[str]) -> bool:
    """Does ``value`` only read: each call a builtin that reads, a method of text
    (``str(x).startswith``), or a mapping's read of what reads the item (``entry.get``), not
    a call that may act (``item.save()``, ``session.get(url)``); no ``await``, ``yield``, ``:=``?"""
    if m.findall(value, m.Await() | m.Yield() | m.NamedExpr()):
        return False
    for call in m.findall(value, m.Call()):
        func = call.func  # type: ignore[attr-defined]
        if isinstance(func, cst.Name) and func.value in _READING_BUILTINS:
            continue
        if not isinstance(func, cst.Attribute):
            return False
        if func.attr.value in _TEXT_METHODS:
            continue  # whatever the text: `val.endswith("*")`
        if func.attr.value in _MAPPING_READS and any(reads(func.value, n) for n in item):
            continue  # not `session.get(url)`
        return False
    return True


# Builtins that read their arguments and change nothing.
_READING_BUILTINS = frozenset(
    {
        "str", "repr", "len", "int", "float", "bool", "bytes", "isinstance", "issubclass",
        "hasattr", "getattr", "any", "all", "list", "tuple", "set", "frozenset", "dict",
        "sorted", "min", "max", "sum", "abs", "type", "callable",
    }
)  # fmt: skip


# Methods of text that read it, and of a mapping (asked of what reads the item only).
_TEXT_METHODS = frozenset(
    {
        "startswith", "endswith", "lower", "upper", "casefold", "strip", "lstrip", "rstrip",
        "split", "rsplit", "partition", "rpartition", "find", "rfind", "isdigit", "isalpha",
        "isalnum", "isspace", "isdecimal", "isnumeric", "islower", "isupper",
    }
)  # fmt: skip
_MAPPING_READS = frozenset({"get", "keys", "values", "items", "index", "count"})


def last_in_a_loop(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Is ``statement`` the last of a ``for`` loop's body, so that ``pass`` is ``continue``?"""
    block = parent_of(statement)
    return (
        isinstance(block, cst.IndentedBlock)
        and block.body[-1] is statement
        and isinstance(parent_of(block), cst.For)
    )


def reads_then_yields(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Assignments, then an ``if`` whose body only yields or adds what was read."""
    *reads, last = statements if statements else [None]
    # thonny's registry lookups add to a set; spyder's lexer keywords extend a list
    adds = m.Name("append") | m.Name("add") | m.Name("extend")
    hands_on = m.SimpleStatementLine(
        [m.Expr(m.Yield()) | m.Expr(m.Call(func=m.Attribute(attr=adds)))]
    )
    return (
        (not reads or only_assigns(reads))
        and isinstance(last, cst.If)
        and last.orelse is None
        and all(m.matches(line, hands_on) for line in last.body.body)
    )
