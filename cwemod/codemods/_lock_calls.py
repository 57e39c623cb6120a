"""The lock functions ``salted-lock-name`` knows, and what a lock call's arguments say."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import argument

LOCKUTILS = "oslo_concurrency.lockutils"


@dataclass(frozen=True)
class LockSignature:
    """Where a lock function takes the arguments that matter here.

    ``None`` for an index means the argument can only be given by keyword
    (the ``*_with_prefix`` partials bind ``lock_file_prefix`` by keyword, so
    a second positional argument would clash with it).
    """

    external_index: int | None
    lock_path_index: int | None
    always_external: bool = False
    prefix_index: int | None = None  # where lock_file_prefix is given, when it can be
    prefix: str | None = None  # the prefix a library partial binds


LOCK = LockSignature(external_index=2, lock_path_index=3, prefix_index=1)
_EXTERNAL_ONLY = LockSignature(
    external_index=None, lock_path_index=2, always_external=True, prefix_index=1
)
PREFIXED_LOCK = LockSignature(external_index=None, lock_path_index=None)
PREFIXED_REMOVE = LockSignature(external_index=None, lock_path_index=None, always_external=True)
# neutron-lib's lockutils.synchronized_with_prefix('neutron-') and the prefix it names.
_NEUTRON_LIB = LockSignature(external_index=None, lock_path_index=None, prefix="neutron-")

LOCK_FUNCTIONS = {
    f"{LOCKUTILS}.lock": LOCK,
    f"{LOCKUTILS}.synchronized": LOCK,
    f"{LOCKUTILS}.external_lock": _EXTERNAL_ONLY,
    # The lock file must be removed under the same (keyed) name it was taken with.
    f"{LOCKUTILS}.remove_external_lock_file": _EXTERNAL_ONLY,
    # Partials other libraries export (neutron-lib: synchronized_with_prefix('neutron-')).
    "neutron_lib.utils.runtime.synchronized": _NEUTRON_LIB,
}
PARTIAL_FACTORIES = {
    f"{LOCKUTILS}.lock_with_prefix": PREFIXED_LOCK,
    f"{LOCKUTILS}.synchronized_with_prefix": PREFIXED_LOCK,
    f"{LOCKUTILS}.remove_external_lock_file_with_prefix": PREFIXED_REMOVE,
}
HAND_BUILT_LOCKS = {
    "fasteners.InterProcessLock",
    "fasteners.process_lock.InterProcessLock",
    f"{LOCKUTILS}.InterProcessLock",
}
FILE_OPENERS = {"open", "builtins.open", "io.open", "os.open"}
LOCK_PATH_IDENTIFIER = re.compile(r"(?<![a-z])lock_?(dir|path|file)", re.IGNORECASE)


class Externality(enum.Enum):
    EXTERNAL = "external"
    IN_PROCESS = "in-process"
    RUNTIME = "decided at run time"


def name_argument(call: cst.Call) -> cst.Arg | None:
    return argument(call, "name", 0)


def externality_of(call: cst.Call, signature: LockSignature) -> Externality:
    if signature.always_external:
        return Externality.EXTERNAL
    external = argument(call, "external", signature.external_index)
    if external is None or m.matches(external.value, m.Name("False") | m.Name("None")):
        return Externality.IN_PROCESS
    if m.matches(external.value, m.Name("True")):
        return Externality.EXTERNAL
    return Externality.RUNTIME


def looks_like_external_lock(call: cst.Call) -> bool:
    external = argument(call, "external", None)
    if external is None or not m.matches(external.value, m.Name("True")):
        return False
    callee = (
        call.func.attr.value
        if isinstance(call.func, cst.Attribute)
        else getattr(call.func, "value", "")
    )
    return isinstance(callee, str) and bool(re.search(r"lock|synchron", callee.lower()))


def sets_lock_path_option(call: cst.Call) -> bool:
    """``CONF.set_override('lock_path', VALUE, ...)`` and ``set_default``."""
    return (
        m.matches(call.func, m.Attribute(attr=m.Name("set_override") | m.Name("set_default")))
        and len(call.args) >= 2
        and leading_text(call.args[0].value) == "lock_path"
    )


def opens_built_lock_path(call: cst.Call, names: set[str]) -> bool:
    """Opens a path built from a lock's name for writing: read only, it is a file of data
    named for locking (pipenv's ``open(lockfile_path.as_posix())`` of Pipfile.lock)."""
    return (
        bool(names & FILE_OPENERS)
        and bool(call.args)
        and _built_lock_path(call.args[0].value)
        and not _reads_only(call)
    )


def _reads_only(call: cst.Call) -> bool:
    """Is ``open(path[, mode])`` read only: no mode, or a literal one without w, a, x or +?"""
    mode = argument(call, "mode", 1)
    if mode is None:
        return True
    text = mode.value.evaluated_value if isinstance(mode.value, cst.SimpleString) else None
    return isinstance(text, str) and not set(text) & set("wax+")


def _built_lock_path(path: cst.BaseExpression) -> bool:
    """A path assembled at run time from a lock directory or lock file name."""
    if isinstance(path, (cst.SimpleString, cst.Name, cst.Attribute)):
        return False
    identifiers = [node.value for node in m.findall(path, m.Name())]
    return any(LOCK_PATH_IDENTIFIER.search(identifier) for identifier in identifiers)


def leading_text(path: cst.BaseExpression) -> str | None:
    """The literal text a path expression starts with, when it has one."""
    if isinstance(path, cst.SimpleString):
        value = path.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(path, cst.ConcatenatedString):
        value = path.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(path, cst.BinaryOperation) and isinstance(path.operator, (cst.Add, cst.Modulo)):
        return leading_text(path.left)
    if isinstance(path, cst.FormattedString) and path.parts:
        first = path.parts[0]
        return first.value if isinstance(first, cst.FormattedStringText) else None
    if (
        isinstance(path, cst.Call)
        and m.matches(path.func, m.Attribute(attr=m.Name("join")))
        and path.args
    ):
        return leading_text(path.args[0].value)  # os.path.join('/tmp', name)
    return None
