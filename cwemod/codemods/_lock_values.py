"""What a lock name or ``lock_path`` expression is made of, for ``salted-lock-name``.

Each test takes ``qualified_names``, the codemod's way to resolve a callee to
the qualified names it may stand for.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._lock_calls import leading_text
from cwemod.codemods._lock_helper import HELPER
from cwemod.codemods._lock_survey import EXPANDUSER, HELPER_NAME, JOIN, in_home, relative_part
from cwemod.codemods.kit import match as m

QualifiedNamesOf = Callable[[cst.CSTNode], set[str]]

_PER_PROCESS_VALUES = {
    "os.getpid",
    "os.getppid",
    "os.urandom",
    "uuid.uuid1",
    "uuid.uuid4",
    "time.time",
    "time.time_ns",
    "time.monotonic",
    "time.monotonic_ns",
    "time.perf_counter",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "threading.get_ident",
    "threading.get_native_id",
    "oslo_utils.uuidutils.generate_uuid",
    "oslo_utils.timeutils.utcnow",
}
_PER_PROCESS_MODULES = ("random.", "secrets.")
_WORLD_WRITABLE_DIRS = ("/tmp", "/var/tmp", "/dev/shm")


def already_keyed(name: cst.BaseExpression, qualified_names: QualifiedNamesOf) -> bool:
    helper = m.Name(HELPER) | m.Name(HELPER_NAME)
    if m.matches(name, m.Call(func=helper | m.Attribute(attr=helper))):
        return True
    return any(
        qualified_names(call.func) & {"hmac.new", "hmac.digest", "hmac.HMAC"}
        for call in m.findall(name, m.Call())
    )


def per_process_value(name: cst.BaseExpression, qualified_names: QualifiedNamesOf) -> str | None:
    for call in m.findall(name, m.Call()):
        for qualified in qualified_names(call.func):
            if qualified in _PER_PROCESS_VALUES or qualified.startswith(_PER_PROCESS_MODULES):
                return qualified
    return None


def world_writable(path: cst.BaseExpression, qualified_names: QualifiedNamesOf) -> bool:
    if any(
        "tempfile.gettempdir" in qualified_names(call.func) for call in m.findall(path, m.Call())
    ):
        return True
    leading = leading_text(path)
    return leading is not None and any(
        leading == directory or leading.startswith(directory + "/")
        for directory in _WORLD_WRITABLE_DIRS
    )


def per_user_directory(
    path: cst.BaseExpression,
    qualified_names: QualifiedNamesOf,
    values_of: Callable[[cst.Name], list[cst.BaseExpression] | None],
) -> str | None:
    """The text (``~/.tobiko/lock``) when ``path`` is surely below the running user's home:
    ``os.path.expanduser`` of a literal ``~`` or ``~/...``, a join of relative literals onto
    one, or a name every binding of which is one; else None. ``values_of`` follows a name to
    the values it is bound to (``kit.bindings.Bindings.of``). No ``..``, no ``~user``."""
    if isinstance(path, cst.Name):
        values = values_of(path) or []
        texts = [per_user_directory(value, qualified_names, _unfollowed) for value in values]
        return texts[0] if texts and None not in texts else None
    if not isinstance(path, cst.Call) or not path.args or any(a.keyword for a in path.args):
        return None
    names, texts = qualified_names(path.func), [_literal(arg.value) for arg in path.args]
    if names & JOIN and all(relative_part(text) for text in texts[1:]):
        return per_user_directory(path.args[0].value, qualified_names, _unfollowed)
    home = texts[0] if names & EXPANDUSER and len(texts) == 1 else None
    return home if in_home(home) else None


def _literal(node: cst.BaseExpression) -> str | None:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _unfollowed(name: cst.Name) -> None:
    return None  # a name bound to a name: not followed further
