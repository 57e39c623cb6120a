"""``silent-except``: best-effort cleanup, where ignoring a failed release is deliberate.

A ``try`` that only releases or tears down what exists (:data:`TEARDOWN_VERBS`), a
rollback while another error is raised, or a function named only for a teardown.
"""

from __future__ import annotations

import re

import libcst as cst

from cwemod.codemods._silent_tree import (
    ParentOf,
    called,
    index_in,
    is_pass,
    parameters_around,
    statements_after,
)
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_name, called_words, name_words
from cwemod.codemods.kit.loggers import logs_at_a_level
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of

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


def teardown_refusal(
    function: cst.FunctionDef | None, statement: cst.CSTNode, parent_of: ParentOf
) -> str | None:
    """Why a swallow in ``function``, the innermost around it, is best effort: the
    function is named only for a teardown; else None.

    jupyter_server's ``disconnect()`` runs once when the kernel dies and once
    when the websocket closes. ``delete_volume()`` is not one: it does what a
    caller asked for. The name's words count, in any case: pyvmomi's ``Disconnect()``,
    ``CloseSession()``. Not for ``statement``, the try, where it releases nothing in a
    handler that raises: ironic's ``_stop()`` logs the unit's status there, as ``_start()``.
    """
    if function is None or _diagnoses_while_raising(statement, parent_of):
        return None
    # opentrons' ThreadManager.clean_up_tm(): clean_up is cleanup
    name = "_".join(name_words(function.name.value)).replace("clean_up", "cleanup")
    # logbook's MailHandler.close_connection(): a method named close_*/disconnect_* too
    if name not in _TEARDOWN_METHODS and name.partition("_")[0] not in _TEARDOWN_PREFIXES:
        return None
    said = f"best-effort teardown: {function.name.value}() releases what it can"
    if _more_to_release(statement, parent_of):
        return f"{said}, and one failed release must not stop the others"
    # nova's _cleanup_remote_migration(): rmtree, rename and remove_dir in one try
    first = (function.get_docstring() or "").strip().partition("\n")[0]
    if _CLEANUP_WORDS.search(first):
        return f'{said}; its docstring says so: "{first}"'
    return said


_CLEANUP_WORDS = re.compile(r"\b(?:clean(?:s|ing)?[ _-]?up|tear(?:s|ing)?[ _-]?down)\b", re.I)


def _more_to_release(statement: cst.CSTNode, parent_of: ParentOf) -> bool:
    """Does a failure the try swallows leave more to run: the try is in a loop (of its
    function), has a ``finally``, or statements run after it?"""
    if not isinstance(statement, cst.Try):
        return False
    for around in ancestors(statement, parent_of):
        if isinstance(around, (cst.FunctionDef, cst.Lambda)):
            break
        if isinstance(around, (cst.For, cst.While)):
            return True
    return statement.finalbody is not None or bool(statements_after(statement, parent_of))


def _diagnoses_while_raising(statement: cst.CSTNode, parent_of: ParentOf) -> bool:
    """Is the try ``statement`` in an ``except`` handler (of its function) that raises, its
    body calling no teardown?"""
    if not isinstance(statement, cst.Try) or any(
        _is_teardown_call(cst.Expr(call)) for call in nodes_of_type(statement.body, cst.Call)
    ):
        return False
    return _in_a_raising_handler(statement, parent_of, bare=False)


_TEARDOWN_PREFIXES = frozenset({"close", "disconnect", "shutdown", "teardown", "cleanup"})
# yagmail's RawAsyncSMTP.quit() (smtplib's and imaplib's names): a goodbye, then the close
_TEARDOWN_METHODS = frozenset(
    {"close", "aclose", "disconnect", "shutdown", "stop", "cleanup", "clean_up", "teardown",
     "tear_down", "terminate", "dispose", "quit", "logout", "release", "unlock"}
)  # fmt: skip


def only_tears_down(
    statements: tuple[cst.BaseStatement, ...] | list,
    results: frozenset[str] | None = None,
    aliases: frozenset[str] = frozenset(),
    delegated: str = "",
) -> bool:
    """Only teardown calls (``None`` assignments, a name bound to another, ``del`` of a name or
    attribute, a logger's call, ``if`` around them and ``pass`` allowed: ironic's console
    containers have a stray one), at least one.

    A teardown's result kept in a name and awaited when it is awaitable counts too
    (google-auth's ``res = session.close()``, then ``if inspect.isawaitable(res): await res``).
    A call of ``delegated``, the enclosing function's own name, is no teardown: kr8s's
    ``unset()`` hands its own operation to each config (``config.unset()``), a file edit.
    """
    if results is None:
        results = _teardown_results(statements)
    calls = 0
    for statement in statements:
        if is_pass(statement):
            continue
        if isinstance(statement, cst.If):
            branches = [statement.body.body]
            if statement.orelse is not None:
                orelse = statement.orelse
                branches.append([orelse] if isinstance(orelse, cst.If) else orelse.body.body)
            if not all(only_tears_down(branch, results, aliases, delegated) for branch in branches):
                return False
            calls += 1
            continue
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in statement.body:
            if _delegates(small, delegated):
                return False
            if _logs(small):
                continue  # sushy-tools' LOG.debug('Deleting image ...') before the delete
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
# type checker, before ``client.disconnect``), or swift's ``del sock`` after ``sock.close()``:
# none does any work, nor fails once the teardown call before it has run.
_HARMLESS_BINDING = (
    m.Assign(targets=[m.AssignTarget(m.Name())], value=m.Name())
    | m.Assign(value=m.Name("None"))
    | m.Del(target=m.Name() | m.Attribute())
)


def removes_what_it_was_given(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Does the try remove what the function was given, a parameter or an item of a loop
    (or a part of one: ``job.id``), none named temporary? s4cmd's dsync_files() unlinks the
    target's files under --delete-removed, freezer-web-ui's update_session_jobs() removes the
    jobs the user deselected (``remove_job(session_id, job_id)``): what the user asked for,
    no teardown of what the code made.

    Not where the function undoes its own work (in an ``except`` or a ``finally``, or after
    the ``yield`` of a fixture or a context manager: localstack's ``deregister_type()`` of
    the extensions it registered), nor where the try drops what it held (``x = None``), nor
    for a handle's release or an activity's end (``os.close(fd)``, ``stopRemoteCopy(group)``).
    """
    if _in_an_undo(statement, parent_of) or _drops_a_reference(statement):
        return False
    items = _loop_items_around(statement, parent_of)
    given = {**items, **{name: name for name in parameters_around(statement, parent_of)}}
    for name in ("self", "cls"):
        given.pop(name, None)
    function = enclosing_function(statement, parent_of)
    for call in nodes_of_type(statement.body, cst.Call):
        file_removal = code_of(call.func) in _FILE_REMOVALS
        if not (file_removal or _removes_one_of_a_set(call, function)):
            continue
        for arg in call.args:
            root = _root_name(arg.value)
            words = name_words(root) + name_words(given.get(root, ""))
            if root not in (given if file_removal else items):
                continue
            if not _TEMPORARY.intersection(words):
                return True
    return False


def _removes_one_of_a_set(call: cst.Call, function: cst.FunctionDef | None) -> bool:
    """A teardown-named call that removes something (``delete``, ``remove``,
    ``deregister``...), in a function that also makes its twin (``add_job()`` beside
    ``remove_job()``): given a loop's item, the function edits a set as asked. Without the
    twin, or given a parameter, a removal stays best effort (cinder's replication teardown
    removes the volume and the group it is given, each failure ignored)."""
    verbs = [word for word in called_words(call) if len(word) > 1][:2]
    if not _is_teardown_call(cst.Expr(call)) or _RELEASES.intersection(verbs):
        return False
    twins = _twins(called_name(call) or "")
    return function is not None and any(
        called_name(other) in twins for other in nodes_of_type(function, cst.Call)
    )


def _twins(name: str) -> set[str]:
    """The names that make what ``name`` removes: ``add_job`` for ``remove_job``,
    ``createGroup`` for ``deleteGroup``."""
    found = set()
    for verb, twin in _TWIN_VERBS.items():
        for spelled, made in ((verb, twin), (verb.capitalize(), twin.capitalize())):
            if name.startswith(spelled) and name != spelled:
                found.add(made + name[len(spelled) :])
            if name.lower().startswith(verb) and name[:1].isupper():
                found.add(twin.capitalize() + name[len(verb) :])
    return found


_TWIN_VERBS = {
    "remove": "add",
    "delete": "create",
    "deregister": "register",
    "unregister": "register",
    "detach": "attach",
    "unassign": "assign",
    "unset": "set",
}


def _root_name(value: cst.BaseExpression) -> str:
    """``job`` of ``job``, ``job.id`` or ``job["id"]``; "" for anything else."""
    while isinstance(value, (cst.Attribute, cst.Subscript)):
        value = value.value
    return value.value if isinstance(value, cst.Name) else ""


def _in_an_undo(statement: cst.Try, parent_of: ParentOf) -> bool:
    """Is ``statement`` in an ``except`` or a ``finally`` of its function, or after a
    ``yield`` in its body (a fixture's or a context manager's teardown half)?"""
    for around in (statement, *ancestors(statement, parent_of)):
        if isinstance(around, (cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally)):
            return True
        if isinstance(around, (cst.FunctionDef, cst.Lambda)):
            return False
        block = parent_of(around)
        if isinstance(block, cst.IndentedBlock) and isinstance(parent_of(block), cst.FunctionDef):
            before = block.body[: index_in(block.body, around)]
            return any(
                nodes_of_type(line, cst.Yield)
                for line in before
                if not isinstance(line, (cst.FunctionDef, cst.ClassDef))
            )
    return False


def _drops_a_reference(statement: cst.Try) -> bool:
    """``self.volume = None`` in the try: what it removes was held, not given."""
    return any(m.findall(statement.body, m.Assign(value=m.Name("None"))))


_FILE_REMOVALS = frozenset({"os.unlink", "os.remove", "os.rmdir", "os.removedirs", "shutil.rmtree"})
_TEMPORARY = frozenset({"tmp", "temp", "temporary", "tempfile", "tmpfile", "scratch"})
# a handle's release or an activity's end, the thing given or not: a loop closing the
# descriptors a child inherits (``os.close(fd)``) is best effort
_RELEASES = frozenset(
    {"aclose", "cancel", "close", "deallocate", "disconnect", "dispose", "free", "kill",
     "logout", "quit", "release", "shutdown", "stop", "terminate", "unlock"}
)  # fmt: skip


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


def _delegates(small: cst.BaseSmallStatement, delegated: str) -> bool:
    """A call of the enclosing function's own name, its result kept or not."""
    call = called(cst.Expr(small.value) if isinstance(small, cst.Assign) else small)
    return bool(delegated) and call is not None and called_name(call) == delegated


def own_name(node: cst.CSTNode, parent_of: ParentOf) -> str:
    """The name of the function ``node`` is in ("" outside one)."""
    function = enclosing_function(node, parent_of)
    return function.name.value if function is not None else ""


def _logs(small: cst.BaseSmallStatement) -> bool:
    """``LOG.debug(...)``, ``self._logger.info(...)``: a logger's level method, neutral."""
    value = called(small)
    return value is not None and logs_at_a_level(value)


def _waits(small: cst.BaseSmallStatement) -> bool:
    """``thread.wait()``, ``process.join()``: waiting for what a teardown call stopped."""
    value = called(small)
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


def undoes_while_raising(statement: cst.Try, parent_of: ParentOf) -> bool:
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
    return _in_a_raising_handler(statement, parent_of, bare=True)


def _in_a_raising_handler(statement: cst.Try, parent_of: ParentOf, bare: bool) -> bool:
    """Is ``statement`` in an ``except`` handler (of its function) whose own lines raise
    (with ``bare``, re-raise: ``raise`` alone)?"""
    handler = parent_of(statement)
    while handler is not None and not isinstance(handler, (cst.ExceptHandler, cst.FunctionDef)):
        handler = parent_of(handler)
    return isinstance(handler, cst.ExceptHandler) and any(
        isinstance(small, cst.Raise) and (small.exc is None or not bare)
        for line in handler.body.body
        if isinstance(line, cst.SimpleStatementLine)
        for small in line.body
    )


def _is_rollback_call(small: cst.BaseSmallStatement) -> bool:
    call = called(small)
    words = called_words(call) if call is not None else []
    return bool(words) and words[0] in _UNDO_VERBS


_UNDO_VERBS = frozenset({"rollback", "abort"})


def _calls_one_of(small: cst.BaseSmallStatement, names: frozenset[str]) -> bool:
    call = called(small)
    return call is not None and isinstance(call.func, cst.Name) and call.func.value in names


def teardowns_by_getattr(statement: cst.Try, parent_of: ParentOf) -> frozenset[str]:
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
    value = called(small)
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


def _names_teardown(word: str) -> bool:
    """``logout``, or a teardown verb and what it is sent to: ``logouturl``, ``close_path``."""
    return word in TEARDOWN_VERBS or any(
        word.startswith(verb) and word[len(verb) :] in _ADDRESS_WORDS for verb in TEARDOWN_VERBS
    )


_ADDRESS_WORDS = frozenset({"url", "uri", "path", "endpoint"})


def waits_out_in_teardown(statement: cst.Try, parent_of: ParentOf) -> str | None:
    """Why a try that only waits for the item of the loop right around it (``x.wait()``,
    ``t.join()``), over timers or threads, in a method named ``wait``, ``join`` or for a
    teardown, is best effort; else None. karbor's ``Service.wait()`` waits for each of its
    oslo.service looping calls (which log their own failure before ``wait()`` raises it), as
    its ``stop()`` stops each, ignoring a failure: one must not stop the wait for the others."""
    loop = parent_of(parent_of(statement))  # type: ignore[arg-type]
    if not isinstance(loop, cst.For) or not isinstance(loop.target, cst.Name):
        return None
    lines = statement.body.body
    if not lines or not all(_waits_for(line, loop.target.value) for line in lines):
        return None
    function = enclosing_function(statement, parent_of)
    name = "_".join(name_words(function.name.value)) if function is not None else ""
    if not (name in _TEARDOWN_METHODS or name in ("wait", "join")):
        return None
    if not _RUNNERS.intersection(name_words(code_of(loop.iter))):
        return None
    return (
        f"best-effort teardown: {function.name.value}() waits for each of"  # type: ignore[union-attr]
        f" {code_of(loop.iter)} to end, and one that ended in failure must not stop the wait"
        " for the others"
    )


def _waits_for(line: cst.BaseStatement, item: str) -> bool:
    """Is ``line`` only ``item.wait()`` or ``item.join()`` (or a logger's call)?"""
    if not isinstance(line, cst.SimpleStatementLine):
        return False
    for small in line.body:
        call = called(small)
        if _logs(small):
            continue
        if call is None or not _waits(small) or not m.matches(call.func, m.Attribute(m.Name(item))):
            return False
    return True


# what a loop runs over that runs on its own: timers (oslo.service's looping calls), threads
_RUNNERS = frozenset(
    {"timer", "timers", "thread", "threads", "greenthread", "greenthreads", "worker", "workers"}
)
