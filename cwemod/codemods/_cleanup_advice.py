"""Advice-only answers of ``cleanup-on-failure``: sites it explains but does not rewrite."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from cwemod.codemods._cleanup_releases import Releases
from cwemod.codemods._cleanup_scan import (
    FlowScan,
    can_fail,
    lone_call,
    nested_statements,
    teardown_calls,
)
from cwemod.codemods._cleanup_sites import Acquire, AcquireFinder
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import RefusalKind

_STANDARD_STREAMS = frozenset(
    f"sys.{name}" for name in ("stdin", "stdout", "stderr", "__stdout__", "__stderr__")
)


class AdviceMixin:
    """Refusals that need the codemod's state: its pairs, releases and enclosing classes."""

    _acquires: AcquireFinder
    _releases: Releases
    _module: cst.Module
    innermost_class: Callable[[], cst.ClassDef | None]  # from EnclosingDefinitions

    def _released_by_del(self, acquire: Acquire) -> bool:
        return any(method.name.value == "__del__" for method in self._releasing_methods(acquire))

    def _refuse_attribute(self, function: cst.FunctionDef, acquire: Acquire) -> None:
        resource = acquire.resource_code
        if resource in _STANDARD_STREAMS:
            # jedi's subprocess: sys.stdout = open(os.devnull, 'w'), stdout kept for its IPC
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{resource} is redirected for the rest of the process, not an object's to release",
                at=acquire.call,
            )
        elif self._on_the_class(function, acquire):
            # kivy's logger FileHandler: FileHandler.fd = open(filename, 'w'), one log file
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{resource} is stored on the class, kept for the process and shared by its"
                " objects, not one object's to release on failure",
                at=acquire.call,
            )
        elif function.name.value == "__init__" and acquire.pair.finalized:
            # cx_Freeze's ModuleFinder: self._tmp_dir = TemporaryDirectory(prefix="cxfreeze-")
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"when __init__() fails after {resource} is made, its finalizer removes it as "
                "the half-made object is dropped",
                at=acquire.call,
            )
        elif function.name.value == "__init__" and self._released_by_del(acquire):
            # nrfutil's Dfu: __del__() removes self.temp_dir, and runs on the half-made object
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"when __init__() fails after {resource} is made, the class's __del__()"
                " releases it as the half-made object is dropped",
                at=acquire.call,
            )
        elif (registry := self._module_registry(function, acquire)) is not None:
            # gsutil's rsync: _tmp_files.append(self.sorted_list_src_file), CleanUpTempFiles()
            self.refuse(function, RefusalKind.ADVICE_ONLY, registry, at=acquire.call)
        elif self._collected_and_never_released(function, acquire):
            # toil's DeferredFunctionManager, ryu's BMPStation: open() files no method closes
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"when __init__() fails after {resource} is made, it closes itself as the"
                " half-made object is dropped, and no method of the class closes it anyway:"
                " a handler would be churn",
                at=acquire.call,
            )
        elif function.name.value == "__init__":
            # a failing constructor returns no object to release it through
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"when __init__() fails after {resource} is made, the caller gets no object to"
                " release it with: release it there before re-raising",
                at=acquire.call,
            )
        elif self._enter_is_a_generator(function) and self._releasing_method(acquire):
            # nagiosplugin's LogTail: `with tail as lines` gets a generator, run in the block
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                "__enter__() is a generator: its body runs only when the with block iterates"
                f" it, inside the block, so __exit__() runs when a step fails after {resource}"
                " is made",
                at=acquire.call,
            )
        elif self._starts_what_stop_ends(function) and self._releasing_method(acquire):
            # Octavia's NetworkNamespace: __exit__ closes it, but never runs when __enter__
            # raises; click's _FDCapture.start(): a caller drops a capture that failed to start
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} is released in the class's teardown, which does not run when"
                f" {function.name.value}() itself fails after it (the object never started):"
                " release it there before re-raising",
                at=acquire.call,
            )
        elif (catcher := self._catching_caller(function, acquire)) is not None:
            # kivy's logger: emit() calls _configure() in a try whose handler closes the file
            self.refuse(
                function,
                RefusalKind.ALREADY_FIXED,
                f"a failure after {resource} is made is caught where {catcher}() calls"
                f" {function.name.value}(), and its handler releases it",
                at=acquire.call,
            )
        elif (releaser := self._releasing_method(acquire)) is not None:
            caller = self._unguarded_caller(releaser.name.value)
            if caller is not None:
                # checkov's helm runner: run() calls remove_target_folder() last, no finally
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{resource} is released by {releaser.name.value}(), which"
                    f" {caller.name.value}() calls only when the steps before it succeed: a"
                    " failure leaves it behind; call it in a finally there",
                    at=acquire.call,
                )
            elif (raised := self._raises_after(function, acquire)) is not None:
                # breezy's SmartTCPServer.start_server(): bind() fails, it raises
                # CannotBindAddress, and nothing ever serves or stops the object
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{resource} is released by {releaser.name.value}(), but"
                    f" {function.name.value}() raises itself after making it (line {raised}):"
                    " check that its callers still release the object then, or release it"
                    " before raising",
                    at=acquire.call,
                )
            else:
                self.refuse(
                    function,
                    RefusalKind.NOT_APPLICABLE,
                    f"{resource} is released by another method of the class: the object's"
                    " teardown owns it",
                    at=acquire.call,
                )
        else:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} stays on the object after a failure; whether to release it there"
                " (and reset the attribute) is the object's design, decide by hand",
                at=acquire.call,
            )

    def _on_the_class(self, function: cst.FunctionDef, acquire: Acquire) -> bool:
        """Is the resource an attribute of the enclosing class (``Handler.fd``, or ``cls.fd``
        in a classmethod)?"""
        owner, resource = self.innermost_class(), acquire.resource
        if not isinstance(resource, cst.Attribute) or not isinstance(resource.value, cst.Name):
            return False
        name = resource.value.value
        return (owner is not None and name == owner.name.value) or is_the_class(function, name)

    @staticmethod
    def _enter_is_a_generator(function: cst.FunctionDef) -> bool:
        """Is ``function`` an ``__enter__()`` that yields? A ``with`` gets the generator, whose
        body runs as the block iterates it, where ``__exit__()`` sees its failures (not an
        ``__aenter__()``: ``async with`` cannot await an async generator)."""
        return function.name.value == "__enter__" and FlowScan.of(function.body.body).yields

    def _module_registry(self, function: cst.FunctionDef, acquire: Acquire) -> str | None:
        """Advice where ``function`` appends the resource to a list of the module that a
        function of the module releases (gsutil's rsync keeps its listings in ``_tmp_files``,
        which ``CleanUpTempFiles()`` closes); None where it does not."""
        if not acquire.pair.release_is_method:
            return None
        resource, body = acquire.resource_code, list(function.body.body)
        for index in range(acquire.index + 1, len(body)):
            registry = _appended_to(body[index], resource)
            releaser = registry and _releaser_of(self._module, registry, acquire.pair.release_name)
            if releaser:
                between = [s for s in body[acquire.index + 1 : index] if not _appended_to(s, "")]
                when = f"{function.name.value}() is called"
                when = "the object is made" if function.name.value == "__init__" else when
                return (
                    f"{resource} goes into the module's list {registry}, which {releaser}()"
                    " releases: "
                    + ("a failure before it is appended leaks it; " if can_fail(between) else "")
                    + f"a failure after that is released only where a caller calls {releaser}()"
                    f" in a finally begun before {when}; check the callers by hand"
                )
        return None

    def _starts_what_stop_ends(self, function: cst.FunctionDef) -> bool:
        """``__enter__()``, or ``start()`` of a class with ``stop()`` and no ``__exit__()``
        or ``__del__()`` that would run after a failed start (neutron's KeepalivedCheck has
        one): a caller drops what failed to start, and never stops it."""
        name = function.name.value
        if name in ("__enter__", "__aenter__"):
            return True
        if name != "start":
            return False
        methods = self._class_methods()
        return "stop" in methods and not methods & {"__exit__", "__aexit__", "__del__"}

    def _raises_after(self, function: cst.FunctionDef, acquire: Acquire) -> int | None:
        """The line of the first ``raise`` of its own the function makes after ``acquire``
        (a bare re-raise passes another's failure on, which the caller sees either way)."""
        made = self.lines_of(acquire.call)[1]
        lines = [
            self.lines_of(node)[0]
            for node in m.findall(function.body, m.Raise())
            if node.exc is not None  # type: ignore[attr-defined]
        ]
        return min((line for line in lines if line > made), default=None)

    def _class_methods(self) -> set[str]:
        """The names of the functions defined in the enclosing class."""
        owner = self.innermost_class()
        return set() if owner is None else {f.name.value for f in m.findall(owner, m.FunctionDef())}

    def _collected_and_never_released(self, function: cst.FunctionDef, acquire: Acquire) -> bool:
        """Made in ``__init__``, closing itself when dropped, and closed by no method: the
        class leaves it to the object's end, which a failed ``__init__`` brings early."""
        return (
            function.name.value == "__init__"
            and acquire.pair.collected
            and self._releasing_method(acquire) is None
        )

    def _releasing_method(self, acquire: Acquire) -> cst.FunctionDef | None:
        """The method of the enclosing class that releases ``acquire``'s resource, if one does."""
        return next(self._releasing_methods(acquire), None)

    def _releasing_methods(self, acquire: Acquire) -> Iterator[cst.FunctionDef]:
        """Each method of the enclosing class that releases ``acquire``'s resource."""
        owner = self.innermost_class()
        if owner is None:
            return
        # python-ipmi's close(): sock = getattr(self, '_sock', None), then sock.close();
        # glance-store's BufferedReader.__exit__(): self._tmpfile.__exit__(type, value, tb)
        pair, resource = acquire.pair, acquire.resource_code
        releases = (pair.release_name, "__exit__", "__aexit__") if pair.release_is_method else ()
        for method in m.findall(owner, m.FunctionDef()):
            calls = m.findall(method, m.Call())
            if any(self._releases.is_release(call, acquire) for call in calls):
                yield method
            elif releases:
                holders = {resource, *_aliases_of(method, resource)}
                released = {f"{a}.{release}" for a in holders for release in releases}
                if any(code_of(call.func) in released for call in calls):
                    yield method

    def _catching_caller(self, function: cst.FunctionDef, acquire: Acquire) -> str | None:
        """The method that calls ``self.<function>()``, where every such call of the class is
        in the body of a ``try`` whose handlers or ``finally`` release the resource."""
        owner = self.innermost_class()
        if owner is None:
            return None
        called = m.Call(func=m.Attribute(value=m.Name("self"), attr=m.Name(function.name.value)))
        caught = {
            id(call)
            for block in m.findall(owner, m.Try())
            if any(
                self._releases.is_release(release, acquire)
                for part in [*block.handlers, *([block.finalbody] if block.finalbody else [])]
                for release in m.findall(part, m.Call())
            )
            for call in m.findall(block.body, called)
        }
        callers = [
            (method, calls)
            for method in m.findall(owner, m.FunctionDef())
            if (calls := m.findall(method, called))
        ]
        if not callers or any(id(call) not in caught for _, calls in callers for call in calls):
            return None
        return callers[0][0].name.value  # type: ignore[attr-defined]

    def _unguarded_caller(self, name: str) -> cst.FunctionDef | None:
        """A method of the enclosing class that calls ``self.<name>()`` outside any ``finally:``
        or ``except`` (only once the steps before it succeed), where none calls it inside one."""
        owner = self.innermost_class()
        if owner is None:
            return None
        called = m.Call(func=m.Attribute(value=m.Name("self"), attr=m.Name(name)))
        guarded = [
            call
            for block in m.findall(owner, m.Try())
            for part in [*block.handlers, *([block.finalbody] if block.finalbody else [])]
            for call in m.findall(part, called)
        ]
        if guarded:
            return None
        return next(
            (method for method in m.findall(owner, m.FunctionDef()) if m.findall(method, called)),
            None,
        )

    # -- advice with a report --------------------------------------------------

    def _advise(self, function: cst.FunctionDef) -> None:
        loop_call, later_call = teardown_calls(function)
        if loop_call is not None:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"teardown loop: if {code_of(loop_call.func)}() fails, the remaining steps"
                f"{f' and {code_of(later_call)}' if later_call is not None else ''} are skipped;"
                " continuing the teardown and raising the first error changes error handling, so"
                " it is left to a reviewer",
                at=loop_call,
            )
        for statement in nested_statements(function):
            acquire = self._acquires.acquire_at([statement], 0)
            if acquire is not None and (not acquire.pair.is_method or acquire.on_super):
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{acquire.described} is inside a nested block; only acquisitions at"
                    " the top level of a function are rewritten",
                    at=acquire.call,
                )
                return


def _aliases_of(method: cst.FunctionDef, resource: str) -> set[str]:
    """The local names ``method`` binds to ``resource`` (``self._sock``): ``sock =
    self._sock``, or ``sock = getattr(self, '_sock', None)``."""
    receiver, _, attribute = resource.rpartition(".")
    getattr_calls = tuple(f"getattr({receiver}, {q}{attribute}{q}" for q in "'\"" if receiver)
    aliases = set()
    for assign in m.findall(method, m.Assign([m.AssignTarget(m.Name())])):
        value = code_of(assign.value)  # type: ignore[attr-defined]
        if value == resource or value.startswith(getattr_calls):
            aliases.add(assign.targets[0].target.value)  # type: ignore[attr-defined]
    return aliases


def _appended_to(statement: cst.BaseStatement, resource: str) -> str | None:
    """The list ``statement`` (``_tmp_files.append(self.src_file)``) appends ``resource``
    to; any appended thing where ``resource`` is ""."""
    call = lone_call(statement)
    if call is None or len(call.args) != 1 or not m.matches(call.func, _APPEND):
        return None
    if resource and code_of(call.args[0].value) != resource:
        return None
    return code_of(call.func.value)  # type: ignore[attr-defined]


_APPEND = m.Attribute(value=m.Name(), attr=m.Name("append"))


def _releaser_of(module: cst.Module, registry: str, release: str) -> str | None:
    """The module-level function that releases each item of the module-level list
    ``registry`` (``for fileobj in _tmp_files: fileobj.close()``), if ``registry`` is one."""
    made = m.SimpleStatementLine(
        body=[m.Assign(targets=[m.AssignTarget(target=m.Name(registry))], value=m.List())]
    )
    if not any(m.matches(statement, made) for statement in module.body):
        return None
    loop = m.For(target=m.Name(), iter=m.Name(registry))
    for function in module.body:
        if not isinstance(function, cst.FunctionDef):
            continue
        for each in m.findall(function, loop):
            item = each.target.value  # type: ignore[attr-defined]
            released = m.Call(func=m.Attribute(value=m.Name(item), attr=m.Name(release)))
            if m.findall(each, released):
                return function.name.value
    return None


def is_the_class(function: cst.FunctionDef, name: str) -> bool:
    """Is ``name`` the first parameter of a classmethod: the class it is called on?"""
    params = function.params.params
    return (
        bool(params)
        and params[0].name.value == name
        and any(m.matches(d.decorator, m.Name("classmethod")) for d in function.decorators)
    )
