"""Advice-only answers of ``cleanup-on-failure``: sites it explains but does not rewrite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

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
from cwemod.codemods.kit.bindings import values_assigned
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import RefusalKind

_STANDARD_STREAMS = frozenset(
    f"sys.{name}" for name in ("stdin", "stdout", "stderr", "__stdout__", "__stderr__")
)


@dataclass(frozen=True)
class HalfMade:
    """The object a failure drops half-made, with the resource in an attribute of it."""

    owner: cst.ClassDef | None  # its class, whose methods may release the resource
    acquire: Acquire  # the acquire as those methods name it: ``self.<attribute>``
    dropped: str  # how messages name the object


class AdviceMixin:
    """Refusals that need the codemod's state: its pairs, releases and enclosing classes."""

    _acquires: AcquireFinder
    _releases: Releases
    _module: cst.Module
    innermost_class: Callable[[], cst.ClassDef | None]  # from EnclosingDefinitions

    def _released_by_del(self, made: HalfMade) -> bool:
        methods = self._releasing_methods(made.acquire, made.owner)
        return any(method.name.value == "__del__" for method in methods)

    def _refuse_attribute(self, function: cst.FunctionDef, acquire: Acquire) -> None:
        resource, made = acquire.resource_code, self._half_made(function, acquire)
        failing = f"when {function.name.value}() fails after {resource} is made"
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
        elif made is not None and acquire.pair.finalized:
            # cx_Freeze's ModuleFinder: self._tmp_dir = TemporaryDirectory(prefix="cxfreeze-")
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{failing}, its finalizer removes it as {made.dropped} is dropped",
                at=acquire.call,
            )
        elif made is not None and self._released_by_del(made):
            # nrfutil's Dfu: __del__() removes self.temp_dir, and runs on the half-made object
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{failing}, the class's __del__() releases it as {made.dropped} is dropped",
                at=acquire.call,
            )
        elif (registry := self._module_registry(function, acquire)) is not None:
            # gsutil's rsync: _tmp_files.append(self.sorted_list_src_file), CleanUpTempFiles()
            self.refuse(function, RefusalKind.ADVICE_ONLY, registry, at=acquire.call)
        elif made is not None and self._collected_and_never_released(made):
            # toil's DeferredFunctionManager, ryu's BMPStation: open() files no method closes;
            # msldap's Snapshot.from_file(): sn = Snapshot(), then sn.filehandle = open(...)
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{failing}, it closes itself as {made.dropped} is dropped, and no method of"
                " the class closes it anyway: a handler would be churn",
                at=acquire.call,
            )
        elif made is not None:
            # a failing constructor (or factory) returns no object to release it through
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{failing}, the caller gets no object to release it with: release it there"
                " before re-raising",
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
            if caller is not None and _calls_only_to_raise(caller, releaser.name.value):
                # Zuul's KubeFwd.start(): stop() where its own check fails; the sockets stay
                # reserved while it runs, so a finally would close them on success too
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{resource} is released by {releaser.name.value}(), which"
                    f" {caller.name.value}() calls only before raising its own error: a failure"
                    " of another step leaves it behind; call it in an except before re-raising"
                    " there",
                    at=acquire.call,
                )
            elif caller is not None:
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

    def _collected_and_never_released(self, made: HalfMade) -> bool:
        """Closing itself when dropped, and closed by no method of the half-made object's
        class: the class leaves it to the object's end, which a failure brings early."""
        methods = self._releasing_methods(made.acquire, made.owner)
        return made.acquire.pair.collected and next(methods, None) is None

    def _half_made(self, function: cst.FunctionDef, acquire: Acquire) -> HalfMade | None:
        """The object a failure of ``function`` after ``acquire`` drops half-made: ``self``
        in ``__init__()``, or a new object of a class of the module that ``function`` makes
        and keeps to itself until it returns it (msldap's ``sn = Snapshot()``)."""
        if function.name.value == "__init__":
            return HalfMade(self.innermost_class(), acquire, "the half-made object")
        resource = acquire.resource
        if not isinstance(resource, cst.Attribute) or not isinstance(resource.value, cst.Name):
            return None
        name = resource.value.value
        made = values_assigned(function, name)
        if len(made) != 1 or not m.matches(made[0], m.Call(func=m.Name())):
            return None
        owner = self._class_named(function, made[0].func.value)  # type: ignore[attr-defined]
        if owner is None or not _kept_to_itself(function, name):
            return None
        own = replace(acquire, resource=resource.with_changes(value=cst.Name("self")))
        return HalfMade(owner, own, f"the half-made object, this function's own {name},")

    def _class_named(self, function: cst.FunctionDef, name: str) -> cst.ClassDef | None:
        """The class ``name`` calls in ``function``: the enclosing class (``cls`` in a
        classmethod), or a class defined at the top of the module."""
        owner = self.innermost_class()
        if owner is not None and (name == owner.name.value or is_the_class(function, name)):
            return owner
        classes = (s for s in self._module.body if isinstance(s, cst.ClassDef))
        return next((c for c in classes if c.name.value == name), None)

    def _releasing_method(self, acquire: Acquire) -> cst.FunctionDef | None:
        """The method of the enclosing class that releases ``acquire``'s resource, if one does."""
        return next(self._releasing_methods(acquire), None)

    def _releasing_methods(
        self, acquire: Acquire, owner: cst.ClassDef | None = None
    ) -> Iterator[cst.FunctionDef]:
        """Each method of ``owner`` (the enclosing class by default) that releases
        ``acquire``'s resource: not the method that acquires it, nor one that makes it anew
        after releasing it (trove's StreamReader._start_new_segment() closes the old buffer
        and opens the next: a replacement, not a release)."""
        owner = owner or self.innermost_class()
        if owner is None:
            return
        # python-ipmi's close(): sock = getattr(self, '_sock', None), then sock.close();
        # glance-store's BufferedReader.__exit__(): self._tmpfile.__exit__(type, value, tb)
        pair, resource = acquire.pair, acquire.resource_code
        releases = (pair.release_name, "__exit__", "__aexit__") if pair.release_is_method else ()
        for method in m.findall(owner, m.FunctionDef()):
            calls = m.findall(method, m.Call())
            if any(call is acquire.call for call in calls):
                continue
            holders = {resource, *_aliases_of(method, resource)} if releases else set()
            released = {f"{a}.{release}" for a in holders for release in releases}
            found = [c for c in calls if self._removes(c, acquire) or code_of(c.func) in released]
            if found and not self._made_anew_after(method, acquire, found):
                yield method

    def _made_anew_after(
        self, method: cst.FunctionDef, acquire: Acquire, releases: list[cst.Call]
    ) -> bool:
        """Does ``method`` acquire into ``acquire``'s resource again after its last release
        of it (close, then open into the same attribute)?"""
        resource, last = acquire.resource_code, max(self.lines_of(c)[0] for c in releases)
        lines = m.findall(method, m.SimpleStatementLine())
        made = (self._acquires.acquire_at([line], 0) for line in lines)  # type: ignore[list-item]
        return any(
            again is not None
            and again.resource_code == resource
            and self.lines_of(again.call)[0] > last
            for again in made
        )

    def _removes(self, call: cst.Call, acquire: Acquire) -> bool:
        """Does ``call`` release the resource, or remove it where it is (pssh's ``__del__()``:
        ``os.rmdir(self.tempdir)``; not ``shutil.move(self.tempdir, dest)``, which keeps it)?"""
        return self._releases.is_release(call, acquire) or (
            len(call.args) == 1 and self._releases.remover(call, acquire) is not None
        )

    def _releasing_calls(self, function: cst.FunctionDef, acquire: Acquire) -> frozenset[str]:
        """``self.destroy`` for each other method of the class that releases the attribute
        ``self.<name>`` (openshift-client's ``TempFile.__enter__()`` calls it in a handler)."""
        receiver = acquire.resource
        if not m.matches(receiver, m.Attribute(value=m.Name("self"))):
            return frozenset()
        return frozenset(
            f"self.{method.name.value}"
            for method in self._releasing_methods(acquire)
            if method.name.value != function.name.value
        )

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


def _kept_to_itself(function: cst.FunctionDef, name: str) -> bool:
    """Is the local ``name`` bound, its attributes used, and returned in ``function``, and
    never handed on before (given to a call, stored, captured by a nested function)?"""
    used = {id(node.value) for node in m.findall(function, m.Attribute(value=m.Name(name)))}
    used |= {id(node.value) for node in m.findall(function, m.Return(value=m.Name(name)))}
    used |= {id(node.target) for node in m.findall(function, m.AssignTarget(m.Name(name)))}
    nested = m.findall(function.body, m.FunctionDef() | m.Lambda())
    return not any(m.findall(each, m.Name(name)) for each in nested) and all(
        id(node) in used for node in m.findall(function, m.Name(name))
    )


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


def _calls_only_to_raise(caller: cst.FunctionDef, name: str) -> bool:
    """Is each ``self.<name>()`` of ``caller`` a step of its own followed, in its block, by a
    ``raise``: a release on its error path, not at the end of its work?"""
    called = m.Call(func=m.Attribute(value=m.Name("self"), attr=m.Name(name)))
    calls = m.findall(caller, called)
    before_raising = [
        call
        for block in m.findall(caller, m.IndentedBlock())
        for at, statement in enumerate(block.body)  # type: ignore[attr-defined]
        if (call := lone_call(statement)) is not None and m.matches(call, called)
        if any(_raises(later) for later in block.body[at + 1 :])  # type: ignore[attr-defined]
    ]
    return bool(calls) and len(before_raising) == len(calls)


def _raises(statement: cst.BaseStatement) -> bool:
    """Is ``statement`` a ``raise`` (its block's, not a nested one's)?"""
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, cst.Raise) for small in statement.body
    )
