"""``silent-except``: a ``try`` that is one way to an answer, where its failure is no defect.

The code after the ``try`` is the other way (a fallback), or the failure is itself
the answer: None, or the literal the function returns after the ``try``.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._silent_tree import (
    PASS_BODY,
    ParentOf,
    index_in,
    is_pass,
    may_bind,
    only_imports,
    parameters_around,
    statements_after,
)
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.loggers import logs_at_a_level
from cwemod.codemods.kit.source import code_of


def falls_back(statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf) -> bool:
    """``try: return a() except: pass`` then calls: the way to try first, then another.

    manila's Weka client reads ``/capacity`` on Weka 4.x and sums the drives
    on 5.x when that fails. The try may also end in an ``if`` that returns
    (conan checks whether a 404 means no packages, else raises the error
    below), or ``continue`` a loop (scons tries a source as a file, then as
    a folder).
    """
    body = [small for small in statement.body.body if not is_pass(small)]
    if statement.orelse is not None:  # celery's pickle probe: try, except: pass, else: return
        body = list(statement.orelse.body.body)
    if not body or not _leaves_when_it_works(body[-1]):
        return False
    if not m.matches(handler.body, PASS_BODY) or statement.finalbody:
        return False
    # Another way is more calls, or the input given back as it is (bokeh's
    # convert_datetime_array(): "it will be returned as-is"); a default returned
    # (``return None``) is no fallback.
    after = statements_after(statement, parent_of)
    # gcsfs's HNS probe: the bare raise after it gives the caller the first error
    if any(m.findall(rest, m.Call() | m.Raise()) for rest in after):
        return True
    # txaio's _iotype.py: `try: return fileobj.read(0) == b""`, then `try: return "b" in
    # fileobj.mode`: another probe that returns when it works
    if any(isinstance(rest, cst.Try) and m.findall(rest.body, m.Return()) for rest in after):
        return True
    # fiftyone's attribute parser: float(value), else `if value == "None": return None`,
    # then the value itself
    parameters = parameters_around(statement, parent_of)
    return any(
        returned.value.value in parameters  # type: ignore[union-attr]
        for rest in after
        for returned in m.findall(rest, m.Return(value=m.Name()))
    )


def raised_next(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """What the statement right after the try raises, said as a verb phrase ("raises
    FileNotFoundError"; a bare ``raise``, gcsfs's, "re-raises the error being handled")."""
    after = statements_after(statement, parent_of)
    if not after or not m.matches(after[0], m.SimpleStatementLine([m.Raise()])):
        return None
    return _raises(after[0].body[0])  # type: ignore[attr-defined]


def _raises(statement: cst.Raise) -> str:
    exc = statement.exc
    if exc is None:
        return "re-raises the error being handled"
    return f"raises {code_of(exc.func if isinstance(exc, cst.Call) else exc)}"


# ``if not name:``, ``if name is None:``
_UNSET = m.UnaryOperation(operator=m.Not(), expression=m.Name()) | m.Comparison(
    left=m.Name(), comparisons=[m.ComparisonTarget(operator=m.Is(), comparator=m.Name("None"))]
)


def raised_if_unset(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """What the ``if name is None:`` (or ``if not name:``) right after the try raises,
    with that test, where the try may bind ``name`` and the ``if`` only raises, maybe after
    logging: cyborg's ``get_vf_num_by_pci_address()``, whose ``vf_num = None`` is no default
    it keeps; tap-as-a-service's copy of it, which logs a warning before it raises. Or the
    reversed form: ``if name: return name``, then a raise (karbor's endpoint lookup)."""
    after = statements_after(statement, parent_of)
    if not after or not isinstance(after[0], cst.If) or after[0].orelse is not None:
        return None
    returned = _returned_if_set(statement, after)
    if returned is not None:
        return returned
    test = after[0].test
    *before, last = after[0].body.body
    raises = m.matches(last, m.SimpleStatementLine([m.Raise()]))
    if not (raises and all(map(_only_logs, before)) and m.matches(test, _UNSET)):
        return None
    name = code_of(test.expression if isinstance(test, cst.UnaryOperation) else test.left)
    if not may_bind(statement, name):
        return None
    return f"{_raises(last.body[0])} when this way fails (`if {code_of(test)}:`)"


def _returned_if_set(statement: cst.Try, after: list[cst.BaseStatement]) -> str | None:
    """What the raise after ``if name: return name`` raises, with that test, where the try may
    bind ``name`` and the raise (maybe after logging) comes right after the ``if``."""
    test, body, rest = after[0].test, after[0].body.body, after[1:]  # type: ignore[attr-defined]
    if not isinstance(test, cst.Name) or len(body) != 1:
        return None
    if not m.matches(body[0], m.SimpleStatementLine([m.Return(value=m.Name(test.value))])):
        return None
    while rest and _only_logs(rest[0]):
        rest = rest[1:]
    if not rest or not m.matches(rest[0], m.SimpleStatementLine([m.Raise()])):
        return None
    if not may_bind(statement, test.value):
        return None
    return f"{_raises(rest[0].body[0])} when this way fails (`if {test.value}:`)"  # type: ignore[attr-defined]


def _only_logs(line: cst.BaseStatement) -> bool:
    """Is ``line`` a logger's call (``LOG.warning(...)``) or ``warnings.warn(...)``?"""
    if not m.matches(line, m.SimpleStatementLine([m.Expr(m.Call())])):
        return False
    call = line.body[0].value  # type: ignore[attr-defined]
    return logs_at_a_level(call) or code_of(call.func) == "warnings.warn"


def unset_then_given_another_way(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> tuple[str, str] | None:
    """The name the try binds, and the test, where the statement right after it is ``if not name:`` (or
    ``if name is None:``) that binds it another way: gsutil's GetTermLines() asks the
    terminal for its size, then reads LINES when that gave nothing. Or that returns what it
    finds another way: searchlight's terminal size asks ``stty size`` there."""
    if not m.matches(handler.body, PASS_BODY) or statement.orelse or statement.finalbody:
        return None
    after = statements_after(statement, parent_of)
    if not after or not isinstance(after[0], cst.If):
        return None
    test = after[0].test
    if not m.matches(test, _UNSET):
        return None
    name = code_of(test.expression if isinstance(test, cst.UnaryOperation) else test.left)
    if may_bind(statement, name) and (may_bind(after[0], name) or _finds(after[0].body)):
        return name, f"if {code_of(test)}:"
    return None


def _finds(block: cst.BaseSuite) -> bool:
    """Does ``block`` return a value it works out (no literal), outside the functions and
    classes defined in it?"""
    nested = {
        id(inner)
        for defined in m.findall(block, m.FunctionDef() | m.ClassDef() | m.Lambda())
        for inner in m.findall(defined, m.Return())
    }
    return any(
        id(found) not in nested and found.value is not None and not is_literal(found.value)
        for found in m.findall(block, m.Return())
    )


def probe_answer(statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf) -> str | None:
    """``return 'DATA'`` when the try returns a literal when it works (at its end, or at
    the end of an ``if`` there: thonny's ``if tcl is not None: ...; return {}``), its
    handler passes, and the statement after it returns another literal: the failure is an
    answer. So is a try that returns somewhere inside but may also run to its end (flytekit's
    ``schema_match()``: ``if <a model>: return <match>``): the literal after it is the no the
    function gives anyway, and the failure joins it (a parameter there is a fallback: py-cpuinfo
    gives the input back)."""
    body = statement.body.body
    if not (body and m.matches(handler.body, PASS_BODY)):
        return None
    if _reads_then_returns_or_none(statement, parent_of):
        return "None"
    answers_a_literal = _ends_returning_a_literal(body[-1])
    if not (answers_a_literal or _may_return_or_run_on(statement)):
        return None
    after = statements_after(statement, parent_of)
    if not after or not m.matches(after[0], _RETURNS):
        return None
    answer = after[0].body[0].value  # type: ignore[attr-defined]
    if answer is None:
        return None
    if is_literal(answer) or (
        answers_a_literal
        and isinstance(answer, cst.Name)
        and answer.value in parameters_around(statement, parent_of)
    ):
        return code_of(answer)  # click's _is_binary_writer(): `return default`, a parameter
    return None


def _reads_then_returns_or_none(statement: cst.Try, parent_of: ParentOf) -> bool:
    """A try of several statements, the first binding a name to what a call gives, the last
    returning a value, with no ``else:`` or ``finally:``, and ``return None`` next in the same
    block: the lookup failing is answered None (certipy's ``get_extension_for_oid()`` raises
    ExtensionNotFound for most certificates). Not one ``return f(x)``: that may fail for
    reasons worth a log line (dagster's ``load(pointer)``)."""
    body = statement.body.body
    if len(body) < 2 or statement.orelse is not None or statement.finalbody is not None:
        return False
    binds = m.SimpleStatementLine([m.Assign(targets=[m.AssignTarget(m.Name())], value=m.Call())])
    if not (m.matches(body[0], binds) and m.matches(body[-1], _RETURNS)):
        return False
    value = body[-1].body[0].value  # type: ignore[attr-defined]
    if value is None or m.matches(value, m.Name("None")):
        return False
    block = parent_of(statement)
    if not isinstance(block, cst.IndentedBlock):
        return False
    after = block.body[index_in(block.body, statement) + 1 :]
    return bool(after) and m.matches(after[0], _RETURN_NONE)


def _may_return_or_run_on(statement: cst.Try) -> bool:
    """A try, with no ``else:`` or ``finally:``, whose body returns (not in a function defined
    there) but does not end in a plain ``return``: it may also run on to what follows."""
    if statement.orelse is not None or statement.finalbody is not None:
        return False
    return not m.matches(statement.body.body[-1], _RETURNS) and _returns_itself(statement.body)


def converts_or_gives_none(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> bool:
    """A try that only returns a call of a parameter (``return int(value)``), with ``pass``,
    at the end of its function, or before ``return None``: None is the answer for what
    cannot be read."""
    body = statement.body.body
    if len(body) != 1 or not m.matches(handler.body, PASS_BODY) or statement.finalbody:
        return False
    if not m.matches(body[0], m.SimpleStatementLine([m.Return(value=m.Call())])):
        return False
    call = body[0].body[0].value  # type: ignore[attr-defined]
    parameters = parameters_around(statement, parent_of)
    given = {arg.value.value for arg in call.args if isinstance(arg.value, cst.Name)}
    after = statements_after(statement, parent_of)
    # then ``return None``, after a number's conversion (a call of another function there
    # may fail for reasons worth a log line: dagster's load(pointer))
    gives_none = not after or (
        len(after) == 1
        and m.matches(after[0], _RETURN_NONE)
        and code_of(call.func).rpartition(".")[2] in NUMBER_CONVERSIONS
    )
    return bool(given & parameters) and gives_none


_RETURN_NONE = m.SimpleStatementLine([m.Return(value=m.Name("None"))])
_RETURNS = m.SimpleStatementLine([m.Return()])
_RETURNS_NONE = m.SimpleStatementLine([m.Return(value=None) | m.Return(value=m.Name("None"))])


def returns_or_gives_none(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> bool:
    """A try whose body ends returning a value, whose handler only passes, and after which
    the function ends: it gives None (the implicit ``return None``) for what fails. So does
    one whose ``else:`` returns (otcextensions' ``_extract_message()``), after which the
    function ends or returns None."""
    answers = statement.orelse.body.body if statement.orelse else statement.body.body
    if not answers or statement.finalbody is not None:
        return False
    if not m.matches(handler.body, PASS_BODY) or not m.matches(answers[-1], _RETURNS):
        return False
    value = answers[-1].body[0].value  # type: ignore[attr-defined]
    if value is None or m.matches(value, m.Name("None")):
        return False
    return _ends_the_function(statement, parent_of, or_none=statement.orelse is not None)


def _ends_the_function(
    statement: cst.BaseStatement, parent_of: ParentOf, or_none: bool = False
) -> bool:
    """Is ``statement`` the last the function runs: last in its block (``or_none``: or
    followed by ``return None`` alone), up through ``with`` and ``if`` statements that are
    last in theirs, to the function's body?"""
    current: cst.CSTNode | None = statement
    while True:
        block = parent_of(current)  # type: ignore[arg-type]
        if not isinstance(block, cst.IndentedBlock) or not _last(block, current, or_none):
            return False
        owner = parent_of(block)
        if isinstance(owner, cst.FunctionDef):
            return True
        if isinstance(owner, cst.Else):
            owner = parent_of(owner)
        if not isinstance(owner, (cst.If, cst.With)):
            return False  # a loop's, or a try's: more may run after it
        while isinstance(parent_of(owner), cst.If):  # an elif: the whole if statement
            owner = parent_of(owner)
        current = owner


def _last(block: cst.IndentedBlock, statement: cst.CSTNode, or_none: bool) -> bool:
    """Is ``statement`` the last of ``block`` (``or_none``: or followed by ``return None``)?"""
    after = block.body[block.body.index(statement) + 1 :]  # type: ignore[arg-type]
    return not after or (or_none and len(after) == 1 and m.matches(after[0], _RETURNS_NONE))


NUMBER_CONVERSIONS = frozenset({"int", "float", "complex", "Decimal", "Fraction"})


def _ends_returning_a_literal(line: cst.BaseStatement) -> bool:
    """``return <literal>``, or an ``if`` whose every branch ends so."""
    if isinstance(line, cst.If):
        branches = [line.body.body]
        if isinstance(line.orelse, cst.Else):
            branches.append(line.orelse.body.body)
        elif isinstance(line.orelse, cst.If):
            return _ends_returning_a_literal(line.body.body[-1]) and _ends_returning_a_literal(
                line.orelse
            )
        return all(branch and _ends_returning_a_literal(branch[-1]) for branch in branches)
    return (
        m.matches(line, m.SimpleStatementLine([m.Return()]))
        and line.body[-1].value is not None  # type: ignore[attr-defined]
        and is_literal(line.body[-1].value)  # type: ignore[attr-defined]
    )


def is_literal(value: cst.BaseExpression) -> bool:
    """A string, a number, True, False or None, or a display of them (thonny's ``{}``)."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.Name):
        return value.value in ("True", "False", "None")
    if isinstance(value, cst.Dict):
        return all(
            isinstance(e, cst.DictElement) and is_literal(e.key) and is_literal(e.value)
            for e in value.elements
        )
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        return all(isinstance(e, cst.Element) and is_literal(e.value) for e in value.elements)
    return False


def _leaves_when_it_works(last: cst.BaseStatement) -> bool:
    """Does the try's last statement return, continue a loop, or return under an ``if``
    (mlflow's Databricks shortcut returns the context's value when it has one)?

    Not a return an error log goes before: nbdime's version check logs
    "You must use Jupyter Server v1" and returns, its error exit, and falls
    through when the check passes.
    """
    if isinstance(last, (cst.If, cst.For)):
        # py-cpuinfo's _friendly_bytes_to_int(): a loop that returns what it finds; a lambda
        # or comprehension there holds no return (redfish's validate_headers() filters the
        # header names with one), but a return in a function defined there is not the try's
        return _returns_itself(last) and not _error_exit(last)
    return m.matches(last, m.SimpleStatementLine([m.Return() | m.Continue()]))


def _returns_itself(statement: cst.CSTNode) -> bool:
    """Does ``statement`` hold a return outside the functions and classes defined in it?"""
    nested = {
        id(inner)
        for defined in m.findall(statement, m.FunctionDef() | m.ClassDef())
        for inner in m.findall(defined, m.Return())
    }
    return any(id(found) not in nested for found in m.findall(statement, m.Return()))


_ERROR_LOG = m.Call(func=m.Attribute(attr=m.Name("critical") | m.Name("error") | m.Name("fatal")))


def checks_then_exits(statement: cst.Try, handler: cst.ExceptHandler) -> bool:
    """``try:`` imports, then an ``if`` whose only way out is an error log and a return,
    ``except: pass``: the check is made where it can be, and passing it goes on."""
    *imports, last = statement.body.body
    return (
        m.matches(handler.body, PASS_BODY)
        and statement.orelse is None
        and statement.finalbody is None
        and all(only_imports(line) for line in imports)
        and isinstance(last, cst.If)
        and last.orelse is None
        and _error_exit(last)
    )


def _error_exit(statement: cst.If | cst.For) -> bool:
    """Does every block of ``statement`` that returns log an error (or a critical one) first?"""
    blocks = [b for b in m.findall(statement, m.IndentedBlock()) if _returns_at_end(b)]
    return bool(blocks) and all(m.findall(b, _ERROR_LOG) for b in blocks)


def _returns_at_end(block: cst.BaseSuite) -> bool:
    last = block.body[-1] if isinstance(block, cst.IndentedBlock) and block.body else None
    return m.matches(last, m.SimpleStatementLine([m.Return()]))
