"""secure-random: a ``random.seed()`` that may be there to replay the sequence, and one that
cannot be.

snmpsim's redis variation module calls ``random.seed()`` with no value: that reseeds from
the operating system's entropy, the opposite of a reproducible sequence. So does a seed of
``None``, or of ``os.urandom()`` or ``secrets``. A seed read from the clock
(``random.seed(time.time())``) counts with them: it is kept nowhere, so no run can be
replayed, and a clock seed only makes the draws easier to guess, which is what the fix
cures. A literal, a name, a setting or an argument may replay the sequence, and counts.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._hash_clock import CLOCK_CALLS
from cwemod.codemods.kit.calls import argument, has_unpacking
from cwemod.codemods.kit.names import dotted_name

NamesOf = Callable[[cst.BaseExpression], set[str]]

# What draws from the operating system's entropy, by qualified name (and all of secrets).
_ENTROPY_CALLS = frozenset({"os.urandom", "os.getrandom", "uuid.uuid4", "random.SystemRandom"})
_FRESH_CALLS = _ENTROPY_CALLS | CLOCK_CALLS


def replays(seed: cst.Call, names_of: NamesOf) -> bool:
    """Does the ``random.seed`` call ``seed`` give a value that may replay the sequence?

    No for no value, ``None``, or one made only of literals and calls, one of which
    reads the operating system's entropy or the clock (``int(time.time())``,
    ``int.from_bytes(os.urandom(8), "big")``); yes for anything else.
    """
    if has_unpacking(seed):
        return True
    given = argument(seed, "a", 0)
    if given is None or (isinstance(given.value, cst.Name) and given.value.value == "None"):
        return False
    fresh: list[str] = []
    return not (_made_of_fresh_calls(given.value, names_of, fresh) and fresh)


def _made_of_fresh_calls(value: cst.BaseExpression, names_of: NamesOf, fresh: list[str]) -> bool:
    """Is ``value`` made only of literals, arithmetic and calls (no name but a callee's)?
    Not ``setting or time.time()``: where the setting is given, it may replay the run.
    Each call that draws from the operating system's entropy or reads the clock goes into
    ``fresh``, its arguments unread: ``os.urandom(size)`` is fresh whatever the size."""
    if isinstance(value, (cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(value, cst.Call):
        names = names_of(value.func)
        if names & _FRESH_CALLS or any(name.startswith("secrets.") for name in names):
            fresh.append(min(names))
            return True
        parts = [arg.value for arg in value.args]
        if dotted_name(value.func) is None:
            if not isinstance(value.func, cst.Attribute):
                return False
            parts.append(value.func.value)  # os.urandom(8).hex()
        return all(_made_of_fresh_calls(part, names_of, fresh) for part in parts)
    if isinstance(value, cst.BinaryOperation):
        parts = [value.left, value.right]
    elif isinstance(value, cst.UnaryOperation):
        parts = [value.expression]
    else:
        return False
    return all(_made_of_fresh_calls(part, names_of, fresh) for part in parts)
