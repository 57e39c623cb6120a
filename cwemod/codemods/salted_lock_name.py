"""Key the names of external oslo.concurrency locks (CWE-284, CWE-693).

An external lock is the file ``<lock_path>/<prefix><name>``; a predictable
name in a shared lock directory lets another local user create or hold the
file first. The codemod wraps each external lock's name in a small stdlib-only
helper, added once per module, that appends an HMAC of the name under a key
read from the environment when the lock is taken.
"""

from __future__ import annotations

import ast
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext
from libcst.metadata import PositionProvider, QualifiedNameSource, ScopeProvider

from cwemod.codemods.base import (
    Applicability,
    Codemod,
    RefusalKind,
    RunState,
    callee_tails,
    imported_tails,
    nodes_of_type,
)
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.imports import (
    add_stdlib_imports,
    end_of_import_block,
    with_blank_lines_before,
)
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.quotes import SINGLE, prevailing_quote
from cwemod.codemods.kit.source import code_of

HELPER = "_salted_lock_name"
_LOCKUTILS = "oslo_concurrency.lockutils"
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


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


_LOCK = LockSignature(external_index=2, lock_path_index=3)
_EXTERNAL_ONLY = LockSignature(external_index=None, lock_path_index=2, always_external=True)
_PREFIXED_LOCK = LockSignature(external_index=None, lock_path_index=None)
_PREFIXED_REMOVE = LockSignature(external_index=None, lock_path_index=None, always_external=True)

_LOCK_FUNCTIONS = {
    f"{_LOCKUTILS}.lock": _LOCK,
    f"{_LOCKUTILS}.synchronized": _LOCK,
    f"{_LOCKUTILS}.external_lock": _EXTERNAL_ONLY,
    # The lock file must be removed under the same (keyed) name it was taken with.
    f"{_LOCKUTILS}.remove_external_lock_file": _EXTERNAL_ONLY,
    # Partials other libraries export (neutron-lib: synchronized_with_prefix('neutron-')).
    "neutron_lib.utils.runtime.synchronized": _PREFIXED_LOCK,
}
_PARTIAL_FACTORIES = {
    f"{_LOCKUTILS}.lock_with_prefix": _PREFIXED_LOCK,
    f"{_LOCKUTILS}.synchronized_with_prefix": _PREFIXED_LOCK,
    f"{_LOCKUTILS}.remove_external_lock_file_with_prefix": _PREFIXED_REMOVE,
}
_HAND_BUILT_LOCKS = {
    "fasteners.InterProcessLock",
    "fasteners.process_lock.InterProcessLock",
    f"{_LOCKUTILS}.InterProcessLock",
}
_FILE_OPENERS = {"open", "builtins.open", "io.open", "os.open"}
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
_LOCK_PATH_IDENTIFIER = re.compile(r"(?<![a-z])lock_?(dir|path|file)", re.IGNORECASE)


class Externality(enum.Enum):
    EXTERNAL = "external"
    IN_PROCESS = "in-process"
    RUNTIME = "decided at run time"


_HELPER_TEMPLATE = '''\
def {helper}(name):
    """Key an external lock name with the secret in ${env}.

    A predictable lock file name in a shared lock_path lets another local
    user take the lock first. Every process sharing lock_path must set the
    same key; without a key the name is returned unchanged.
    """
    key = os.environ.get({q}{env}{q})
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + {q}-{q} + digest.hexdigest()[:16]
'''


class SaltedLockName(Codemod):
    id = "salted-lock-name"
    title = "Key the names of external oslo.concurrency locks"
    cwe = ("CWE-284", "CWE-693")
    applicability = Applicability.SAFE
    # Hand-built lock files are only recognised through lock-named paths, hence the last ones.
    prefilter = (
        "lockutils",
        "oslo_concurrency",
        "synchronized",
        "InterProcessLock",
        "lock_dir",
        "lock_path",
        "lock_file",
        "lockdir",
        "lockfile",
        "lockpath",
        "LOCK_",
    )
    default_options: ClassVar[Mapping[str, Any]] = {"key-env": "OSLO_LOCK_NAME_KEY"}
    docs = """\
## What it does
Wraps the name of every external oslo.concurrency lock in a helper,
`_salted_lock_name(name)`, that the codemod adds once per module after the
imports (stdlib only: `hmac`, `hashlib`, `os`):

    with lockutils.lock(_salted_lock_name('neutron-ipset-%s' % ns), external=True):

The helper returns `name + '-' + HMAC-SHA256(key, name)[:16]`, with the key
read from an environment variable (option `key-env`, default
`OSLO_LOCK_NAME_KEY`) each time a lock is taken. With no key set it returns
the name unchanged, so merging the patch changes nothing until operators
set a key.

Targets, through every import form (`from oslo_concurrency import
lockutils`, `import ... as lu`, `from oslo_concurrency.lockutils import
lock`, module-level aliases): `lockutils.lock(...)` and the
`@lockutils.synchronized(...)` decorator with `external=True` (keyword or
third positional argument), `lockutils.external_lock(...)`,
`lockutils.remove_external_lock_file(...)` (the file must be removed under
the name it was taken with), and calls of partials made by
`lock_with_prefix`, `synchronized_with_prefix` and
`remove_external_lock_file_with_prefix`, including neutron-lib's
`neutron_lib.utils.runtime.synchronized` (a `synchronized_with_prefix`
partial).

## Why is this bad?
`lockutils.lock(name, external=True)` takes the file
`<lock_path>/<prefix>-<name>`. When the name is predictable and the lock
directory is shared, another local user can create or hold that file first
and block the service (denial of service), or interfere with the
protection the lock was meant to give (CWE-284, CWE-693).

## Fix safety
Safe: without a key the lock names are exactly the old ones. With a key,
every process that shares a `lock_path` computes the same keyed name, so
they still exclude each other, while a user without the key cannot predict
the file name.

Rollout: set the same key (a random secret, readable only by the service
user) in the environment of every process on the host that shares the
`lock_path` (all agents and workers, and any tool that takes the same
locks), then restart them together; processes with different keys, or one
with a key and one without, no longer exclude each other. Every site that
takes a given lock must be keyed: a site this codemod refuses (a wrapper it
cannot resolve, a hand-built lock file) must be changed the same way by
hand. For `@synchronized(...)` the name is computed once, when the
decorated function is defined, so the key must be set before the module is
imported. The in-process semaphore is named after the keyed name too, which
matters only if the same name is also taken as an in-process lock (the
codemod refuses that case when both are in one module).

`external=` given as an expression (decided at run time) is a review-level
fix: salting is right when the lock is external; check that no in-process
lock elsewhere shares the name.

## Refuses
- In-process locks (no `external=True`): not-applicable, "in-process
  semaphore: the name never leaves the process". Reported only when a
  finding points there; a whole-tree run stays silent about them.
- A name already keyed (wrapped in the helper, or built with `hmac`):
  already-fixed.
- A name salted with a per-process value (pid, time, uuid, random): such
  locks never exclude other processes; use a shared key instead (advice).
- A hard-coded world-writable `lock_path` (`/tmp`, `/var/tmp`, `/dev/shm`,
  `tempfile.gettempdir()`), also through `lockutils.set_defaults` or
  `set_override('lock_path', ...)`: salting does not fix it; use a directory
  only the service can write (advice).
- A lock function reached through something the codemod cannot resolve
  (`external=True` passed to an unknown wrapper): advice.
- Lock files built by hand (`open(lock_dir + name)`,
  `fasteners.InterProcessLock(path)`): advice.
- The same name taken as an in-process lock elsewhere in the module
  (keying only the external site would split the two): advice.
- Call shapes it does not understand (`*args`, `**kwargs`, no name): advice.

## Options
- `key-env` (default `"OSLO_LOCK_NAME_KEY"`): the environment variable the
  helper reads the key from. Set it in `[tool.cwemod.salted-lock-name]`.
"""
    example = """\
from oslo_concurrency import lockutils


class IpsetManager:
    def set_members(self, set_name, members):
        with lockutils.lock('neutron-ipset-%s' % self.namespace,
                            external=True):
            self._apply(set_name, members)
"""

    # Qualified names are asked of the scope node by node (what QualifiedNameProvider
    # does), sparing the provider's own pass over the whole tree.
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        key_env = str(options["key-env"])
        if not _ENV_NAME.match(key_env):
            raise ValueError(f"{cls.id}: key-env {key_env!r} is not an environment variable name")

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Is there a call this codemod could key or refuse in a whole-tree run?

        Follows :meth:`leave_Call` by the last part of each callee's name
        (imports followed through their aliases), erring towards yes.
        """
        imported = imported_tails(tree)
        aliases = _module_alias_names(tree, imported)
        return any(
            isinstance(node, ast.Call) and _may_be_reported_lock_call(node, imported, aliases)
            for node in ast.walk(tree)
        )

    def __init__(
        self,
        context: CodemodContext,
        state: RunState | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(context, state, options)
        self.key_env = str(self.options["key-env"])
        self._aliases: dict[str, LockSignature] = {}
        self._in_process_names: set[str] = set()
        self._keyed_a_site = False
        self._names = QualifiedNames(self)

    # -- whole-module passes ----------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        self._aliases = self._module_aliases(node)
        self._in_process_names = self._in_process_lock_names(node)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._keyed_a_site or _defines_helper(updated_node):
            return updated_node
        module = _insert_helper(updated_node, self._helper_definition(original_node))
        return add_stdlib_imports(module, ("hashlib", "hmac", "os"), self.context)

    def _module_aliases(self, module: cst.Module) -> dict[str, LockSignature]:
        """Module-level names bound to a lock function or a prefixed partial."""
        aliases: dict[str, LockSignature] = {}
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if m.matches(small, m.Assign(targets=[m.AssignTarget(target=m.Name())])):
                    signature = self._signature_of_value(small.value)
                    if signature is not None:
                        aliases[small.targets[0].target.value] = signature
        return aliases

    def _signature_of_value(self, value: cst.BaseExpression) -> LockSignature | None:
        names = self._qualified(value)
        for name in names:
            if name in _LOCK_FUNCTIONS:
                return _LOCK_FUNCTIONS[name]
        if isinstance(value, cst.Call):
            for name in self._qualified(value.func):
                if name in _PARTIAL_FACTORIES:
                    return _PARTIAL_FACTORIES[name]
        return None

    def _in_process_lock_names(self, module: cst.Module) -> set[str]:
        names = set()
        for call in nodes_of_type(module, cst.Call):
            signature = self._lock_signature(call)
            name = _name_argument(call)
            if (
                signature
                and name is not None
                and _externality(call, signature) is Externality.IN_PROCESS
            ):
                names.add(code_of(name.value))
        return names

    # -- call sites -------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        signature = self._lock_signature(original_node)
        if signature is None:
            self._advise_on_other_locks(original_node)
            return updated_node
        if not self._should_key(original_node, signature):
            return updated_node
        externality = _externality(original_node, signature)
        if externality is Externality.RUNTIME:
            applicability = Applicability.REVIEW
            reason = (
                "external= is decided at run time: keying is right when the lock is external; "
                "check no in-process lock elsewhere shares this name"
            )
        else:
            applicability = Applicability.SAFE
            reason = (
                "external lock file name is predictable; keyed with the secret in $" + self.key_env
            )
        if not self.permits(original_node, applicability, reason):
            return updated_node
        self.record_fix(original_node, applicability, reason)
        self._keyed_a_site = True
        return _wrap_name(updated_node)

    def _should_key(self, call: cst.Call, signature: LockSignature) -> bool:
        """Check one lock call; refuse with the reason when it must stay as it is."""
        if has_unpacking(call):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "call shape not understood (*args or **kwargs); key the lock name by hand",
            )
            return False
        name = _name_argument(call)
        if name is None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "no lock name argument found; key the lock name by hand",
            )
            return False
        if _externality(call, signature) is Externality.IN_PROCESS:
            # Whole-tree runs would drown in these; with a report they answer the finding.
            self.note(
                call,
                RefusalKind.NOT_APPLICABLE,
                "in-process semaphore: the name never leaves the process",
            )
            return False
        if self._world_writable_lock_path(call, signature.lock_path_index):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
            return False
        if self._already_keyed(name.value):
            self.refuse(call, RefusalKind.ALREADY_FIXED, "lock name already keyed")
            return False
        volatile = self._per_process_value(name.value)
        if volatile is not None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"lock name salted with a per-process value ({volatile}): other processes never share this lock; "
                "use a shared key instead",
            )
            return False
        if code_of(name.value) in self._in_process_names:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "the same name is also taken as an in-process lock in this module; "
                "keying only the external site would split them",
            )
            return False
        return True

    def _lock_signature(self, call: cst.Call) -> LockSignature | None:
        for name in self._qualified(call.func):
            if name in _LOCK_FUNCTIONS:
                return _LOCK_FUNCTIONS[name]
        if isinstance(call.func, cst.Call):  # lockutils.lock_with_prefix('nova')('name', ...)
            for name in self._qualified(call.func.func):
                if name in _PARTIAL_FACTORIES:
                    return _PARTIAL_FACTORIES[name]
        if (
            isinstance(call.func, cst.Name)
            and call.func.value in self._aliases
            and self._is_module_name(call.func)
        ):
            return self._aliases[call.func.value]
        return None

    def _is_module_name(self, name: cst.Name) -> bool:
        return any(
            q.name == name.value and q.source is QualifiedNameSource.LOCAL
            for q in self._names.full(name)
        )

    # -- other lock shapes: advice only -----------------------------------

    def _advise_on_other_locks(self, call: cst.Call) -> None:
        names = self._qualified(call.func)
        if names & _HAND_BUILT_LOCKS or _opens_built_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _HAND_BUILT_ADVICE)
        elif self._configures_world_writable_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        elif _looks_like_external_lock(call):
            self._advise_on_unresolved_lock(call)

    def _advise_on_unresolved_lock(self, call: cst.Call) -> None:
        if self._world_writable_lock_path(call, None):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        else:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "external lock taken through a function the codemod cannot resolve to oslo.concurrency; "
                "key its name where the lock is taken",
            )

    def _world_writable_lock_path(self, call: cst.Call, index: int | None) -> bool:
        lock_path = argument(call, "lock_path", index)
        return lock_path is not None and self._world_writable(lock_path.value)

    def _configures_world_writable_lock_path(self, call: cst.Call, names: set[str]) -> bool:
        """``lockutils.set_defaults('/tmp')`` or ``CONF.set_override('lock_path', '/tmp', ...)``."""
        if f"{_LOCKUTILS}.set_defaults" in names and call.args:
            return self._world_writable(call.args[0].value)
        return _sets_lock_path_option(call) and self._world_writable(call.args[1].value)

    # -- name and path classification --------------------------------------

    def _already_keyed(self, name: cst.BaseExpression) -> bool:
        if m.matches(name, m.Call(func=m.Name(HELPER) | m.Attribute(attr=m.Name(HELPER)))):
            return True
        return any(
            self._qualified(call.func) & {"hmac.new", "hmac.digest", "hmac.HMAC"}
            for call in m.findall(name, m.Call())
        )

    def _per_process_value(self, name: cst.BaseExpression) -> str | None:
        for call in m.findall(name, m.Call()):
            for qualified in self._qualified(call.func):
                if qualified in _PER_PROCESS_VALUES or qualified.startswith(_PER_PROCESS_MODULES):
                    return qualified
        return None

    def _world_writable(self, path: cst.BaseExpression) -> bool:
        if any(
            "tempfile.gettempdir" in self._qualified(call.func)
            for call in m.findall(path, m.Call())
        ):
            return True
        leading = _leading_text(path)
        return leading is not None and any(
            leading == directory or leading.startswith(directory + "/")
            for directory in _WORLD_WRITABLE_DIRS
        )

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)

    # -- the helper ---------------------------------------------------------

    def _helper_definition(self, module: cst.Module) -> cst.FunctionDef:
        quote = prevailing_quote(module, default=SINGLE)
        text = _HELPER_TEMPLATE.format(helper=HELPER, env=self.key_env, q=quote)
        definition = cst.parse_statement(text, config=module.config_for_parsing)
        assert isinstance(definition, cst.FunctionDef)
        return definition


_WORLD_WRITABLE_ADVICE = (
    "hard-coded world-writable lock_path: keying the name does not fix it; "
    "use a lock directory only the service can write"
)
_HAND_BUILT_ADVICE = "lock file built by hand: pass its name through a keyed digest (hmac) by hand"


# -- the cheap syntactic test (stdlib ast) -------------------------------------


def _tails(names: Any) -> set[str]:
    return {name.rpartition(".")[2] for name in names}


_ALWAYS_EXTERNAL_TAILS = _tails(
    name for name, sig in _LOCK_FUNCTIONS.items() if sig.always_external
) | _tails(name for name, sig in _PARTIAL_FACTORIES.items() if sig.always_external)
_LOCK_TAILS = _tails(_LOCK_FUNCTIONS) - _ALWAYS_EXTERNAL_TAILS
_FACTORY_TAILS = _tails(_PARTIAL_FACTORIES) - _ALWAYS_EXTERNAL_TAILS
_HAND_BUILT_TAILS = _tails(_HAND_BUILT_LOCKS)
_OPENER_TAILS = _tails(_FILE_OPENERS)


def _may_be_reported_lock_call(
    call: ast.Call, imported: Mapping[str, set[str]], aliases: Mapping[str, bool]
) -> bool:
    if any(keyword.arg == "external" for keyword in call.keywords):
        return True  # an external lock, or one decided at run time, of any callee
    names = callee_tails(call.func, imported)
    partial_of = (
        callee_tails(call.func.func, imported) if isinstance(call.func, ast.Call) else set()
    )
    alias = call.func.id if isinstance(call.func, ast.Name) else None
    if (
        names & _ALWAYS_EXTERNAL_TAILS
        or partial_of & _ALWAYS_EXTERNAL_TAILS
        or aliases.get(alias, False)
    ):
        return True
    lock_like = names & _LOCK_TAILS or partial_of & _FACTORY_TAILS or alias in aliases
    if lock_like and _may_be_external_or_odd(call):
        return True
    if names & (_HAND_BUILT_TAILS | {"set_defaults"}):
        return True
    if names & _OPENER_TAILS and any(
        _may_build_lock_path(value) for value in _argument_values(call)
    ):
        return True
    return (
        isinstance(call.func, ast.Attribute)
        and call.func.attr in ("set_override", "set_default")
        and any(_mentions_lock_path(value) for value in _argument_values(call))
    )


def _may_be_external_or_odd(call: ast.Call) -> bool:
    """Not certainly an in-process lock with a plain name (those are silent in whole-tree runs)."""
    unpacked = any(isinstance(arg, ast.Starred) for arg in call.args) or any(
        k.arg is None for k in call.keywords
    )
    named = bool(call.args) or any(keyword.arg == "name" for keyword in call.keywords)
    return unpacked or not named or len(call.args) > _LOCK.external_index


def _argument_values(call: ast.Call) -> list[ast.expr]:
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def _may_build_lock_path(value: ast.expr) -> bool:
    if isinstance(value, (ast.Name, ast.Attribute)):
        return False
    identifiers = [
        node.id
        if isinstance(node, ast.Name)
        else node.attr
        if isinstance(node, ast.Attribute)
        else node.arg
        for node in ast.walk(value)
        if isinstance(node, (ast.Name, ast.Attribute, ast.arg, ast.keyword))
    ]
    return any(
        identifier and _LOCK_PATH_IDENTIFIER.search(identifier) for identifier in identifiers
    )


def _mentions_lock_path(value: ast.expr) -> bool:
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and "lock_path" in node.value
        for node in ast.walk(value)
    )


def _module_alias_names(tree: ast.Module, imported: Mapping[str, set[str]]) -> dict[str, bool]:
    """Top-level names that may be bound to a lock function or a prefixed partial (see ``_module_aliases``).

    Each maps to whether its locks may be always external.
    """
    lock_tails = _LOCK_TAILS | _ALWAYS_EXTERNAL_TAILS | _FACTORY_TAILS
    aliases: dict[str, bool] = {}
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target, tails = statement.targets[0], callee_tails(statement.value, imported)
        if isinstance(target, ast.Name) and tails & lock_tails:
            aliases[target.id] = aliases.get(target.id, False) or bool(
                tails & _ALWAYS_EXTERNAL_TAILS
            )
    return aliases


def _name_argument(call: cst.Call) -> cst.Arg | None:
    return argument(call, "name", 0)


def _externality(call: cst.Call, signature: LockSignature) -> Externality:
    if signature.always_external:
        return Externality.EXTERNAL
    external = argument(call, "external", signature.external_index)
    if external is None or m.matches(external.value, m.Name("False") | m.Name("None")):
        return Externality.IN_PROCESS
    if m.matches(external.value, m.Name("True")):
        return Externality.EXTERNAL
    return Externality.RUNTIME


def _wrap_name(call: cst.Call) -> cst.Call:
    name = _name_argument(call)
    assert name is not None
    wrapped = name.with_changes(value=cst.Call(func=cst.Name(HELPER), args=[cst.Arg(name.value)]))
    return call.with_changes(args=[wrapped if arg is name else arg for arg in call.args])


def _looks_like_external_lock(call: cst.Call) -> bool:
    external = argument(call, "external", None)
    if external is None or not m.matches(external.value, m.Name("True")):
        return False
    callee = (
        call.func.attr.value
        if isinstance(call.func, cst.Attribute)
        else getattr(call.func, "value", "")
    )
    return isinstance(callee, str) and bool(re.search(r"lock|synchron", callee.lower()))


def _sets_lock_path_option(call: cst.Call) -> bool:
    """``CONF.set_override('lock_path', VALUE, ...)`` and ``set_default``."""
    return (
        m.matches(call.func, m.Attribute(attr=m.Name("set_override") | m.Name("set_default")))
        and len(call.args) >= 2
        and _leading_text(call.args[0].value) == "lock_path"
    )


def _opens_built_lock_path(call: cst.Call, names: set[str]) -> bool:
    return bool(names & _FILE_OPENERS) and bool(call.args) and _built_lock_path(call.args[0].value)


def _built_lock_path(path: cst.BaseExpression) -> bool:
    """A path assembled at run time from a lock directory or lock file name."""
    if isinstance(path, (cst.SimpleString, cst.Name, cst.Attribute)):
        return False
    identifiers = [node.value for node in m.findall(path, m.Name())]
    return any(_LOCK_PATH_IDENTIFIER.search(identifier) for identifier in identifiers)


def _leading_text(path: cst.BaseExpression) -> str | None:
    """The literal text a path expression starts with, when it has one."""
    if isinstance(path, cst.SimpleString):
        value = path.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(path, cst.ConcatenatedString):
        value = path.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(path, cst.BinaryOperation) and isinstance(path.operator, (cst.Add, cst.Modulo)):
        return _leading_text(path.left)
    if isinstance(path, cst.FormattedString) and path.parts:
        first = path.parts[0]
        return first.value if isinstance(first, cst.FormattedStringText) else None
    if (
        isinstance(path, cst.Call)
        and m.matches(path.func, m.Attribute(attr=m.Name("join")))
        and path.args
    ):
        return _leading_text(path.args[0].value)  # os.path.join('/tmp', name)
    return None


def _defines_helper(module: cst.Module) -> bool:
    return any(
        m.matches(statement, m.FunctionDef(name=m.Name(HELPER))) for statement in module.body
    )


def _insert_helper(module: cst.Module, helper: cst.FunctionDef) -> cst.Module:
    """Put the helper after the imports, before the first statement that uses it."""
    body = list(module.body)
    first_use = next(
        (index for index, statement in enumerate(body) if _calls_helper(statement)),
        len(body),
    )
    position = end_of_import_block(body[:first_use])
    blank = cst.EmptyLine()
    helper = helper.with_changes(leading_lines=[blank, blank] if position else [])
    if position < len(body):
        body[position] = with_blank_lines_before(body[position], 2)
    body.insert(position, helper)
    return module.with_changes(body=body)


def _calls_helper(statement: cst.BaseStatement) -> bool:
    return any(m.matches(call.func, m.Name(HELPER)) for call in nodes_of_type(statement, cst.Call))
