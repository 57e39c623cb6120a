"""The codemod catalog.

Adding a codemod is adding one module to this package (one :class:`Codemod`
subclass with an ``id``) and one ``before_after/<id>/`` folder of cases.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from cwemod.codemods.base import Codemod
from cwemod.codemods.records import (
    Applicability,
    Fix,
    LineRange,
    Refusal,
    RefusalKind,
    RunState,
)
from cwemod.errors import UnknownCodemod

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


@cache
def all_codemods() -> dict[str, type[Codemod]]:
    """Every codemod in this package, by id, in id order."""
    found: dict[str, type[Codemod]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name in _NOT_CODEMODS or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
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
