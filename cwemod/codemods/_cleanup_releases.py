"""Where ``cleanup-on-failure`` finds an acquisition released, and how it writes the release."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._cleanup_names import ModuleNames
from cwemod.codemods._cleanup_scan import lone_call
from cwemod.codemods._cleanup_sites import Acquire
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_words, name_words
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.source import code_of

# What a handler catches where it catches every failure of the steps it guards.
_BROAD = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})

# The first word of a call named ``<verb>_fd`` that makes an object owning the descriptor.
_ADOPTING_VERBS = frozenset({"initialize", "init", "open", "adopt", "attach", "wrap"})


class Releases:
    """Release calls of an acquisition, resolved through the module's names."""

    def __init__(self, names: ModuleNames) -> None:
        self._names = names

    def release_index(self, body: list[cst.BaseStatement], acquire: Acquire) -> int | None:
        for index in range(acquire.index + 1, len(body)):
            call = lone_call(body[index])
            if call is not None and self.is_release(call, acquire):
                return index
        return None

    def is_release(self, call: cst.Call, acquire: Acquire, tolerant: bool = False) -> bool:
        pair, resource = acquire.pair, acquire.resource_code
        if pair.by_argument:
            method = f"{acquire.receiver_code}.{pair.release_name}"
            return code_of(call.func) == method and _given_first(call, acquire)
        if pair.release_is_method:
            receivers = {resource, "self", "super()"} if tolerant and pair.is_method else {resource}
            return any(
                code_of(call.func) == f"{receiver}.{pair.release_name}" for receiver in receivers
            )
        if not _given_first(call, acquire):
            return False
        tail = pair.release.rpartition(".")[2]
        return (
            self._names.may_name(call.func, {tail})
            and self._names.qualified(call.func) == pair.release
        )

    def remover(self, call: cst.Call, acquire: Acquire) -> str | None:
        """``os.rmdir`` when ``call`` removes the resource another way than its release."""
        removers = acquire.pair.removers
        return self._one_of(call, removers) if removers and _given_first(call, acquire) else None

    def taker(self, call: cst.Call, acquire: Acquire) -> str | None:
        """``os.fdopen`` when ``call`` takes the resource over, to release it itself.

        A project's own opener given it first takes it over too: salt's
        ``salt.utils.files.fopen(fd, "wb")`` is ``open()`` with more to it.
        """
        if not acquire.pair.takers or not _given_first(call, acquire):
            return None
        taker = self._one_of(call, acquire.pair.takers)
        if taker is not None:
            return taker
        opener = code_of(call.func)
        if opener.rpartition(".")[2].lower().endswith("open"):
            return opener
        # python-ldap's _ldap.initialize_fd(fd, uri): the object it makes closes the
        # descriptor when unbound (not socket.fromfd(), which duplicates it)
        words = name_words(opener.rpartition(".")[2])
        return opener if words[-1:] == ["fd"] and words[0] in _ADOPTING_VERBS else None

    def _one_of(self, call: cst.Call, functions: Sequence[str]) -> str | None:
        """The one of ``functions`` that ``call`` calls; None if none."""
        tails = {function.rpartition(".")[2] for function in functions}
        if not self._names.may_name(call.func, tails):
            return None
        qualified = self._names.qualified(call.func)
        return qualified if qualified in functions else None

    def registered_release(
        self, statements: Sequence[cst.BaseStatement], acquire: Acquire
    ) -> str | None:
        """``addCleanup(...)``-style text when the release is handed to a cleanup registry.

        ``self.addCleanup(shutil.rmtree, d)``, ``atexit.register(sock.close)``,
        ``stack.callback(...)``; or the resource handed to a project's own
        registry (ansible-runner's ``register_for_cleanup(path)``).
        """
        pair, resource = acquire.pair, acquire.resource_code
        for statement in statements:
            for call in m.findall(statement, m.Call()):
                assert isinstance(call, cst.Call)
                values = [arg.value for arg in call.args]
                codes = [code_of(value) for value in values]
                if pair.by_argument:
                    method = f"{acquire.receiver_code}.{pair.release_name}"
                    registered = method in codes and resource in codes
                elif pair.release_is_method:
                    registered = f"{resource}.{pair.release_name}" in codes
                else:
                    registered = resource in codes and any(
                        self._names.qualified(value) == pair.release for value in values
                    )
                if registered or (resource in codes and _registers_a_cleanup(call)):
                    return f"{code_of(call.func)}(...)"
        return None

    def try_releases(
        self, node: cst.Try, acquire: Acquire, releasers: frozenset[str] = frozenset()
    ) -> bool:
        """Do the handlers or the ``finally`` of ``node`` release the resource, by its release
        or by a call of ``releasers`` (``self.destroy``: a method of the class that does)?"""
        cleanup: list[cst.CSTNode] = [*node.handlers]
        if node.finalbody is not None:
            cleanup.append(node.finalbody)
        return any(
            self._released_by(call, acquire, releasers)
            for part in cleanup
            for call in m.findall(part, m.Call())
        )

    def finally_releases(
        self, node: cst.Try, acquire: Acquire, releasers: frozenset[str] = frozenset()
    ) -> bool:
        """Does the ``finally`` of ``node`` release the resource (on every path through it)?"""
        return node.finalbody is not None and any(
            self._released_by(call, acquire, releasers)
            for call in m.findall(node.finalbody, m.Call())
        )

    def releasing_catches(
        self, node: cst.Try, acquire: Acquire, releasers: frozenset[str] = frozenset()
    ) -> list[str]:
        """The exceptions named by the handlers of ``node`` that release the resource, where
        only such handlers do (proliantutils' ``except exception.ImageExtractionFailed:``);
        none where its ``finally`` or a bare or broad handler releases it."""
        if self.finally_releases(node, acquire, releasers):
            return []
        caught: list[str] = []
        for handler in node.handlers:
            if not any(
                self._released_by(c, acquire, releasers) for c in m.findall(handler, m.Call())
            ):
                continue
            names = [code_of(each) for each in caught_classes(handler)]
            if not names or not _BROAD.isdisjoint(names):
                return []
            caught += names
        return caught

    def _released_by(self, call: cst.Call, acquire: Acquire, releasers: frozenset[str]) -> bool:
        return self.is_release(call, acquire, tolerant=True) or code_of(call.func) in releasers

    def release_code(self, acquire: Acquire, for_wording: bool = False) -> tuple[str, set[str]]:
        """The release call's text and the modules it needs imported."""
        pair, resource = acquire.pair, acquire.resource_code
        if pair.by_argument:
            return f"{acquire.receiver_code}.{pair.release_name}({resource})", set()
        if pair.release_is_method:
            return f"{resource}.{pair.release_name}()", set()
        if for_wording:
            return f"{pair.release}({resource})", set()
        function, imports = self._names.reference(pair.release)
        return f"{function}({resource})", imports


def _given_first(call: cst.Call, acquire: Acquire) -> bool:
    """Is the resource ``call``'s first argument?"""
    return bool(call.args) and code_of(call.args[0].value) == acquire.resource_code


_REGISTERING = frozenset({"register", "add", "schedule", "defer"})


def _registers_a_cleanup(call: cst.Call) -> bool:
    """Is the function ``call`` calls named as a registry of cleanups: ``register_for_cleanup``,
    ``addCleanup``?"""
    words = called_words(call)
    return bool(words) and words[0] in _REGISTERING and "cleanup" in words
