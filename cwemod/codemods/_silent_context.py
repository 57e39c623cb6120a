"""``silent-except``: where swallowing an exception is the code's intent, not a defect.

Each function returns the reason to leave a handler alone, or ``None``.
They read the tree around the handler through its parents (cwemod's
``ParentProvider``), passed in as ``parent_of``. :func:`try_refusal` asks the
judgements of the ``try`` beside it: its comments (``_silent_comments.py``),
teardowns (``_silent_teardown.py``), fallbacks (``_silent_fallback.py``), values
(``_silent_values.py``) and loops (``_silent_loops.py``); the module's own reasons
are in ``_silent_modules.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._silent_comments import (
    any_about_failing,
    any_explains,
    caught_before,
    commented_above,
    comments_outside_nested_tries,
    not_naming,
)
from cwemod.codemods._silent_fallback import (
    NUMBER_CONVERSIONS,
    checks_then_exits,
    converts_or_gives_none,
    falls_back,
    probe_answer,
    raised_if_unset,
    raised_next,
    returns_or_gives_none,
    unset_then_given_another_way,
)
from cwemod.codemods._silent_loops import (
    drains_until_empty,
    ends_in_an_endless_loop,
    last_in_a_loop,
    only_tests_the_item,
    polls_with_a_timeout,
    reads_then_yields,
    retries_forever,
    tries_candidates,
)
from cwemod.codemods._silent_teardown import (
    only_tears_down,
    own_name,
    removes_what_it_was_given,
    teardowns_by_getattr,
    undoes_while_raising,
    waits_out_in_teardown,
)
from cwemod.codemods._silent_tree import (
    CONTINUE_BODY,
    PASS_BODY,
    ParentOf,
    called,
    index_in,
    only_imports,
    reads,
)
from cwemod.codemods._silent_values import (
    attributes_set,
    converted_in_place,
    converted_reason,
    formats_a_template,
    left_unbound,
    looked_up_in_a_literal,
    objects_made_here,
    only_assigns,
    only_deletes,
    only_stores_an_entry,
    sets_up_an_optional_dependency,
)
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import keyword_arg, name_words
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

# Functions of ``sys`` that Python 3 removed, which Python 2 shims still call.
_PYTHON2_ONLY_SYS = frozenset({"exc_clear", "setdefaultencoding"})


def try_refusal(handler: cst.ExceptHandler, parent_of: ParentOf) -> str | None:
    """Reasons found in the ``try`` statement the handler belongs to and around it."""
    statement = parent_of(handler)
    if not isinstance(statement, cst.Try):
        return None
    unbound = _left_unbound_reason(statement, handler, parent_of)
    if unbound is not None:
        # certipy's kerberos: `# No cache present` above `pass`, then `if ccache:` raises
        return unbound
    elsewhere = caught_before(statement, handler)
    if any_explains(m.findall(handler, m.Comment())) or any_about_failing(
        not_naming(elsewhere, comments_outside_nested_tries(statement.body))
    ):
        return "a comment documents that the exception is ignored on purpose"
    if commented_above(statement, parent_of, elsewhere):
        return "a comment above the try documents that the exception is ignored on purpose"
    reported = _only_reports_usage(statement.body.body)
    if reported is not None:
        # prefect's try_mark_milestone("first_flow_defined"), in the user's flow-run log
        return (
            f"{reported}() reports usage (analytics, telemetry): a failure there must not"
            " reach the user's work or logs"
        )
    made = _only_makes_a_directory(statement.body.body)
    if made is not None:
        # pywb's autoindex: os.makedirs(path), except Exception: pass, every 30 s
        return (
            f"{made}() raises where the directory exists, which is routine here:"
            " exist_ok=True (Python 3.2+) says so, and lets other failures be seen"
            if made == "os.makedirs"
            else f"{made}() raises where the directory exists, which is routine here"
        )
    missed = looked_up_in_a_literal(statement, parent_of)
    if missed is not None:
        # oci-cli's cli(): SUBCOMMAND_TO_SERVICE_INIT_MODULE = {}, looked up on every command
        return (
            f"a lookup whose KeyError is the normal miss: {missed} is a dict literal of the"
            " module's: look the key up with .get() and narrow the handler to what else fails"
        )
    reraised = _reraised_before(statement, handler)
    if reraised is not None:
        # Cheetah's version check: except AssertionError: raise, then except Exception: pass
        return (
            f"a check: the try raises {reraised} when it fails, and the handler before this"
            " one lets that through; anything else means the check cannot be made here"
        )
    if checks_then_exits(statement, handler):
        # nbdime's server extension: `if parse(__version__) >= Version("2.0.0"):`
        # log.critical(...), return
        return (
            "an optional check: when it cannot be made, the code after the try goes on,"
            " as it does when the check passes"
        )
    cancelled = _awaits_what_was_cancelled(statement, parent_of)
    if cancelled is not None:
        # ursina's networking: connection.async_task.cancel(), then await it
        return (
            f"awaits {cancelled}, cancelled just before: CancelledError is the expected"
            " outcome, not a failure"
        )
    drained = drains_until_empty(statement.body.body)
    if drained is not None:
        # kivy's input providers: `while True: event = self.queue.popleft()`, every frame
        take, raised = drained
        return (
            f"the loop ends when the container is empty: {take}() raising {raised} is how"
            f" it stops; narrowing the handler to `except {raised.partition(' ')[0]}:` would"
            " say so, and let failures in the rest of the loop be seen"
        )
    if ends_in_an_endless_loop(statement.body.body):
        # octoprint's serialList(): while True: winreg.EnumValue(key, i) until it raises
        return "the loop in the try ends only when it raises: the exception is how it stops"
    if _tests_with_index(statement.body.body):
        # impacket's transport: endpoint.index('endpoint=') is a membership test
        return "the try tests for a value with .index(): failing means it is not there"
    if _else_raises(statement):
        # designate's recordset check: a child zone that does not raise is the error
        return "a test: the try's else raises, so the exception is the expected answer"
    if only_tears_down(
        statement.body.body,
        aliases=teardowns_by_getattr(statement, parent_of),
        delegated=own_name(statement, parent_of),
    ) and not removes_what_it_was_given(statement, parent_of):
        return "best-effort cleanup: ignoring a failed release or teardown is deliberate"
    waited = waits_out_in_teardown(statement, parent_of)
    if waited is not None:
        return waited  # karbor's Service.wait(): each timer's x.wait(), as stop()'s x.stop()
    if undoes_while_raising(statement, parent_of):
        return (
            "a best-effort rollback while another error is raised: a failed rollback must"
            " not mask it (and after a failed commit the rollback often fails too)"
        )
    polled = polls_with_a_timeout(statement, parent_of)
    if polled is not None and m.matches(handler.body, PASS_BODY | CONTINUE_BODY):
        # coercer's Listener: `while time < stop_time:`, s.settimeout(1), s.accept()
        return (
            f"a polling loop: {polled} raises socket.timeout on every pass under settimeout();"
            " narrow the handler to socket.timeout so that other failures surface"
        )
    if retries_forever(statement, parent_of):
        # networking-l2gw's _echo_response(): the same socket read again until a reply parses
        return (
            "an unbounded retry of the same call: `while True:` runs the try again after every"
            " failure, with no bound, so a debug line on every pass would flood the log;"
            " narrow the handler to the failure expected there, or bound the retries"
        )
    if tries_candidates(statement, parent_of):
        return "tries candidates in turn in a loop: a failure only means the next one is tried"
    if only_deletes(statement.body.body):
        # cobbler's `del blended["autoinstall_meta"]` after blended.get("autoinstall_meta", {})
        return "removes an entry that may not be there: the entry gone is what the code wants"
    own = objects_made_here(statement, parent_of)
    if (
        only_assigns(statement.body.body, own)
        and m.matches(handler.body, PASS_BODY)
        and not formats_a_template(statement.body.body)
    ):
        if all(only_imports(line) for line in statement.body.body):
            # coverage's pth file: try: import coverage / except: pass / else: ...
            return "an optional import: the module goes on without it"
        # not wfuzz's GUI: `try: options = parse(cmd) ... else: run(options)` has no
        # default; a failure skips the work the else does
        if statement.orelse is None or only_assigns(statement.orelse.body.body, own):
            converted = converted_in_place(statement.body.body)
            if converted is not None:
                return converted_reason(statement, *converted, parent_of)
            container = only_stores_an_entry(statement.body.body)
            if container is not None:
                # oci-cli's rename_command(): OVERRIDES[service_name + ...] = new_name
                return (
                    f"an optional entry: the try only sets one item of {container}, which keeps"
                    " what it had, or stays unset, where its key or value cannot be made"
                )
            owners = attributes_set(statement.body.body, own)
            if owners:
                # pypykatz's `sk.keyword = sk.keyword.decode("utf-16-le")`, sk made here;
                # osi-dump's `self.microversion = "2.95"`, where nothing is read
                return (
                    f"an optional setting: {_whose(owners)} keeps its default where the"
                    " try cannot set its attribute"
                )
            raised = raised_if_unset(statement, parent_of)
            if raised is not None:
                return (
                    f"the code after the try {raised}: the failure surfaces there, and no"
                    " default is kept"
                )
            unset = unset_then_given_another_way(statement, handler, parent_of)
            if unset is not None:
                return _another_way(*unset)
            return "an optional value that keeps its default when it cannot be read"
    if sets_up_an_optional_dependency(statement, parent_of) and m.matches(handler.body, PASS_BODY):
        # flask-security's `try: from twilio.rest import Client`, then the sender class on it
        return (
            "an optional dependency: the try imports it first and then only defines and"
            " registers what needs it; the module goes on without it"
        )
    if only_assigns(statement.body.body, own) and m.matches(handler.body, CONTINUE_BODY):
        # manila's ip_lib: `subnet = line.split()[0]` fails on the output's last, empty line
        return "a filter: the loop skips the items whose values cannot be read"
    if m.matches(handler.body, CONTINUE_BODY) and only_tests_the_item(statement, parent_of):
        # redfish's get_selection(): `if not str(props[sel]).startswith(val): continue`
        return "a filter: the loop leaves out the items whose values cannot be read"
    if _tests_a_type(statement.body.body):
        # insights-core's _get_ctx_dependencies(): functions among the components
        return "a type test: issubclass() raises TypeError for what is not a class"
    tested = _converts_to_test(statement.body.body)
    if tested is not None:
        # shuup's importer: `int(arg)`, then `qs.append(Q(pk=arg))`, for every lookup value
        narrower = _CONVERSION_ERRORS.get(code_of(tested.func).rpartition(".")[2])
        return f"a type test: {code_of(tested)} is evaluated only to see whether it raises" + (
            f"; narrowing the handler to {narrower} would say so" * bool(narrower)
        )
    if last_in_a_loop(statement, parent_of) and m.matches(handler.body, PASS_BODY | CONTINUE_BODY):
        if reads_then_yields(statement.body.body):
            # insights-core's audit log: lines whose timestamp cannot be read are left out
            return "a filter: the loop leaves out the items whose values cannot be read"
    if converts_or_gives_none(statement, handler, parent_of):
        # pretalx's get_int(value): try: return int(value) / except: pass, nothing after
        return "a conversion: the function gives None when the value cannot be read"
    answer = probe_answer(statement, handler, parent_of)
    if answer is not None:
        # PyInstaller's _classify_binary_vs_data(): what macholib cannot read is 'DATA'
        return f"a probe: what fails there is answered `{answer}` after the try"
    if returns_or_gives_none(statement, handler, parent_of):
        # csvkit's csvstat _calculate_stat(): agate raises for a text column's mean, routinely
        return (
            "a probe: the try returns its answer when it works, and the function gives None"
            " when it fails (nothing else runs after the try)"
        )
    if falls_back(statement, handler, parent_of):
        raised = raised_next(statement, parent_of)
        if raised is not None:
            # pywebview's interop_dll_path(): `raise FileNotFoundError(...)` when no way found it
            return (
                f"the code after the try {raised} when this way fails: the swallow only tries"
                " one way first"
            )
        return (
            "a fallback follows: the try returns when it works; the code after it is the other way"
        )
    unset = unset_then_given_another_way(statement, handler, parent_of)
    if unset is not None:
        # gsutil's GetTermLines(): `if not ioc: ioc = os.environ.get('LINES', ...)`
        return _another_way(*unset)
    if _yields_under_a_bare_except(statement, handler):
        # cfn-lint's EqualsIsUseful: a bare except (its E722 silenced) around the rule's yields
        return (
            "the handler catches everything around a yield, GeneratorExit too: it runs when"
            " the generator's consumer stops early, so a log line there reports a failure"
            " that is none; narrowing it to `except Exception:` would let GeneratorExit through"
        )
    return None


def _another_way(name: str, test: str) -> str:
    return (
        f"a fallback follows: when the try fails, `{test}` right after it gives {name} another way"
    )


def _yields_under_a_bare_except(statement: cst.Try, handler: cst.ExceptHandler) -> bool:
    """Is ``handler`` a bare ``except:`` (or ``except BaseException``) of a try whose body
    yields (not in a function or class defined there)?"""
    caught = {code_of(c).rpartition(".")[2] for c in caught_classes(handler)}
    if handler.type is not None and "BaseException" not in caught:
        return False
    return any(_yields(line) for line in statement.body.body)


def _yields(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Yield):
        return True
    if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
        return False
    return any(_yields(child) for child in node.children)


def python2_shim_refusal(
    handler: cst.ExceptHandler, parent_of: ParentOf, supports: str | None
) -> str | None:
    """A ``try`` that only calls ``sys.exc_clear()`` (or another call Python 3 lacks): in
    Python 3 the handler runs every time. Where the project supports Python 2 (``supports``
    says so, as :meth:`~cwemod.codemods.kit.project.Project.supports_before` words it:
    youtube-dl's 2.6), the call runs there, and only goes with it."""
    statement = parent_of(handler)
    if not isinstance(statement, cst.Try):
        return None
    gone = _python2_only_call(statement.body.body)
    if gone is None:
        return None
    if supports is not None:
        return (
            f"{gone}() exists only in Python 2, and {supports}: there the call runs; in"
            " Python 3 the handler runs every time, so a log line there is noise; the call"
            " and its try can go with Python 2"
        )
    return (
        f"{gone}() exists only in Python 2: in Python 3 the handler runs every time, so a"
        " log line there is noise; the call and its try can go"
    )


def _awaits_what_was_cancelled(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """The task the try only awaits, where the statement before it cancels that task."""
    body = statement.body.body
    if len(body) != 1 or not m.matches(body[0], _AWAIT_LINE):
        return None
    task = code_of(body[0].body[0].value.expression)  # type: ignore[attr-defined]
    block = parent_of(statement)
    if not isinstance(block, (cst.IndentedBlock, cst.Module)):
        return None
    index = index_in(block.body, statement)
    before = block.body[index - 1] if index else None
    if before is None or not m.matches(before, _CANCEL_LINE):
        return None
    cancelled = before.body[0].value.func.value  # type: ignore[attr-defined]
    return task if code_of(cancelled) == task else None


_AWAIT_LINE = m.SimpleStatementLine(body=[m.Expr(m.Await())])
_CANCEL_LINE = m.SimpleStatementLine(
    body=[m.Expr(m.Call(func=m.Attribute(attr=m.Name("cancel")), args=[]))]
)


def _only_makes_a_directory(statements: tuple[cst.BaseStatement, ...] | list) -> str | None:
    """``os.makedirs`` or ``os.mkdir`` where the try only makes a directory, without
    ``exist_ok``; None otherwise."""
    line = statements[0] if len(statements) == 1 else None
    if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return None
    call = called(line.body[0])
    if call is None or keyword_arg(call, "exist_ok") is not None:
        return None
    name = code_of(call.func)
    return name if name in ("os.makedirs", "os.mkdir") else None


def _reraised_before(statement: cst.Try, handler: cst.ExceptHandler) -> str | None:
    """What an earlier handler of the try catches and only re-raises (``except
    AssertionError: raise``), when the try itself raises it; None otherwise."""
    bare_raise = m.IndentedBlock([m.SimpleStatementLine([m.Raise(exc=None)])])
    for earlier in statement.handlers:
        if earlier is handler:
            return None
        if earlier.type is None or not m.matches(earlier.body, bare_raise):
            continue
        names = {code_of(c).rpartition(".")[2] for c in caught_classes(earlier)}
        raised = m.findall(statement.body, m.Raise(exc=m.Call(func=m.Name())))
        if any(r.exc.func.value in names for r in raised):  # type: ignore[union-attr]
            return ", ".join(sorted(names))
    return None


def _else_raises(statement: cst.Try) -> bool:
    """Does the ``else:`` of ``statement`` end by raising: success is the error?"""
    body = statement.orelse.body.body if statement.orelse is not None else ()
    last = body[-1] if body else None
    return isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Raise)


def _tests_with_index(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Does the try start with ``x.index(...)`` whose value it drops: a membership test?"""
    return bool(statements) and m.matches(
        statements[0],
        m.SimpleStatementLine([m.Expr(m.Call(func=m.Attribute(attr=m.Name("index"))))]),
    )


def _python2_only_call(statements: tuple[cst.BaseStatement, ...] | list) -> str | None:
    """``sys.exc_clear`` when the ``try`` only calls a function of ``sys`` that Python 3 lacks.

    A Python 2 shim (circus's ``sys.exc_clear()`` in a loop). Named, not asked
    of this ``sys``: ``sys.getwindowsversion()`` is missing only off Windows.
    """
    if len(statements) != 1 or not isinstance(statements[0], cst.SimpleStatementLine):
        return None
    small = statements[0].body
    if len(small) != 1 or not m.matches(
        small[0], m.Expr(m.Call(func=m.Attribute(value=m.Name("sys"))))
    ):
        return None
    name = small[0].value.func.attr.value  # type: ignore[attr-defined]
    return f"sys.{name}" if name in _PYTHON2_ONLY_SYS else None


def _whose(owners: set[str]) -> str:
    """The objects whose attributes a try sets, as its reason names them."""
    if owners == {"self"}:
        return "the instance"
    if owners == {"cls"}:
        return "the class"
    return "the object made here" if owners.isdisjoint({"self", "cls"}) else "each object"


# What a function that reports how the software is used is named for: prefect's
# prefect._internal.analytics.try_mark_milestone().
_USAGE_WORDS = frozenset({"analytics", "telemetry", "milestone", "milestones", "usage"})


def _left_unbound_reason(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> str | None:
    """Where a try that only assigns, with ``pass``, leaves a name unbound for its next use:
    that crash is the reason, before any comment's excuse."""
    own = objects_made_here(statement, parent_of)
    if not only_assigns(statement.body.body, own) or not m.matches(handler.body, PASS_BODY):
        return None
    unbound = left_unbound(statement, parent_of)
    if unbound is None:
        return None
    name, in_a_loop = unbound
    # cinderclient's `try: osprofiler_web = importutils.try_import(...)`; in a loop,
    # changedetection.io's version check: `r` is unbound if the first turn fails
    when = " on the loop's first turn (later, as the turn before left it)" * in_a_loop
    return (
        f"the handler leaves {name} unbound{when}, so its next use raises NameError:"
        " bind a default (None) before the try"
    )


def _only_reports_usage(statements: tuple[cst.BaseStatement, ...] | list) -> str | None:
    """The name of the call, where the statements only import and call functions, and one
    called or imported is named for analytics or telemetry."""
    called: list[str] = []
    words: set[str] = set()
    for line in statements:
        if not isinstance(line, cst.SimpleStatementLine):
            return None
        for small in line.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                imported = imported_names(small).values()
                words.update(word for name in imported for word in name_words(name))
            elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
                name = code_of(small.value.func)
                called.append(name)
                words.update(name_words(name))
            else:
                return None
    return called[0] if called and words & _USAGE_WORDS else None


def _tests_a_type(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Only ``if`` statements (each with no ``else``) testing what a value is, the last of
    them with ``issubclass()``, which raises for what is not a class: great-expectations'
    dialect checks, ``isinstance()``, then ``hasattr()``, then ``issubclass()``."""
    return (
        bool(statements)
        and all(isinstance(line, cst.If) and line.orelse is None for line in statements)
        and bool(m.findall(statements[-1].test, m.Call(func=m.Name("issubclass"))))
    )


def _converts_to_test(statements: Sequence[cst.BaseStatement]) -> cst.Call | None:
    """A conversion (``int(arg)``, ``uuid.UUID(arg)``) whose result is discarded, first in the
    try, alone (msldap's console: ``try: int(dn)``, its ``else:`` using the number) or followed
    only by assignments and additions (``qs.append(...)``) that each use the value it tested:
    the conversion only tests the value."""
    first, *rest = statements if statements else [None]
    if not m.matches(first, m.SimpleStatementLine([m.Expr(m.Call())])):
        return None
    call = first.body[0].value  # type: ignore[union-attr]
    if not call.args or code_of(call.func).rpartition(".")[2] not in _CONVERSIONS:
        return None
    value = call.args[0].value
    return call if all(_uses_to_store(line, value) for line in rest) else None


def _uses_to_store(line: cst.BaseStatement, value: cst.BaseExpression) -> bool:
    """Is ``line`` an assignment or an addition (``append``, ``add``...) that reads ``value``?"""
    if not m.matches(line, m.SimpleStatementLine([_ASSIGNS | _ADDS_TO_A_COLLECTION])):
        return False
    if isinstance(value, cst.Name):
        return reads(line.body[0], value.value)  # type: ignore[attr-defined]
    code = code_of(value)
    return any(code_of(node) == code for node in nodes_of_type(line, type(value)))


# Conversions that a try runs only to see whether they raise, and what a narrower handler
# of theirs catches.
_CONVERSIONS = NUMBER_CONVERSIONS | {"UUID"}
_CONVERSION_ERRORS = dict.fromkeys(
    ("int", "float", "complex", "Fraction"), "(TypeError, ValueError)"
)
_ASSIGNS = m.Assign() | m.AnnAssign() | m.AugAssign()
_ADDS_TO_A_COLLECTION = m.Expr(
    m.Call(
        func=m.Attribute(
            attr=m.Name("append") | m.Name("add") | m.Name("extend") | m.Name("insert")
        )
    )
)
