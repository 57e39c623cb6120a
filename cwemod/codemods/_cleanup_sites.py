"""The sites of ``cleanup-on-failure``: an acquisition, and the rewrite proposed for it."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from cwemod.codemods._cleanup_names import ModuleNames
from cwemod.codemods._cleanup_pairs import Pair
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability


@dataclass(frozen=True)
class Acquire:
    """One acquisition statement at the top level of a function body."""

    index: int
    pair: Pair
    call: cst.Call
    resource: cst.BaseExpression  # the assigned name/attribute, or the receiver of a method pair
    # What a method pair's call is assigned to (``vol = volume_api.create(...)``): what the
    # call returned, which may be a new object rather than a resource of the receiver.
    bound: cst.BaseExpression | None = None

    @property
    def resource_code(self) -> str:
        return code_of(self.resource)

    @property
    def is_local_name(self) -> bool:
        return isinstance(self.resource, cst.Name)

    @property
    def on_super(self) -> bool:
        return m.matches(self.resource, m.Call(func=m.Name("super")))

    @property
    def receiver_code(self) -> str:
        """The object a method pair is called on (``super()``, ``self``, ``ip``)."""
        func = self.call.func
        return code_of(func.value) if isinstance(func, cst.Attribute) else ""

    @property
    def described(self) -> str:
        """How messages name the acquisition: its call, or the resource's name and the
        function that made it, the code in backticks (orange3's "`a` from open()")."""
        if self.pair.is_method:
            return f"`{code_of(self.call)}`"
        return f"`{self.resource_code}` from {code_of(self.call.func)}()"


@dataclass(frozen=True)
class Candidate:
    """A rewrite of one site, not yet applied."""

    replacement: list[cst.BaseStatement]
    consumed: int  # how many original statements, from the acquire on, it replaces
    applicability: Applicability
    reason: str
    imports: frozenset[str] | set[str] = frozenset()
    # What the fix is for, said when it is refused for its width: chalice's mkdtemp()
    # directory, never removed, belongs in a try/finally, not a cleanup on failure only.
    remedy: str = ""


class AcquireFinder:
    """Finds the acquisition a top-level statement makes, through the module's pairs."""

    def __init__(self, pairs: list[Pair], names: ModuleNames) -> None:
        self._pairs = pairs
        self._names = names
        self._acquire_tails = {
            pair.acquire.rpartition(".")[2] for pair in pairs if not pair.is_method
        }

    def acquire_at(self, body: list[cst.BaseStatement], index: int) -> Acquire | None:
        statement = body[index]
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return None
        small = statement.body[0]
        if (
            isinstance(small, cst.Assign)
            and isinstance(small.value, cst.Call)
            and len(small.targets) == 1
        ):
            pair = self._function_pair(small.value)
            resource = _resource_in(small.targets[0].target, pair) if pair else None
            if pair is not None and resource is not None:
                return Acquire(index, pair, small.value, resource)
            return self._method_acquire(index, small.value, small.targets[0].target)
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            return self._method_acquire(index, small.value)
        return None

    def _function_pair(self, call: cst.Call) -> Pair | None:
        if not self._names.may_name(call.func, self._acquire_tails):
            return None
        name = self._names.qualified(call.func)
        return next(
            (pair for pair in self._pairs if not pair.is_method and pair.acquire == name), None
        )

    def _method_acquire(
        self, index: int, call: cst.Call, bound: cst.BaseExpression | None = None
    ) -> Acquire | None:
        if not isinstance(call.func, cst.Attribute):
            return None
        method = call.func.attr.value
        pair = next(
            (pair for pair in self._pairs if pair.is_method and pair.acquire_name == method), None
        )
        if pair is None:
            return None
        if not pair.by_argument:
            return Acquire(index, pair, call, call.func.value, bound)
        name = call.args[0].value if call.args and call.args[0].keyword is None else None
        if not isinstance(name, cst.Name) or call.args[0].star:
            return None
        return Acquire(index, pair, call, name)


def _resource_in(target: cst.BaseExpression, pair: Pair) -> cst.BaseExpression | None:
    """What the assignment binds the resource to: the target itself, or the pair's
    element of an unpacked tuple (a plain name there)."""
    if pair.element is None:
        return target if isinstance(target, (cst.Name, cst.Attribute)) else None
    if not isinstance(target, (cst.Tuple, cst.List)) or pair.element >= len(target.elements):
        return None
    if any(isinstance(each, cst.StarredElement) for each in target.elements):
        return None
    value = target.elements[pair.element].value
    return value if isinstance(value, cst.Name) else None
