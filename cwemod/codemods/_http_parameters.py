"""The timeout parameters a function takes and drops, for requests-timeout.

pyexchange's ``send(self, body, headers=None, retries=2, timeout=30, ...)`` posts
with no timeout: the caller's setting is lost, and a fixed 60 s would override it
too. A parameter named ``timeout``, ``*_timeout`` or ``timeout_*`` that the body
never reads nor binds again is the one the call should be given.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import libcst as cst
from libcst.metadata import Scope

from cwemod.codemods.kit.calls import name_words, named_parameters

# Words of a name that count in other units than requests' seconds.
_OTHER_UNITS = frozenset(
    {"ms", "msec", "msecs", "millis", "milliseconds", "min", "mins", "minutes", "hours"}
)


def dropped_timeouts(
    function: cst.FunctionDef,
    scope_of: Callable[[cst.CSTNode], Scope | None],
    not_a_request: Collection[str],
) -> list[cst.Param]:
    """The parameters of ``function`` that say timeout (first or last word; no word of
    ``not_a_request``, a task's or a lock's) and that it never reads or binds again
    (``scope_of`` a node: its scope)."""
    found = []
    for param in named_parameters(function.params):
        words = name_words(param.name.value)
        if "timeout" not in words[:1] + words[-1:] or set(words) & set(not_a_request):
            continue
        scope = scope_of(param.name)
        assignments = list(scope.assignments[param.name.value]) if scope else []
        if len(assignments) == 1 and not assignments[0].references:
            found.append(param)
    return found


def in_seconds(param: cst.Param) -> bool:
    """Does ``param``'s name say nothing of other units than seconds (``timeout_ms``)?"""
    return not set(name_words(param.name.value)) & _OTHER_UNITS
