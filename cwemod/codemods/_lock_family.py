"""Which lock family a keyed call belongs to, and whether the project plan lets it be keyed."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._lock_calls import PARTIAL_FACTORIES, LockSignature
from cwemod.codemods._lock_survey import KNOWN_PREFIXES, LockPlan, Wrapper
from cwemod.codemods.kit.calls import argument

QualifiedNamesOf = Callable[[cst.CSTNode], set[str]]


def family_of(
    call: cst.Call,
    signature: LockSignature,
    wrapper: Wrapper | None,
    qualified_names: QualifiedNamesOf,
) -> str | None:
    """The ``lock_file_prefix`` of the lock file ``call`` names; None when it is not known."""
    if wrapper is not None:
        return wrapper.prefix
    if signature.prefix is not None:
        return signature.prefix
    if isinstance(call.func, cst.Call) and qualified_names(call.func.func) & set(PARTIAL_FACTORIES):
        return prefix_value(argument(call.func, "lock_file_prefix", 0), qualified_names)
    if signature.prefix_index is None:
        return None  # a module-level partial the survey did not see
    given = argument(call, "lock_file_prefix", signature.prefix_index)
    return "" if given is None else prefix_value(given, qualified_names)


def prefix_value(arg: cst.Arg | None, qualified_names: QualifiedNamesOf) -> str | None:
    if arg is None:
        return None
    if isinstance(arg.value, cst.SimpleString):
        value = arg.value.evaluated_value
        return value if isinstance(value, str) else None
    for name in qualified_names(arg.value):
        if name in KNOWN_PREFIXES:
            return KNOWN_PREFIXES[name]
    return None


def plan_refusal(plan: LockPlan, family: str | None) -> str | None:
    """Why the plan does not let a lock of ``family`` be keyed; None when it does."""
    if family is None:
        return (
            "lock file prefix not resolved, so its takers and removers cannot be found; "
            "key them all by hand or none"
        )
    if family in plan.blocked:
        return (
            f"every taker and remover of {family or 'unprefixed'!r} locks must be keyed "
            f"alike, and {plan.blocked[family]}"
        )
    if plan.home is None and plan.home_taken is not None:
        return (
            f"the helper's new module would be {plan.home_taken}, and another file is there; "
            "add the helper to a module of the project by hand and key every taker and "
            "remover of the names with it"
        )
    if plan.home is None:
        return (
            "no shared place for the helper: the project has no lock wrapper module and "
            "its lock users are not all in one package; add one helper module and key "
            "every taker and remover of the names with it"
        )
    if family not in plan.families:
        return "lock family not found by the project survey; key its takers and removers by hand"
    return None
