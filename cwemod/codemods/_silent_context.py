"""``silent-except``: where swallowing an exception is the code's intent, not a defect.

Each function returns the reason to leave a handler alone, or ``None``.
They read the tree around the handler through its parents (cwemod's
``ParentProvider``), passed in as ``parent_of``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Sequence

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import (
    called_name,
    called_words,
    keyword_arg,
    name_words,
    positional_arg,
)
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.project import Project, is_test_module
from cwemod.codemods.kit.source import code_of, module_code

ParentOf = Callable[[cst.CSTNode], "cst.CSTNode | None"]

# First word of a call's last name (``link.delete()``, ``stopRemoteCopy()``,
# ``remove_volume_from_group()``) that marks it as releasing or tearing down
# what exists: failing to undo is routine and ignoring it is a deliberate idiom.
TEARDOWN_VERBS = frozenset(
    {
        "aclose", "cancel", "clean", "cleanup", "close", "deallocate", "delete", "deregister",
        "destroy", "detach", "disconnect", "dispose", "free", "kill", "logout", "purge", "quit",
        "release", "remove", "rmdir", "rmtree", "shutdown", "stop", "teardown", "terminate",
        "unexport", "unlink", "unlock", "umount", "unmap", "unmount", "unplug", "unregister",
        "unset",
    }
)  # fmt: skip
# Top-level folders of a project that hold developer tooling, not shipped code.
TOOLING_FOLDERS = frozenset({"tools", "doc", "docs", "releasenotes", "devstack", "playbooks"})
# Compound statements whose first body statement a comment above them speaks for.
_BLOCK_OWNERS = (cst.If, cst.For, cst.While, cst.With, cst.Try)
# Functions of ``sys`` that Python 3 removed, which Python 2 shims still call.
_PYTHON2_ONLY_SYS = frozenset({"exc_clear", "setdefaultencoding"})
_CONTINUE_BODY = m.IndentedBlock([m.SimpleStatementLine([m.Continue()])]) | m.SimpleStatementSuite(
    [m.Continue()]
)
_PASS_BODY = m.IndentedBlock([m.SimpleStatementLine([m.Pass()])]) | m.SimpleStatementSuite(
    [m.Pass()]
)


def module_refusal(project: Project, module_path: str) -> str | None:
    """Modules where no swallowed exception is worth a log line."""
    if is_test_module(module_path):
        if project.forbids_test_logging:
            return "test code, and the project's hacking checks forbid logging in tests"
        return "test code: swallowing there hides no production failure"
    parts = module_path.split("/")
    if len(parts) > 1 and parts[0] in TOOLING_FOLDERS:
        return "developer tooling outside the shipped package; nobody reads its debug log"
    if _is_migration(parts):
        # pretalx's submission/migrations/0017_auto_20180115_1743.py, generated in 2018
        return "a historical migration: it runs once per install, and the project does not edit it"
    if _ANSIBLE_PLUGIN_FOLDERS & set(parts[:-1]):
        # ironic's callback plugin sets up logging itself, after the code that swallows
        return (
            "an Ansible plugin, run inside ansible-playbook: it reports through Ansible, and"
            " its own logging is not set up where it swallows"
        )
    return None


def _is_migration(parts: list[str]) -> bool:
    """A Django migration (``migrations/0017_auto_....py``) or an alembic revision
    (``versions/`` below an ``alembic`` or ``migrations`` folder)."""
    folders, name = parts[:-1], parts[-1]
    if folders[-1:] == ["migrations"] and name[:4].isdigit():
        return True
    return folders[-1:] == ["versions"] and bool({"alembic", "migrations"} & set(folders[:-1]))


def restricted_imports_refusal(module: cst.Module) -> str | None:
    """A module whose imports are kept to what runs anywhere: a logger's import may not.

    PyInstaller's bootstrap modules say "Import *ONLY* builtin modules"; its runtime
    hooks, run inside a frozen app, import nothing at their top.
    """
    if _IMPORTS_RESTRICTED.search(module_code(module)):
        return "the module says which modules it may import: a logger's import may not be one"
    # rollbar's DRF handler imports under a top-level try: still the module's own imports
    top_level = [
        statement
        for line in module.body
        for statement in ([line] if not isinstance(line, cst.Try) else line.body.body)
    ]
    top = [small for line in top_level if isinstance(line, cst.SimpleStatementLine)
           for small in line.body]  # fmt: skip
    inner = m.findall(module, m.Import() | m.ImportFrom())
    if inner and not any(isinstance(small, (cst.Import, cst.ImportFrom)) for small in top):
        return (
            "the module imports nothing at its top, its functions what they use: it may run"
            " where its package does not (a runtime hook); log the exception by hand"
        )
    return None


# "Import *ONLY* builtin modules", "must not import", "only the standard library".
_IMPORTS_RESTRICTED = re.compile(
    r"#[^\n]*\b(?:import\W+only\b[^\n]*\b(?:builtin|built-in|standard)|must\s+not\s+import"
    r"|only\s+(?:the\s+)?standard\s+library)",
    re.IGNORECASE,
)


_ANSIBLE_PLUGIN_FOLDERS = frozenset(
    f"{kind}_plugins"
    for kind in ("action", "callback", "connection", "filter", "inventory", "lookup", "strategy")
)


def ansible_module_refusal(imported: Iterable[str | None]) -> str | None:
    """Ansible's modules and plugins (they import ``ansible.module_utils``) log nowhere;
    code that imports Ansible's Display reports through it (ansible-core's controller)."""
    names = [name.split(".") for name in imported if name]
    if any(parts[:3] == ["ansible", "utils", "display"] for parts in names):
        return (
            "Ansible code that reports through its Display: report the exception there"
            " (display.debug(), display.vvv()) by hand"
        )
    if any(parts[:2] == ["ansible", "module_utils"] for parts in names):
        return (
            "an Ansible module or plugin: it reports through Ansible (its result, module.log(),"
            " the display), and nothing sets up logging where it runs"
        )
    return None


def try_refusal(handler: cst.ExceptHandler, parent_of: ParentOf) -> str | None:
    """Reasons found in the ``try`` statement the handler belongs to and around it."""
    statement = parent_of(handler)
    if not isinstance(statement, cst.Try):
        return None
    elsewhere = _caught_before(statement, handler)
    if _any_explains(m.findall(handler, m.Comment())) or _any_about_failing(
        _not_naming(elsewhere, _comments_outside_nested_tries(statement.body))
    ):
        return "a comment documents that the exception is ignored on purpose"
    if _commented_above(statement, parent_of, elsewhere):
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
    reraised = _reraised_before(statement, handler)
    if reraised is not None:
        # Cheetah's version check: except AssertionError: raise, then except Exception: pass
        return (
            f"a check: the try raises {reraised} when it fails, and the handler before this"
            " one lets that through; anything else means the check cannot be made here"
        )
    if _checks_then_exits(statement, handler):
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
    drained = _drains_until_empty(statement.body.body)
    if drained is not None:
        # kivy's input providers: `while True: event = self.queue.popleft()`, every frame
        take, raised = drained
        return (
            f"the loop ends when the container is empty: {take}() raising {raised} is how"
            f" it stops; narrowing the handler to `except {raised.partition(' ')[0]}:` would"
            " say so, and let failures in the rest of the loop be seen"
        )
    if _ends_in_an_endless_loop(statement.body.body):
        # octoprint's serialList(): while True: winreg.EnumValue(key, i) until it raises
        return "the loop in the try ends only when it raises: the exception is how it stops"
    if _tests_with_index(statement.body.body):
        # impacket's transport: endpoint.index('endpoint=') is a membership test
        return "the try tests for a value with .index(): failing means it is not there"
    if _else_raises(statement):
        # designate's recordset check: a child zone that does not raise is the error
        return "a test: the try's else raises, so the exception is the expected answer"
    if _only_tears_down(
        statement.body.body, aliases=_teardowns_by_getattr(statement, parent_of)
    ) and not _removes_what_it_was_given(statement, parent_of):
        return "best-effort cleanup: ignoring a failed release or teardown is deliberate"
    if _undoes_while_raising(statement, parent_of):
        return (
            "a best-effort rollback while another error is raised: a failed rollback must"
            " not mask it (and after a failed commit the rollback often fails too)"
        )
    if _tries_candidates(statement, parent_of):
        return "tries candidates in turn in a loop: a failure only means the next one is tried"
    if _only_deletes(statement.body.body):
        # cobbler's `del blended["autoinstall_meta"]` after blended.get("autoinstall_meta", {})
        return "removes an entry that may not be there: the entry gone is what the code wants"
    own = _objects_made_here(statement, parent_of)
    if _only_assigns(statement.body.body, own) and m.matches(handler.body, _PASS_BODY):
        unbound = _left_unbound(statement, parent_of)
        if unbound is not None:
            name, in_a_loop = unbound
            # cinderclient's `try: osprofiler_web = importutils.try_import(...)`; in a loop,
            # changedetection.io's version check: `r` is unbound if the first turn fails
            when = " on the loop's first turn (later, as the turn before left it)" * in_a_loop
            return (
                f"the handler leaves {name} unbound{when}, so its next use raises NameError:"
                " bind a default (None) before the try"
            )
        if all(_only_imports(line) for line in statement.body.body):
            # coverage's pth file: try: import coverage / except: pass / else: ...
            return "an optional import: the module goes on without it"
        # not wfuzz's GUI: `try: options = parse(cmd) ... else: run(options)` has no
        # default; a failure skips the work the else does
        if statement.orelse is None or _only_assigns(statement.orelse.body.body, own):
            converted = _converted_in_place(statement.body.body)
            if converted is not None:
                return _converted_reason(statement, *converted, parent_of)
            return "an optional value that keeps its default when it cannot be read"
    if _sets_up_an_optional_dependency(statement, parent_of) and m.matches(
        handler.body, _PASS_BODY
    ):
        # flask-security's `try: from twilio.rest import Client`, then the sender class on it
        return (
            "an optional dependency: the try imports it first and then only defines and"
            " registers what needs it; the module goes on without it"
        )
    if _only_assigns(statement.body.body, own) and m.matches(handler.body, _CONTINUE_BODY):
        # manila's ip_lib: `subnet = line.split()[0]` fails on the output's last, empty line
        return "a filter: the loop skips the items whose values cannot be read"
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
    if _last_in_a_loop(statement, parent_of) and m.matches(
        handler.body, _PASS_BODY | _CONTINUE_BODY
    ):
        if _reads_then_yields(statement.body.body):
            # insights-core's audit log: lines whose timestamp cannot be read are left out
            return "a filter: the loop leaves out the items whose values cannot be read"
    if _converts_or_gives_none(statement, handler, parent_of):
        # pretalx's get_int(value): try: return int(value) / except: pass, nothing after
        return "a conversion: the function gives None when the value cannot be read"
    answer = _probe_answer(statement, handler, parent_of)
    if answer is not None:
        # PyInstaller's _classify_binary_vs_data(): what macholib cannot read is 'DATA'
        return f"a probe: what fails there is answered `{answer}` after the try"
    if _returns_or_gives_none(statement, handler, parent_of):
        # csvkit's csvstat _calculate_stat(): agate raises for a text column's mean, routinely
        return (
            "a probe: the try returns its answer when it works, and the function gives None"
            " when it fails (nothing runs after the try)"
        )
    if _falls_back(statement, handler, parent_of):
        raised = _raised_next(statement, parent_of)
        if raised is not None:
            # pywebview's interop_dll_path(): `raise FileNotFoundError(...)` when no way found it
            return (
                f"the code after the try {raised} when this way fails: the swallow only tries"
                " one way first"
            )
        return (
            "a fallback follows: the try returns when it works; the code after it is the other way"
        )
    unset = _unset_then_given_another_way(statement, handler, parent_of)
    if unset is not None:
        # gsutil's GetTermLines(): `if not ioc: ioc = os.environ.get('LINES', ...)`
        return (
            f"a fallback follows: when the try fails, `{unset[1]}` right after it gives"
            f" {unset[0]} another way"
        )
    return None


def python2_shim_refusal(
    handler: cst.ExceptHandler, parent_of: ParentOf, oldest_python: str | None
) -> str | None:
    """A ``try`` that only calls ``sys.exc_clear()`` (or another call Python 3 lacks): in
    Python 3 the handler runs every time. Where the project still supports Python 2
    (``oldest_python``, as youtube-dl's 2.6), the call runs there, and only goes with it."""
    statement = parent_of(handler)
    if not isinstance(statement, cst.Try):
        return None
    gone = _python2_only_call(statement.body.body)
    if gone is None:
        return None
    if oldest_python is not None:
        return (
            f"{gone}() exists only in Python 2, which the project still supports"
            f" ({oldest_python}): there the call runs; in Python 3 the handler runs every"
            " time, so a log line there is noise; the call and its try can go with Python 2"
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
    index = _index_in(block.body, statement)
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
    call = _called(line.body[0])
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


def _ends_in_an_endless_loop(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Does the try end in ``while True:`` that only reads values, with no ``break`` or
    ``return`` out of it (not a worker's loop, whose failure would end the work)?"""
    last = statements[-1] if statements else None
    if not isinstance(last, cst.While) or not _always_true(last.test):
        return False
    body = last.body.body
    return not m.findall(last.body, m.Break() | m.Return()) and _only_assigns(body)


def _drains_until_empty(
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


def _else_raises(statement: cst.Try) -> bool:
    """Does the ``else:`` of ``statement`` end by raising: success is the error?"""
    body = statement.orelse.body.body if statement.orelse is not None else ()
    last = body[-1] if body else None
    return isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Raise)


def teardown_refusal(function: cst.FunctionDef | None) -> str | None:
    """Why a swallow in ``function``, the innermost around it, is best effort: the
    function is named only for a teardown; else None.

    jupyter_server's ``disconnect()`` runs once when the kernel dies and once
    when the websocket closes. ``delete_volume()`` is not one: it does what a
    caller asked for.
    """
    if function is None:
        return None
    # opentrons' ThreadManager.clean_up_tm(): clean_up is cleanup
    name = function.name.value.strip("_").replace("clean_up", "cleanup")
    # logbook's MailHandler.close_connection(): a method named close_*/disconnect_* too
    if name not in _TEARDOWN_METHODS and name.partition("_")[0] not in _TEARDOWN_PREFIXES:
        return None
    return (
        f"best-effort teardown: {function.name.value}() releases what it can, and one"
        " failed release must not stop the others"
    )


_TEARDOWN_PREFIXES = frozenset({"close", "disconnect", "shutdown", "teardown", "cleanup"})
# yagmail's RawAsyncSMTP.quit() (smtplib's and imaplib's names): a goodbye, then the close
_TEARDOWN_METHODS = frozenset(
    {"close", "aclose", "disconnect", "shutdown", "stop", "cleanup", "clean_up", "teardown",
     "tear_down", "terminate", "dispose", "quit", "logout"}
)  # fmt: skip


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


def _any_explains(comments: Iterable[cst.Comment | None]) -> bool:
    """Is one of the handler's ``comments`` written by a person (cinder's "# Really don't
    care here"), not a linter's directive or a TODO naming a lint code (scons' "# TODO:
    W0702: No exception type(s) specified")?"""
    return any(_prose(comment) is not None for comment in comments)


def _any_about_failing(comments: Iterable[cst.Comment | None]) -> bool:
    """Does one of ``comments`` (in the ``try``, or above it) speak of a failure, or of
    ignoring one? A comment that only says what the code does there (scons' "# Read old
    rpmutils.py file") documents no decision to swallow."""
    return any(
        _ABOUT_FAILING.search(_CHECKER_IGNORE.sub("", _prose(comment) or ""))
        for comment in comments
    )


# bleak's "# TODO: ... so we can remove the pyright ignore": a type checker's, no exception's.
_CHECKER_IGNORE = re.compile(
    r"\b(?:pyright|mypy|pyre|pytype|type|ty|pylint|flake8|ruff)\W{0,3}ignore\w*", re.IGNORECASE
)


def _prose(comment: cst.Comment | None) -> str | None:
    """The comment's text, unless it is a linter's directive or a lint code's TODO."""
    if comment is None:
        return None
    text = comment.value.lstrip("#").strip()
    while _LINT_DIRECTIVE.match(text):
        # pynput's "# pylint: disable E722; we want to suppress exceptions": the reason
        # after the directive is prose; pycti's pylint directive, then flake8's noqa for
        # E722, are two directives
        parts = _AFTER_A_DIRECTIVE.split(text, maxsplit=1)
        text = parts[1].strip().lstrip("#").strip() if len(parts) == 2 else ""
    if not text or _ASKS_FOR_HANDLING.match(text):
        return None
    return None if _is_code(text) else text


def _is_code(text: str) -> bool:
    """Commented-out code (pypykatz's ``#traceback.print_exc()``), which documents nothing."""
    if not _CODE_LIKE.match(text):
        return False
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


# A statement, not prose: an import, a call, an assignment, a return or raise.
_CODE_LIKE = re.compile(r"(?:import|from|return|raise|print)\b|[\w.]+\s*(?:\(|=[^=])")


# A note asking for the handling the fix adds (radicale's "# TODO: Log exception?"), or for
# a narrower handler (glanceclient's "# TODO(bcwaldon): narrow this down to 404", scoutsuite's
# "# TODO implement condition to pass only if the triggered error is ..."): no decision to
# swallow.
_ASKS_FOR_HANDLING = re.compile(
    # Cheetah's "# @@TR: should add some logging to this": @@ is its authors' TODO mark
    r"(?:(?:TODO|FIXME|XXX)\b|@@|\bshould add\b).*\b(?:log\w*|handl\w*|report\w*|rais\w*|warn\w*|narrow\w*"
    r"|broad\w*|specific\w*|catch\w*|only (?:if|when))\b",
    re.IGNORECASE,
)
_AFTER_A_DIRECTIVE = re.compile(r";|\s--?\s|\s#")
_LINT_DIRECTIVE = re.compile(
    r"(?:pylint|type|pragma|fmt|isort|mypy|pyright|ruff|ty)\s*:|(?:noqa|nosec)\b"
    r"|(?:TODO|FIXME|XXX)\W*[A-Z]\d{3,4}\b",
    re.IGNORECASE,
)
# What a comment says when the code lets a failure pass on purpose.
_ABOUT_FAILING = re.compile(
    r"\b(?:ignor\w*|fail\w*|best[- ]effort|harmless|matters?|fine|ok|okay|expected|missing"
    r"|gone|already|optional\w*|safe(?:ly)? to|swallow\w*|silen\w*|suppress\w*"
    r"|no-?op|unavailable|unsupported|race|not (?:exist|available|present|installed"
    r"|supported|found|there|set)|(?:does not|doesn't) exist|may not|might not|care|problems?"
    r"|handles? (?:the )?cases?"
    # carbon's "# This only works on Linux": elsewhere it fails, as expected
    r"|only works|works only|only (?:on|under|for|with) (?:linux|windows|mac\w*|posix|unix"
    r"|darwin|bsd|cpython|pypy)|(?:linux|windows|mac\w*|posix|unix|darwin|bsd)[- ]only"
    r"|wrong|blow\w* up|even if|anyway|regardless|acceptable|tolerat\w*|benign|transient"
    r"|break|broken|for safety|try/(?:catch|except)|(?:if|where|when) possible|quash\w*"
    r"|(?:can|could|may|might) raise|raises|exceptions? it raises"
    r"|(?:no|any) exceptions? (?:should|must|may|can) (?:escape|propagate|leak))\b",
    re.IGNORECASE,
)


def summary_about_failing(docstring: str, statement: cst.CSTNode | None) -> bool:
    """Does the first paragraph of a function's docstring say the call the ``try`` makes may
    fail, as a comment above it would (tuir's curs_set(): "Change the cursor visibility, may
    fail for some terminals")? In so many words, or speaking of failing with the first word of
    a call the ``try`` makes: google-cloud-storage's lookup_bucket(), "Get a bucket by name,
    returning None if not found", tells of the NotFound it handles by name, not of the cache
    update its inner ``try`` swallows; "Handle failed logins" says nothing of a call either."""
    summary = _FAILOVER.sub("", docstring.strip().split("\n\n", 1)[0])
    summary = _CHECKER_IGNORE.sub("", summary)
    if _SAYS_IT_MAY_FAIL.search(summary):
        return True
    if not isinstance(statement, (cst.Try, cst.TryStar)):
        return False
    return bool(_ABOUT_FAILING.search(summary)) and any(
        re.search(rf"\b{re.escape(words[0])}", summary, re.IGNORECASE)
        for words in map(called_words, nodes_of_type(statement.body, cst.Call))
        if words and len(words[0]) > 2
    )


# A docstring's words that a call of the function may fail, with no call named.
_SAYS_IT_MAY_FAIL = re.compile(
    r"\b(?:(?:may|might|can|could|will)(?: not)? (?:fail|raise|error)\w*"
    r"|(?:may|might|can|could)(?:not|n't| not) (?:work|succeed)\w*|best[- ]effort"
    r"|ignor\w* (?:\w+ )?(?:errors?|failures?|exceptions?)|fails? silently|silently"
    r"|(?:errors?|failures?|exceptions?) (?:are|is) (?:ignored|swallowed|suppressed)"
    r"|optionally|(?:if|where|when) possible|never raises?)\b|\(optional\)",
    re.IGNORECASE,
)


# cinder's failover_host(): "Force failover to a secondary replication target." names what
# the function does, no failure of it.
_FAILOVER = re.compile(r"\bfail[- ]?(?:over|back)\w*", re.IGNORECASE)


def _comments_outside_nested_tries(block: cst.BaseSuite) -> list[cst.Comment]:
    """The comments of ``block``, but for those of a ``try`` in it, which speak for that one
    (pysnmp's "# already up to date" and "# schema object with no value")."""
    nested = {id(c) for t in m.findall(block, m.Try()) for c in m.findall(t, m.Comment())}
    return [comment for comment in m.findall(block, m.Comment()) if id(comment) not in nested]


def _commented_above(
    statement: cst.BaseStatement, parent_of: ParentOf, elsewhere: frozenset[str] = frozenset()
) -> bool:
    """A comment about failing just above the ``try``, above the statement whose block it
    opens, or above the ``try`` statements of the same run that it follows without a blank
    line; none naming ``elsewhere``, what an earlier handler catches (:func:`_caught_before`)."""
    current: cst.CSTNode | None = statement
    while isinstance(current, cst.BaseStatement):
        if _any_about_failing(_not_naming(elsewhere, [x.comment for x in current.leading_lines])):
            return True
        block = parent_of(current)
        if not isinstance(block, cst.IndentedBlock):
            return False
        index = _index_in(block.body, current)
        if index == 0:
            owner = parent_of(block)
            # not an ``if``'s: mezzanine's `if code != lang:  # Already done` is about the test
            header = _not_naming(elsewhere, [block.header.comment])
            if not isinstance(owner, cst.If) and _any_about_failing(header):
                return True
            current = owner if isinstance(owner, _BLOCK_OWNERS) else None
        elif isinstance(block.body[index - 1], cst.Try) and not current.leading_lines:
            current = block.body[index - 1]
        else:
            return False
    return False


def _caught_before(statement: cst.Try, handler: cst.ExceptHandler) -> frozenset[str]:
    """The words of the classes that the handlers before ``handler`` catch, those that turn
    the failure into something (a result, an error), not ``pass`` or ``continue``: wapiti's
    ``except NXDOMAIN: return True``, then ``except BaseException: continue``."""
    earlier = statement.handlers[: _index_in(statement.handlers, handler)]
    return frozenset(
        word
        for other in earlier
        if not m.matches(other.body, _PASS_BODY | _CONTINUE_BODY)
        for caught in caught_classes(other)
        for word in name_words(code_of(caught).rpartition(".")[2])
        if len(word) > 3 and word not in _GENERIC_EXCEPTION_WORDS
    )


_GENERIC_EXCEPTION_WORDS = frozenset({"error", "exception", "warning", "does", "base"})


def _not_naming(
    words: frozenset[str], comments: Iterable[cst.Comment | None]
) -> list[cst.Comment | None]:
    """The comments that name none of ``words`` (a word of theirs in one or one in theirs):
    wapiti's "# Otherwise if the pointed domain doesn't exist it may be enough" tells of the
    NXDOMAIN an earlier handler makes a result of, not of the failure a later one swallows."""
    return [
        comment
        for comment in comments
        if comment is None
        or not any(
            said in word or word in said
            for said in re.findall(r"[a-z]{4,}", comment.value.lower())
            for word in words
        )
    ]


def _index_in(statements: tuple[cst.BaseStatement, ...] | list, node: cst.CSTNode) -> int:
    return next(index for index, statement in enumerate(statements) if statement is node)


def _only_tears_down(
    statements: tuple[cst.BaseStatement, ...] | list,
    results: frozenset[str] | None = None,
    aliases: frozenset[str] = frozenset(),
) -> bool:
    """Only teardown calls (``None`` assignments, a name bound to another, ``if`` around them
    and ``pass`` allowed: ironic's console containers have a stray one), at least one.

    A teardown's result kept in a name and awaited when it is awaitable counts too
    (google-auth's ``res = session.close()``, then ``if inspect.isawaitable(res): await res``).
    """
    if results is None:
        results = _teardown_results(statements)
    calls = 0
    for statement in statements:
        if _is_pass(statement):
            continue
        if isinstance(statement, cst.If):
            branches = [statement.body.body]
            if statement.orelse is not None:
                orelse = statement.orelse
                branches.append([orelse] if isinstance(orelse, cst.If) else orelse.body.body)
            if not all(_only_tears_down(branch, results, aliases) for branch in branches):
                return False
            calls += 1
            continue
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in statement.body:
            if _is_teardown_call(small) or _keeps_teardown_result(small):
                calls += 1
            elif calls and _waits(small):
                continue  # spyder's thread.quit(), then thread.wait(): the teardown's end
            elif _calls_one_of(small, aliases):
                calls += 1
            elif m.matches(small, m.Expr(m.Await(m.Name()))) and (
                small.value.expression.value in results  # type: ignore[attr-defined]
            ):
                calls += 1
            elif not m.matches(small, _HARMLESS_BINDING):
                return False
    return calls > 0


# ``x = None``, or a name given another name (apprise's ``client = client_obj``, for the
# type checker, before ``client.disconnect``): neither can fail, nor does any work.
_HARMLESS_BINDING = m.Assign(targets=[m.AssignTarget(m.Name())], value=m.Name()) | m.Assign(
    value=m.Name("None")
)


def _removes_what_it_was_given(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Does the try remove a file whose path the function was given, a parameter or an item
    of a loop, none named temporary? s4cmd's dsync_files() unlinks the target's files under
    --delete-removed: what the user asked for, no teardown of what the code made."""
    given = _loop_items_around(statement, parent_of)
    given.update((name, name) for name in parameters_around(statement, parent_of))
    for call in nodes_of_type(statement.body, cst.Call):
        if code_of(call.func) not in _FILE_REMOVALS or not call.args:
            continue
        path = call.args[0].value
        if isinstance(path, cst.Name) and path.value in given:
            words = name_words(path.value) + name_words(given[path.value])
            if not _TEMPORARY.intersection(words):
                return True
    return False


_FILE_REMOVALS = frozenset({"os.unlink", "os.remove", "os.rmdir", "os.removedirs", "shutil.rmtree"})
_TEMPORARY = frozenset({"tmp", "temp", "temporary", "tempfile", "tmpfile", "scratch"})


def _loop_items_around(node: cst.CSTNode, parent_of: ParentOf) -> dict[str, str]:
    """The names ``for`` loops around ``node`` in its function bind, each with the code of
    what the loop runs over."""
    items: dict[str, str] = {}
    for around in ancestors(node, parent_of):
        if isinstance(around, (cst.FunctionDef, cst.Lambda)):
            break
        if isinstance(around, cst.For):
            for name in nodes_of_type(around.target, cst.Name):
                items.setdefault(name.value, code_of(around.iter))
    return items


def _waits(small: cst.BaseSmallStatement) -> bool:
    """``thread.wait()``, ``process.join()``: waiting for what a teardown call stopped."""
    value = _called(small)
    return value is not None and called_words(value)[:1] in (["wait"], ["join"])


def _teardown_results(statements: tuple[cst.BaseStatement, ...] | list) -> frozenset[str]:
    """The names that hold a teardown call's result, anywhere in ``statements``."""
    return frozenset(
        assign.targets[0].target.value  # type: ignore[attr-defined]
        for statement in statements
        for assign in m.findall(statement, m.Assign(targets=[m.AssignTarget(m.Name())]))
        if _keeps_teardown_result(assign)  # type: ignore[arg-type]
    )


def _keeps_teardown_result(small: cst.BaseSmallStatement) -> bool:
    """``res = x.close()``: a teardown call whose result is kept in a name."""
    return (
        m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name())], value=m.Call()))
        and _is_teardown_call(cst.Expr(small.value))  # type: ignore[attr-defined]
    )


def _undoes_while_raising(statement: cst.Try, parent_of: ParentOf) -> bool:
    """``except: rollback() ... raise``: the try only rolls back, in a handler that re-raises.

    peewee's asyncpg transaction: when commit fails, asyncpg marks the
    transaction failed and every rollback raises; the handler re-raises the
    commit's error.
    """
    body = statement.body.body
    calls = [
        small for line in body if isinstance(line, cst.SimpleStatementLine) for small in line.body
    ]
    if len(calls) != len(body) or not calls or not all(_is_rollback_call(small) for small in calls):
        return False
    handler = parent_of(statement)
    while handler is not None and not isinstance(handler, (cst.ExceptHandler, cst.FunctionDef)):
        handler = parent_of(handler)
    return isinstance(handler, cst.ExceptHandler) and any(
        isinstance(small, cst.Raise) and small.exc is None
        for line in handler.body.body
        if isinstance(line, cst.SimpleStatementLine)
        for small in line.body
    )


def _is_rollback_call(small: cst.BaseSmallStatement) -> bool:
    call = _called(small)
    words = called_words(call) if call is not None else []
    return bool(words) and words[0] in _UNDO_VERBS


_UNDO_VERBS = frozenset({"rollback", "abort"})


def _calls_one_of(small: cst.BaseSmallStatement, names: frozenset[str]) -> bool:
    called = _called(small)
    return called is not None and isinstance(called.func, cst.Name) and called.func.value in names


def _teardowns_by_getattr(statement: cst.Try, parent_of: ParentOf) -> frozenset[str]:
    """The names the enclosing function binds to ``getattr(x, 'teardown')`` (or another
    teardown's name): discord.py's ``func = getattr(lib, 'teardown')``, then ``await
    func(self)``."""
    function = enclosing_function(statement, parent_of)
    if function is None:
        return frozenset()
    bound = m.Assign(
        targets=[m.AssignTarget(m.Name())],
        value=m.Call(func=m.Name("getattr"), args=[m.Arg(), m.Arg(m.SimpleString())]),
    )
    names = set()
    for assign in m.findall(function, bound):
        attribute = assign.value.args[1].value.evaluated_value  # type: ignore[attr-defined]
        words = name_words(attribute) if isinstance(attribute, str) else []
        if words and words[0] in TEARDOWN_VERBS:
            names.add(assign.targets[0].target.value)  # type: ignore[attr-defined]
    return frozenset(names)


def _is_teardown_call(small: cst.BaseSmallStatement) -> bool:
    value = _called(small)
    if value is None:
        return False
    # impacket's scmr.hRDeleteService(): a one-letter prefix is no verb
    words = [word for word in called_words(value) if len(word) > 1]
    # kombu's force_close_all(), gevent's os_close(), confluent-kafka's async_close_serdes()
    # gradio's safe_aclose_iterator()
    if words[:1] in (["force"], ["os"], ["async"], ["safe"]):
        words = words[1:]
    # a C library's prefix before its verb: pynvml's nvmlShutdown()
    elif (
        re.match(r"[a-z]+[A-Z]", called_name(value) or "")
        and words[1:2]
        and words[1] in TEARDOWN_VERBS
    ):
        words = words[1:]
    if words and words[0] in TEARDOWN_VERBS:
        return True
    if words[-1:] == ["eof"]:  # websockets' transport.write_eof(), send_eof(): a half-close
        return True
    # pyghmi's weblogout(): grab_json_response(self.logouturl), a request that logs out;
    # impacket's hRControlService(..., scmr.SERVICE_CONTROL_STOP)
    return any(
        _names_teardown(word) for arg in value.args for word in name_words(code_of(arg.value))
    )


def _called(small: cst.BaseSmallStatement) -> cst.Call | None:
    """The call a statement is made of (``f()``, ``await f()``, or Twisted's ``yield f()``
    in an ``inlineCallbacks`` function: magic-wormhole's ``yield w.close()``), if it is one."""
    if not isinstance(small, cst.Expr):
        return None
    value = small.value
    if isinstance(value, cst.Await):
        value = value.expression
    elif isinstance(value, cst.Yield) and isinstance(value.value, cst.Call):
        value = value.value
    return value if isinstance(value, cst.Call) else None


def _names_teardown(word: str) -> bool:
    """``logout``, or a teardown verb and what it is sent to: ``logouturl``, ``close_path``."""
    return word in TEARDOWN_VERBS or any(
        word.startswith(verb) and word[len(verb) :] in _ADDRESS_WORDS for verb in TEARDOWN_VERBS
    )


_ADDRESS_WORDS = frozenset({"url", "uri", "path", "endpoint"})


def _falls_back(statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf) -> bool:
    """``try: return a() except: pass`` then calls: the way to try first, then another.

    manila's Weka client reads ``/capacity`` on Weka 4.x and sums the drives
    on 5.x when that fails. The try may also end in an ``if`` that returns
    (conan checks whether a 404 means no packages, else raises the error
    below), or ``continue`` a loop (scons tries a source as a file, then as
    a folder).
    """
    body = [small for small in statement.body.body if not _is_pass(small)]
    if statement.orelse is not None:  # celery's pickle probe: try, except: pass, else: return
        body = list(statement.orelse.body.body)
    if not body or not _leaves_when_it_works(body[-1]):
        return False
    if not m.matches(handler.body, _PASS_BODY) or statement.finalbody:
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


def _raised_next(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """What the statement right after the try raises, said as a verb phrase ("raises
    FileNotFoundError"; a bare ``raise``, gcsfs's, "re-raises the error being handled")."""
    after = statements_after(statement, parent_of)
    if not after or not m.matches(after[0], m.SimpleStatementLine([m.Raise()])):
        return None
    exc = after[0].body[0].exc  # type: ignore[attr-defined]
    if exc is None:
        return "re-raises the error being handled"
    return f"raises {code_of(exc.func if isinstance(exc, cst.Call) else exc)}"


def _unset_then_given_another_way(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> tuple[str, str] | None:
    """The name the try binds, and the test, where the statement right after it is ``if not name:`` (or
    ``if name is None:``) that binds it another way: gsutil's GetTermLines() asks the
    terminal for its size, then reads LINES when that gave nothing."""
    if not m.matches(handler.body, _PASS_BODY) or statement.orelse or statement.finalbody:
        return None
    after = statements_after(statement, parent_of)
    if not after or not isinstance(after[0], cst.If):
        return None
    tested = m.Name()
    unset = m.UnaryOperation(operator=m.Not(), expression=tested) | m.Comparison(
        left=tested, comparisons=[m.ComparisonTarget(operator=m.Is(), comparator=m.Name("None"))]
    )
    test = after[0].test
    if not m.matches(test, unset):
        return None
    name = code_of(test.expression if isinstance(test, cst.UnaryOperation) else test.left)
    if _may_bind(statement, name) and _may_bind(after[0], name):
        return name, f"if {code_of(test)}:"
    return None


def _probe_answer(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> str | None:
    """``return 'DATA'`` when the try returns a literal when it works (at its end, or at
    the end of an ``if`` there: thonny's ``if tcl is not None: ...; return {}``), its
    handler passes, and the statement after it returns another literal: the failure is an
    answer. So is a try that returns somewhere inside but may also run to its end (flytekit's
    ``schema_match()``: ``if <a model>: return <match>``): the literal after it is the no the
    function gives anyway, and the failure joins it (a parameter there is a fallback: py-cpuinfo
    gives the input back)."""
    body = statement.body.body
    if not (body and m.matches(handler.body, _PASS_BODY)):
        return None
    answers_a_literal = _ends_returning_a_literal(body[-1])
    if not (answers_a_literal or _may_return_or_run_on(statement)):
        return None
    after = statements_after(statement, parent_of)
    if not after or not m.matches(after[0], _RETURNS):
        return None
    answer = after[0].body[0].value  # type: ignore[attr-defined]
    if answer is None:
        return None
    if _is_literal(answer) or (
        answers_a_literal
        and isinstance(answer, cst.Name)
        and answer.value in parameters_around(statement, parent_of)
    ):
        return code_of(answer)  # click's _is_binary_writer(): `return default`, a parameter
    return None


def _may_return_or_run_on(statement: cst.Try) -> bool:
    """A try, with no ``else:`` or ``finally:``, whose body returns (not in a function defined
    there) but does not end in a plain ``return``: it may also run on to what follows."""
    if statement.orelse is not None or statement.finalbody is not None:
        return False
    if m.matches(statement.body.body[-1], _RETURNS):
        return False
    nested = {
        id(inner)
        for function in m.findall(statement.body, m.FunctionDef())
        for inner in m.findall(function, m.Return())
    }
    return any(id(found) not in nested for found in m.findall(statement.body, m.Return()))


def _converts_or_gives_none(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> bool:
    """A try that only returns a call of a parameter (``return int(value)``), with ``pass``,
    at the end of its function, or before ``return None``: None is the answer for what
    cannot be read."""
    body = statement.body.body
    if len(body) != 1 or not m.matches(handler.body, _PASS_BODY) or statement.finalbody:
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
        and code_of(call.func).rpartition(".")[2] in _NUMBER_CONVERSIONS
    )
    return bool(given & parameters) and gives_none


_RETURN_NONE = m.SimpleStatementLine([m.Return(value=m.Name("None"))])
_RETURNS = m.SimpleStatementLine([m.Return()])


def _returns_or_gives_none(
    statement: cst.Try, handler: cst.ExceptHandler, parent_of: ParentOf
) -> bool:
    """A try whose body ends returning a value, whose handler only passes, and after which
    the function ends: it gives None (the implicit ``return None``) for what fails."""
    body = statement.body.body
    if not body or statement.orelse is not None or statement.finalbody is not None:
        return False
    if not m.matches(handler.body, _PASS_BODY) or not m.matches(body[-1], _RETURNS):
        return False
    value = body[-1].body[0].value  # type: ignore[attr-defined]
    if value is None or m.matches(value, m.Name("None")):
        return False
    return _ends_the_function(statement, parent_of)


def _ends_the_function(statement: cst.BaseStatement, parent_of: ParentOf) -> bool:
    """Is ``statement`` the last the function runs: last in its block, up through ``with``
    and ``if`` statements that are last in theirs, to the function's body?"""
    current: cst.CSTNode | None = statement
    while True:
        block = parent_of(current)  # type: ignore[arg-type]
        if not isinstance(block, cst.IndentedBlock) or block.body[-1] is not current:
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


_NUMBER_CONVERSIONS = frozenset({"int", "float", "complex", "Decimal", "Fraction"})


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
        and _is_literal(line.body[-1].value)  # type: ignore[attr-defined]
    )


def _is_literal(value: cst.BaseExpression) -> bool:
    """A string, a number, True, False or None, or a display of them (thonny's ``{}``)."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.Name):
        return value.value in ("True", "False", "None")
    if isinstance(value, cst.Dict):
        return all(
            isinstance(e, cst.DictElement) and _is_literal(e.key) and _is_literal(e.value)
            for e in value.elements
        )
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        return all(isinstance(e, cst.Element) and _is_literal(e.value) for e in value.elements)
    return False


def parameters_around(node: cst.CSTNode, parent_of: ParentOf) -> set[str]:
    """The parameter names of the function ``node`` is in."""
    function = enclosing_function(node, parent_of)
    if function is None:
        return set()
    params = function.params
    return {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}


def statements_after(statement: cst.BaseStatement, parent_of: ParentOf) -> list:
    """What runs next in the function: the rest of the block, else after the ``if`` it ends."""
    block = parent_of(statement)
    if not isinstance(block, cst.IndentedBlock):
        return []
    after = block.body[_index_in(block.body, statement) + 1 :]
    owner = parent_of(block)
    if not after and isinstance(owner, cst.Else) and isinstance(parent_of(owner), cst.Try):
        # raven's get_version_from_app(): in a try's else, what follows that try is next
        return statements_after(parent_of(owner), parent_of)  # type: ignore[arg-type]
    if after or not isinstance(owner, cst.If):
        return list(after)
    while isinstance(parent_of(owner), cst.If):  # an elif: the whole if statement
        owner = parent_of(owner)
    return statements_after(owner, parent_of)


def _left_unbound(statement: cst.Try, parent_of: ParentOf) -> tuple[str, bool] | None:
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
        index = _index_in(block.body, current)
        if any(_may_bind(earlier, name) for earlier in block.body[:index]):
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


def _may_bind(statement: cst.BaseStatement, name: str) -> bool:
    """Could ``statement`` bind ``name``? A target holding the name, an import or a
    definition of it, ``global``/``nonlocal`` or a star import count."""
    named = m.Name(name)
    if m.findall(
        statement,
        m.AsName(name=named) | m.NamedExpr(target=named) | m.FunctionDef(name=named)
        | m.ClassDef(name=named) | m.ImportAlias(name=named, asname=None) | m.Global()
        | m.Nonlocal() | m.ImportStar(),
    ):  # fmt: skip
        return True
    targets = [
        node.target  # type: ignore[attr-defined]
        for node in m.findall(statement, m.AssignTarget() | m.AnnAssign() | m.AugAssign() | m.For())
    ]
    return any(m.findall(target, named) for target in targets)


def _leaves_when_it_works(last: cst.BaseStatement) -> bool:
    """Does the try's last statement return, continue a loop, or return under an ``if``
    (mlflow's Databricks shortcut returns the context's value when it has one)?

    Not a return an error log goes before: nbdime's version check logs
    "You must use Jupyter Server v1" and returns, its error exit, and falls
    through when the check passes.
    """
    if isinstance(last, (cst.If, cst.For)):
        # py-cpuinfo's _friendly_bytes_to_int(): a loop that returns what it finds
        nested = m.FunctionDef() | m.Lambda() | m.ClassDef()
        returns = m.findall(last, m.Return())
        return bool(returns) and not m.findall(last, nested) and not _error_exit(last)
    return m.matches(last, m.SimpleStatementLine([m.Return() | m.Continue()]))


_ERROR_LOG = m.Call(func=m.Attribute(attr=m.Name("critical") | m.Name("error") | m.Name("fatal")))


def _checks_then_exits(statement: cst.Try, handler: cst.ExceptHandler) -> bool:
    """``try:`` imports, then an ``if`` whose only way out is an error log and a return,
    ``except: pass``: the check is made where it can be, and passing it goes on."""
    *imports, last = statement.body.body
    return (
        m.matches(handler.body, _PASS_BODY)
        and statement.orelse is None
        and statement.finalbody is None
        and all(_only_imports(line) for line in imports)
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


def _is_pass(statement: cst.BaseStatement) -> bool:
    return m.matches(statement, m.SimpleStatementLine([m.Pass()]))


def _tries_candidates(statement: cst.Try, parent_of: ParentOf) -> bool:
    """In a loop, a ``try`` that leaves the loop on success (in its body or its ``else:``),
    or keeps what worked for the code after the loop: the handler moves on to the next."""
    leaving = m.Return() | m.Break()
    loop = _enclosing_loop(statement, parent_of)
    return loop is not None and bool(
        m.findall(statement.body, leaving)
        or (statement.orelse is not None and m.findall(statement.orelse, leaving))
        or _flags_success_then_breaks(statement, parent_of)
        or _keeps_what_worked(statement, loop, parent_of)
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


def _last_in_a_loop(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Is ``statement`` the last of a ``for`` loop's body, so that ``pass`` is ``continue``?"""
    block = parent_of(statement)
    return (
        isinstance(block, cst.IndentedBlock)
        and block.body[-1] is statement
        and isinstance(parent_of(block), cst.For)
    )


def _reads_then_yields(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
    """Assignments, then an ``if`` whose body only yields or adds what was read."""
    *reads, last = statements if statements else [None]
    # thonny's registry lookups add to a set; spyder's lexer keywords extend a list
    adds = m.Name("append") | m.Name("add") | m.Name("extend")
    hands_on = m.SimpleStatementLine(
        [m.Expr(m.Yield()) | m.Expr(m.Call(func=m.Attribute(attr=adds)))]
    )
    return (
        (not reads or _only_assigns(reads))
        and isinstance(last, cst.If)
        and last.orelse is None
        and all(m.matches(line, hands_on) for line in last.body.body)
    )


# What a function that reports how the software is used is named for: prefect's
# prefect._internal.analytics.try_mark_milestone().
_USAGE_WORDS = frozenset({"analytics", "telemetry", "milestone", "milestones", "usage"})


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
    try, followed only by assignments and additions (``qs.append(...)``) that each use the
    value it tested: the conversion only tests the value."""
    first, *rest = statements if statements else [None]
    if not rest or not m.matches(first, m.SimpleStatementLine([m.Expr(m.Call())])):
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
        return _reads(line.body[0], value.value)  # type: ignore[attr-defined]
    code = code_of(value)
    return any(code_of(node) == code for node in nodes_of_type(line, type(value)))


# Conversions that a try runs only to see whether they raise, and what a narrower handler
# of theirs catches.
_CONVERSIONS = _NUMBER_CONVERSIONS | {"UUID"}
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


def _sets_up_an_optional_dependency(statement: cst.Try, parent_of: ParentOf) -> bool:
    """A module-level try that starts with imports, then only defines classes and functions
    and assigns (registers them)."""
    body = statement.body.body
    if not isinstance(parent_of(statement), cst.Module) or not body or not _only_imports(body[0]):
        return False
    return all(
        isinstance(line, (cst.ClassDef, cst.FunctionDef))
        or _only_imports(line)
        or (
            isinstance(line, cst.SimpleStatementLine)
            and all(isinstance(small, (cst.Assign, cst.AnnAssign)) for small in line.body)
        )
        for line in body[1:]
    )


def _only_imports(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _only_deletes(statements: tuple[cst.BaseStatement, ...] | list) -> bool:
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


def _only_assigns(
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
            if statement.orelse is not None or not _only_assigns(statement.body.body, own):
                return False
        elif isinstance(statement, cst.If):
            orelse = statement.orelse
            branches = [_statements_of(statement.body)]
            if orelse is not None:
                branches.append(
                    [orelse] if isinstance(orelse, cst.If) else _statements_of(orelse.body)
                )
            if not all(_only_assigns(branch, own) for branch in branches):
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


def _converted_in_place(
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
            if name not in bound and isinstance(value, cst.Call) and _reads(value, name):
                return name, value
            bound.add(name)
    return None


def _converted_reason(statement: cst.Try, name: str, call: cst.Call, parent_of: ParentOf) -> str:
    """Why a name converted in place is left alone; a default for the handler is suggested
    only where no comment explains the conversion, it is no parse of the name's own text,
    and the next statement needs the result."""
    comments = [line.comment for line in statement.leading_lines]
    if _any_explains([*comments, *_comments_outside_nested_tries(statement.body)]):
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
    # octoprint-firmwarecheck: version = get_comparable_version(version, ...)
    return (
        f"{name} is converted in place: when that fails it keeps the value it had, not a"
        f" default; set it in the handler ({name} = None) by hand where later code expects"
        " the converted one"
    )


_AS_TEXT = m.Name("str") | m.Name("repr")
# a parse of text into a value: what is not text (or does not parse) is used as given
_PARSER = (
    m.Name("eval")
    | m.Name("literal_eval")
    | m.Attribute(attr=m.Name("literal_eval") | m.Name("loads") | m.Name("safe_load"))
    | m.Attribute(m.Name("yaml"), m.Name("load") | m.Name("full_load"))
)


def _reads(value: cst.BaseExpression, name: str) -> bool:
    """Does ``value`` read the variable ``name`` (not an attribute of that name: pylsp's
    ``defined_names = list(d.defined_names())``)?"""
    attributes = {id(node.attr) for node in nodes_of_type(value, cst.Attribute)}
    return any(
        node.value == name and id(node) not in attributes for node in nodes_of_type(value, cst.Name)
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
    itself is its own (pypykatz's ``sk = CREDENTIAL_ATTRIBUTE()``, then ``sk.keyword``)."""
    targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else []
    mine = {"self", "cls", *own}
    return any(
        isinstance(target, cst.Attribute)
        and not (isinstance(root := _root_of(target), cst.Name) and root.value in mine)
        for target in targets
    )


def _objects_made_here(statement: cst.CSTNode, parent_of: ParentOf) -> frozenset[str]:
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


def _root_of(node: cst.BaseExpression) -> cst.BaseExpression:
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return node


Qualified = Callable[[cst.CSTNode], "set[str]"]
_ISOLATED = "PyInstaller.isolated"


def isolated_function(
    enclosing: list[cst.CSTNode], module: cst.Module, qualified: Qualified
) -> str | None:
    """The enclosing function PyInstaller runs in a child interpreter, if any.

    ``isolated.call(f)``, ``child.call(f)`` of ``with isolated.Python() as
    child`` and ``@isolated.decorate`` send the function's code alone to a
    fresh process: the module's globals, its logger among them, are not there.
    """
    for index, function in enumerate(enclosing):
        if not isinstance(function, cst.FunctionDef):
            continue
        name = function.name.value
        if any(f"{_ISOLATED}.decorate" in qualified(d.decorator) for d in function.decorators):
            return name
        container = enclosing[index - 1] if index else module
        if any(_sends_to_child(call, name, container, qualified)
               for call in m.findall(container, m.Call())):  # fmt: skip
            return name
    return None


def _sends_to_child(
    call: cst.Call, name: str, container: cst.CSTNode, qualified: Qualified
) -> bool:
    if not call.args or not m.matches(call.args[0].value, m.Name(name)):
        return False
    if f"{_ISOLATED}.call" in qualified(call.func):
        return True
    if not m.matches(call.func, m.Attribute(value=m.Name(), attr=m.Name("call"))):
        return False
    child = call.func.value.value
    return any(
        f"{_ISOLATED}.Python" in qualified(item.item.func)
        for item in m.findall(container, m.WithItem(item=m.Call(), asname=m.AsName(m.Name(child))))
    )
