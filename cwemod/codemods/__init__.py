"""The codemod catalog.

Adding a codemod is adding one module to this package (one :class:`Codemod`
subclass with an ``id``; the module is named after it) and one
``before_after/<id>/`` folder of cases.

Importing this package does not load LibCST (most of a second): the codemod
classes, ``Codemod`` and the records are imported when first asked for, so
that ``cwemod --help`` and ``cwemod codemods`` start fast (see ``_index.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from cwemod.errors import UnknownCodemod
from cwemod.lazy import lazy_exports

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
    "codemod_ids",
    "get_codemod",
]

_NOT_CODEMODS = {"base", "records", "surveys"}


# Names this package exports from modules imported when first asked for (``base`` loads
# LibCST), by the module that holds each.
_LAZY = {
    "Codemod": "base",
    **dict.fromkeys(
        ("Applicability", "Fix", "LineRange", "Refusal", "RefusalKind", "RunState"), "records"
    ),
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())


def codemod_modules() -> list[str]:
    """The full names of the modules that hold codemods (not the helpers: ``_*``, ``kit``)."""
    return [
        f"{__name__}.{info.name}"
        for info in pkgutil.iter_modules(__path__)
        if info.name not in _NOT_CODEMODS and not info.name.startswith("_") and not info.ispkg
    ]


@cache
def codemod_ids() -> tuple[str, ...]:
    """Every codemod's id, in id order, with no codemod imported.

    A codemod's module is named after its id (``salted-lock-name`` lives in
    ``salted_lock_name.py``); :func:`all_codemods` enforces it.
    """
    return tuple(sorted(_id_of(module) for module in codemod_modules()))


@cache
def all_codemods() -> dict[str, type[Codemod]]:
    """Every codemod in this package, by id, in id order."""
    return {codemod_id: get_codemod(codemod_id) for codemod_id in codemod_ids()}


@cache
def get_codemod(codemod_id: str) -> type[Codemod]:
    """The codemod ``codemod_id``, importing its module only."""
    known = codemod_ids()
    if codemod_id not in known:
        raise UnknownCodemod(codemod_id, known)
    return _codemod_in(importlib.import_module(f"{__name__}.{codemod_id.replace('-', '_')}"))


def _codemod_in(module: ModuleType) -> type[Codemod]:
    from cwemod.codemods.base import Codemod

    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Codemod)
        and value.__module__ == module.__name__
        and getattr(value, "id", None)
    ]
    if [codemod.id for codemod in found] != [_id_of(module.__name__)]:
        raise RuntimeError(
            f"{module.__name__} must hold one codemod, whose id is {_id_of(module.__name__)!r}"
        )
    return found[0]


def _id_of(module: str) -> str:
    return module.rsplit(".", 1)[-1].replace("_", "-")
