"""The codemod catalog.

Adding a codemod is adding one module to this package (one :class:`Codemod`
subclass with an ``id``) and one ``before_after/<id>/`` folder of cases.

Importing this package does not load LibCST (most of a second): the codemod
classes, ``Codemod`` and the records are imported when first asked for, so
that ``cwemod --help`` and ``cwemod codemods`` start fast (see ``_index.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import TYPE_CHECKING

from cwemod.errors import UnknownCodemod

if TYPE_CHECKING:
    from cwemod.codemods.base import Codemod
    from cwemod.codemods.records import (
        Applicability,
        Fix,
        LineRange,
        Refusal,
        RefusalKind,
        RunState,
    )

__all__ = [
    "Applicability",
    "Codemod",
    "Fix",
    "LineRange",
    "Refusal",
    "RefusalKind",
    "RunState",
    "UnknownCodemod",
    "all_codemods",
    "get_codemod",
]

_NOT_CODEMODS = {"base", "records"}


# Names this package exports from modules that load LibCST, by the module that holds each.
_LAZY = {
    "Codemod": "base",
    **dict.fromkeys(
        ("Applicability", "Fix", "LineRange", "Refusal", "RefusalKind", "RunState"), "records"
    ),
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value  # the next lookup does not come here
    return value


def codemod_modules() -> list[str]:
    """The full names of the modules that hold codemods (not the helpers, ``_*``)."""
    return [
        f"{__name__}.{info.name}"
        for info in pkgutil.iter_modules(__path__)
        if info.name not in _NOT_CODEMODS and not info.name.startswith("_")
    ]


@cache
def all_codemods() -> dict[str, type[Codemod]]:
    """Every codemod in this package, by id, in id order."""
    from cwemod.codemods.base import Codemod

    found: dict[str, type[Codemod]] = {}
    for name in codemod_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Codemod)
                and value.__module__ == module.__name__
                and getattr(value, "id", None)
            ):
                if value.id in found:
                    raise RuntimeError(f"two codemods share the id {value.id!r}")
                found[value.id] = value
    return dict(sorted(found.items()))


def get_codemod(codemod_id: str) -> type[Codemod]:
    try:
        return all_codemods()[codemod_id]
    except KeyError:
        raise UnknownCodemod(codemod_id, all_codemods()) from None
