"""Key the names of external oslo.concurrency locks (CWE-284, CWE-693).

An external lock is the file ``<lock_path>/<prefix><name>``; a predictable
name in a shared lock directory lets another local user create or hold the
file first. The codemod wraps each external lock's name in a small stdlib-only
helper, added once per module, that appends an HMAC of the name under a key
read from the environment when the lock is taken.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext
from libcst.metadata import PositionProvider, QualifiedNameSource, ScopeProvider

from cwemod.codemods._lock_calls import (
    HAND_BUILT_LOCKS,
    LOCK_FUNCTIONS,
    LOCKUTILS,
    PARTIAL_FACTORIES,
    Externality,
    LockSignature,
    externality_of,
    looks_like_external_lock,
    name_argument,
    opens_built_lock_path,
    sets_lock_path_option,
)
from cwemod.codemods._lock_gates import may_record_a_lock_call
from cwemod.codemods._lock_helper import (
    defines_helper,
    helper_definition,
    insert_helper,
    wrap_name,
)
from cwemod.codemods._lock_values import already_keyed, per_process_value, world_writable
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.imports import add_stdlib_imports
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability, RefusalKind, RunState

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


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
        """Is there a call this codemod could key or refuse in a whole-tree run?"""
        return may_record_a_lock_call(tree)

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
        if not self._keyed_a_site or defines_helper(updated_node):
            return updated_node
        module = insert_helper(updated_node, helper_definition(original_node, self.key_env))
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
            if name in LOCK_FUNCTIONS:
                return LOCK_FUNCTIONS[name]
        if isinstance(value, cst.Call):
            for name in self._qualified(value.func):
                if name in PARTIAL_FACTORIES:
                    return PARTIAL_FACTORIES[name]
        return None

    def _in_process_lock_names(self, module: cst.Module) -> set[str]:
        names = set()
        for call in nodes_of_type(module, cst.Call):
            signature = self._lock_signature(call)
            name = name_argument(call)
            if (
                signature
                and name is not None
                and externality_of(call, signature) is Externality.IN_PROCESS
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
        externality = externality_of(original_node, signature)
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
        return wrap_name(updated_node)

    def _should_key(self, call: cst.Call, signature: LockSignature) -> bool:
        """Check one lock call; refuse with the reason when it must stay as it is."""
        if has_unpacking(call):
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "call shape not understood (*args or **kwargs); key the lock name by hand",
            )
            return False
        name = name_argument(call)
        if name is None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "no lock name argument found; key the lock name by hand",
            )
            return False
        if externality_of(call, signature) is Externality.IN_PROCESS:
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
        if already_keyed(name.value, self._qualified):
            self.refuse(call, RefusalKind.ALREADY_FIXED, "lock name already keyed")
            return False
        volatile = per_process_value(name.value, self._qualified)
        if volatile is not None:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"lock name salted with a per-process value ({volatile}): "
                "other processes never share this lock; use a shared key instead",
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
            if name in LOCK_FUNCTIONS:
                return LOCK_FUNCTIONS[name]
        if isinstance(call.func, cst.Call):  # lockutils.lock_with_prefix('nova')('name', ...)
            for name in self._qualified(call.func.func):
                if name in PARTIAL_FACTORIES:
                    return PARTIAL_FACTORIES[name]
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
        if names & HAND_BUILT_LOCKS or opens_built_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _HAND_BUILT_ADVICE)
        elif self._configures_world_writable_lock_path(call, names):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        elif looks_like_external_lock(call):
            self._advise_on_unresolved_lock(call)

    def _advise_on_unresolved_lock(self, call: cst.Call) -> None:
        if self._world_writable_lock_path(call, None):
            self.refuse(call, RefusalKind.ADVICE_ONLY, _WORLD_WRITABLE_ADVICE)
        else:
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                "external lock taken through a function the codemod cannot resolve "
                "to oslo.concurrency; key its name where the lock is taken",
            )

    def _world_writable_lock_path(self, call: cst.Call, index: int | None) -> bool:
        lock_path = argument(call, "lock_path", index)
        return lock_path is not None and world_writable(lock_path.value, self._qualified)

    def _configures_world_writable_lock_path(self, call: cst.Call, names: set[str]) -> bool:
        """``lockutils.set_defaults('/tmp')`` or ``CONF.set_override('lock_path', '/tmp', ...)``."""
        if f"{LOCKUTILS}.set_defaults" in names and call.args:
            return world_writable(call.args[0].value, self._qualified)
        return sets_lock_path_option(call) and world_writable(call.args[1].value, self._qualified)

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)


_WORLD_WRITABLE_ADVICE = (
    "hard-coded world-writable lock_path: keying the name does not fix it; "
    "use a lock directory only the service can write"
)
_HAND_BUILT_ADVICE = "lock file built by hand: pass its name through a keyed digest (hmac) by hand"
