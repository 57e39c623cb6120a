"""Acquire/release pairs for the ``cleanup-on-failure`` codemod.

A pair says how to undo an acquisition. Text form, one pair per entry::

    tempfile.mkdtemp -> shutil.rmtree (new)
    open -> .close (new)
    .create -> .delete

- ``module.function`` (left): a call whose result, assigned to a name or an
  attribute, is the resource; ``open`` stands for the builtin.
- ``.method`` (left): a method called on ``super()`` or ``self`` (the resource is the
  object itself); its release must be a ``.method`` too.
- ``module.function`` (right): called with the resource as its argument;
  ``.method`` (right): called on the resource.
- ``(new)``: the call always creates a new resource, so undoing it can never
  remove something that existed before: the fix is safe. Without it the
  fix is review-level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_DOTTED = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*"
_ENTRY = re.compile(rf"^\s*(\.?{_DOTTED})\s*->\s*(\.?{_DOTTED})\s*(\(new\))?\s*$")


@dataclass(frozen=True)
class Pair:
    acquire: str  # "tempfile.mkdtemp", "builtins.open" or ".create"
    release: str  # "shutil.rmtree" or ".close"
    certainly_new: bool = False
    # ``with ACQUIRE as name:`` releases the same way (the object is its own context manager).
    context_manager: bool = False
    # The Python whose object is first a context manager (sockets: 3.2); before, try/finally.
    with_since: tuple[int, int] | None = None
    # The object closes itself when its last reference goes (CPython): a leak on
    # failure lasts only until the error's traceback is dropped.
    collected: bool = False
    # It has a finalizer that releases it when it is dropped, on any Python and at exit
    # (TemporaryDirectory's weakref.finalize): a half-made object that held it lets it go.
    finalized: bool = False
    # ``receiver.acquire(name, ...)`` makes a resource known by its first argument,
    # released by ``receiver.release(name)`` (a device created under a name).
    by_argument: bool = False
    # Other calls that remove the resource (by it as their first argument): code that
    # calls one of them between the acquire and the release (Tacker's mkdtemp() then
    # os.rmdir() for a name copytree() fills) leaves the cleanup nothing certain to undo.
    removers: tuple[str, ...] = ()
    # Calls that take the resource over (by it as their first argument) and release it
    # themselves: gunicorn's ``with os.fdopen(fd, "w")`` closes the descriptor, and an
    # ``os.close(fd)`` after it would close it twice (or another file that reused it).
    takers: tuple[str, ...] = ()
    # The resource is this element of the tuple the call returns, unpacked into names
    # (``fd, path = tempfile.mkstemp()``: the descriptor).
    element: int | None = None

    @property
    def is_method(self) -> bool:
        return self.acquire.startswith(".")

    @property
    def acquire_name(self) -> str:
        return self.acquire.lstrip(".")

    @property
    def release_is_method(self) -> bool:
        return self.release.startswith(".")

    @property
    def release_name(self) -> str:
        return self.release.lstrip(".")

    def describe(self) -> str:
        return f"{self.acquire} -> {self.release}"


def _file_like(acquire: str, with_since: tuple[int, int] | None = None) -> Pair:
    return Pair(
        acquire,
        ".close",
        certainly_new=True,
        context_manager=True,
        with_since=with_since,
        collected=True,
    )


def _device(acquire: str) -> Pair:
    # Neutron's ip_lib: creating an existing device raises, so the name is new.
    return Pair(acquire, ".del_veth", certainly_new=True, by_argument=True)


_DESCRIPTOR_TAKERS = ("os.fdopen", "builtins.open", "io.open")

BUILTIN_PAIRS: tuple[Pair, ...] = (
    Pair(
        "tempfile.mkdtemp",
        "shutil.rmtree",
        certainly_new=True,
        # A move hands the directory over: a release after it would find nothing.
        removers=("os.rmdir", "os.removedirs", "shutil.move", "os.rename", "os.replace"),
    ),
    _file_like("builtins.open"),
    _file_like("io.open"),
    # python-crontab's ``fileh = os.fdopen(filed, 'wb')``: the file object owns the descriptor.
    _file_like("os.fdopen"),
    _file_like("socket.socket", with_since=(3, 2)),
    _file_like("socket.create_connection", with_since=(3, 2)),
    _file_like("tempfile.NamedTemporaryFile"),
    _file_like("tempfile.TemporaryFile"),
    # ``with TemporaryDirectory() as d`` binds the path, not the object: no ``with`` rewrite.
    Pair(
        "tempfile.TemporaryDirectory",
        ".cleanup",
        certainly_new=True,
        collected=True,
        finalized=True,
    ),
    Pair("os.open", "os.close", certainly_new=True, takers=_DESCRIPTOR_TAKERS),
    # The path stays behind too, but it is what the caller usually gets: only the
    # descriptor is released here.
    Pair(
        "tempfile.mkstemp",
        "os.close",
        certainly_new=True,
        takers=_DESCRIPTOR_TAKERS,
        element=0,
    ),
    _device(".add_dummy"),
    _device(".add_vxlan"),
    _device(".add_veth"),
    Pair(".create", ".delete"),
)


class PairSyntaxError(ValueError):
    pass


def parse_pairs(value: Any) -> list[Pair]:
    """Pairs from the ``pairs`` option: a list of entries or one string of
    entries separated by ``;`` or newlines."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        entries: Iterable[Any] = re.split(r"[;\n]", value)
    elif isinstance(value, (list, tuple)):
        entries = value
    else:
        raise PairSyntaxError("pairs: expected a string or a list of strings")
    return [
        _parse_entry(entry)
        for entry in entries
        if not (isinstance(entry, str) and not entry.strip())
    ]


def _parse_entry(entry: Any) -> Pair:
    if not isinstance(entry, str):
        raise PairSyntaxError(f"pairs: expected a string, got {entry!r}")
    match = _ENTRY.match(entry)
    if match is None:
        raise PairSyntaxError(
            f"pairs: cannot read {entry.strip()!r} (expected 'ACQUIRE -> RELEASE [(new)]')"
        )
    acquire, release, new = match.groups()
    if acquire.startswith(".") and not release.startswith("."):
        raise PairSyntaxError(
            f"pairs: {entry.strip()!r}: a method acquire needs a method release ('.name')"
        )
    if acquire.startswith(".") and "." in acquire[1:]:
        raise PairSyntaxError(f"pairs: {entry.strip()!r}: a method name has no dots")
    if acquire == "open":
        acquire = "builtins.open"
    return Pair(acquire, release, certainly_new=bool(new))
