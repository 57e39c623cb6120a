"""What a lock name or ``lock_path`` expression is made of, for ``salted-lock-name``.

Each test takes ``qualified_names``, the codemod's way to resolve a callee to
the qualified names it may stand for.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._lock_calls import LOCK_PATH_IDENTIFIER, leading_text
from cwemod.codemods._lock_helper import HELPER
from cwemod.codemods._lock_survey import (
    DIRNAME,
    EXPANDUSER,
    HELPER_NAME,
    JOIN,
    SAME_FILE,
    in_home,
    relative_part,
)
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.source import code_of

QualifiedNamesOf = Callable[[cst.CSTNode], set[str]]
ValuesOf = Callable[[cst.Name], list[cst.BaseExpression] | None]

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


def guarded_file(
    name: cst.BaseExpression,
    lock_path: cst.BaseExpression,
    qualified_names: QualifiedNamesOf,
    values_of: ValuesOf,
) -> str | None:
    """The text of X (``key_file``) when the lock file lies beside the file it is named
    after: ``lock_path`` is ``os.path.dirname(X)`` (of ``abspath``, ``realpath`` or
    ``normpath`` of X; or a name bound to one of those) and the name is built from X
    (``X + '.lock'``, ``'%s.lock' % X``, ``f'{X}.lock'``, ``'{}.lock'.format(X)``, X itself,
    or a name bound to one); else None. ``values_of`` is ``per_user_directory``'s."""
    directory = _followed(lock_path, values_of)
    if not (
        isinstance(directory, cst.Call)
        and qualified_names(directory.func) & DIRNAME
        and len(directory.args) == 1
        and directory.args[0].keyword is None
        and directory.args[0].star == ""
    ):
        return None
    spellings = _spellings(directory.args[0].value, qualified_names, values_of)
    parts = [code_of(part) for part in _name_parts(name, values_of)]
    return next((part for part in parts if part in spellings), None)


def suffixed_file(path: cst.BaseExpression, values_of: ValuesOf) -> str | None:
    """The text of X where a hand-built lock file's path is X with a suffix that keeps it
    in X's directory (``X + '.lock'``, ``'%s.lock' % X``, ``f'{X}.lock'``; no ``/``), or
    a name bound to one; else None. X is a name or attribute not named for locks."""
    path = _followed(path, values_of)
    if isinstance(path, cst.BinaryOperation) and isinstance(path.operator, cst.Add):
        suffix, file = _literal(path.right), path.left
    elif isinstance(path, cst.BinaryOperation) and isinstance(path.operator, cst.Modulo):
        form, file = _literal(path.left), path.right
        if isinstance(file, cst.Tuple) and len(file.elements) == 1:
            file = file.elements[0].value
        suffix = form[2:] if form is not None and form.startswith("%s") else None
        suffix = None if suffix is None or "%" in suffix else suffix
    elif isinstance(path, cst.FormattedString) and len(path.parts) == 2:
        first, last = path.parts
        if not isinstance(first, cst.FormattedStringExpression) or first.format_spec:
            return None
        suffix = last.value if isinstance(last, cst.FormattedStringText) else None
        file = first.expression
    else:
        return None
    if not suffix or "/" in suffix or not isinstance(file, (cst.Name, cst.Attribute)):
        return None  # ``lock_dir + '/' + name + '.lock'`` is a file of a lock directory
    last = file.value if isinstance(file, cst.Name) else file.attr.value
    return None if LOCK_PATH_IDENTIFIER.search(last) else code_of(file)


def _followed(node: cst.BaseExpression, values_of: ValuesOf) -> cst.BaseExpression:
    """The one value a name is bound to; else ``node`` itself."""
    values = values_of(node) if isinstance(node, cst.Name) else None
    return values[0] if values is not None and len(values) == 1 else node


def _spellings(
    path: cst.BaseExpression, qualified_names: QualifiedNamesOf, values_of: ValuesOf
) -> set[str]:
    """``path``'s text, and those of the path it makes absolute or real, one name away."""
    found = {code_of(path)}
    followed = _followed(path, values_of)
    if followed is not path:
        found |= _spellings(followed, qualified_names, _unfollowed)
    elif (
        isinstance(path, cst.Call)
        and qualified_names(path.func) & SAME_FILE
        and len(path.args) == 1
        and path.args[0].keyword is None
        and path.args[0].star == ""
    ):
        found |= _spellings(path.args[0].value, qualified_names, values_of)
    return found


def _name_parts(name: cst.BaseExpression, values_of: ValuesOf) -> list[cst.BaseExpression]:
    """The expressions a lock name is put together from, a string's own text aside."""
    if isinstance(name, cst.BinaryOperation) and isinstance(name.operator, (cst.Add, cst.Modulo)):
        return [*_name_parts(name.left, values_of), *_name_parts(name.right, values_of)]
    if isinstance(name, cst.Tuple):
        return [part for item in name.elements for part in _name_parts(item.value, values_of)]
    if isinstance(name, cst.FormattedString):
        expressions = [
            p.expression for p in name.parts if isinstance(p, cst.FormattedStringExpression)
        ]
        return [part for item in expressions for part in _name_parts(item, values_of)]
    if m.matches(name, m.Call(func=m.Attribute(value=m.SimpleString(), attr=m.Name("format")))):
        return [part for arg in name.args for part in _name_parts(arg.value, values_of)]
    if isinstance(name, (cst.SimpleString, cst.ConcatenatedString)):
        return []
    followed = _followed(name, values_of)
    return [name] if followed is name else [name, *_name_parts(followed, _unfollowed)]
