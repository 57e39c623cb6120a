"""Does ``super().create()``'s pair release undo exactly what that call did?

A release is only written when it resolves: the base class and both of its
methods are in this module, the release needs no argument this call does not
have, the acquire does something, and the class does not override the release
(``super().delete()`` would then skip the class's own teardown).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from cwemod.codemods._cleanup_orm import transactional_framework
from cwemod.codemods._cleanup_pairs import Pair
from cwemod.codemods._cleanup_sites import Acquire
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.records import Applicability, RefusalKind

_BY_HAND = "; decide the cleanup by hand"


@dataclass(frozen=True)
class Judgement:
    """A site's applicability with its review caveat, or why it is refused."""

    applicability: Applicability | None  # None: refused
    text: str  # the review caveat ("" when safe), or the refusal reason
    kind: RefusalKind = RefusalKind.ADVICE_ONLY

    @classmethod
    def refused(cls, reason: str, kind: RefusalKind = RefusalKind.ADVICE_ONLY) -> Judgement:
        return cls(None, reason, kind)


def judge_super_release(
    acquire: Acquire,
    release: str,
    enclosing: cst.ClassDef | None,
    module: cst.Module,
    module_path: str,
) -> Judgement:
    """Review when ``release`` resolves and undoes what ``acquire`` did; else refused."""
    pair, call = acquire.pair, code_of(acquire.call)
    saved = row_saver_reason(enclosing, pair.acquire_name, pair.release_name, module, module_path)
    if saved is not None:
        return Judgement.refused(saved, RefusalKind.NOT_APPLICABLE)
    classes = _module_classes(module)
    base = _module_base(enclosing, classes)
    if enclosing is None or base is None:
        named = _first_base_name(enclosing)
        where = f"the base class {named}" if named else "the base class"
        return Judgement.refused(
            f"{where} is not defined in this module, so whether {release} undoes exactly"
            f" what {call} did (and needs no argument) cannot be checked" + _BY_HAND
        )
    acquire_def = _method(base, pair.acquire_name, classes)
    release_def = _method(base, pair.release_name, classes)
    if acquire_def is None or release_def is None:
        return Judgement.refused(
            f"{base.name.value} does not define both {pair.acquire_name}() and"
            f" {pair.release_name}() here, so {release} cannot be checked" + _BY_HAND
        )
    missing = _required_parameters(release_def)
    if missing and set(missing) <= _argument_names(acquire.call):
        # trove's ClusterRoot.create(): Root.delete(context, instance_id)
        return Judgement.refused(
            f"{base.name.value}.{pair.release_name}() needs {', '.join(missing)}: whether the"
            f" ones {pair.acquire_name}() is given here are the ones to undo it with cannot be"
            " checked" + _BY_HAND
        )
    if missing:
        return Judgement.refused(_needs_arguments(base, pair, missing, release))
    if _does_nothing(acquire_def):
        return Judgement.refused(
            f"{base.name.value}.{pair.acquire_name}() does nothing, so there is nothing to release",
            RefusalKind.NOT_APPLICABLE,
        )
    if exists_ok_body(acquire_def):
        return Judgement.refused(
            f"{base.name.value}.{pair.acquire_name}() is exists-ok, so {release} on failure"
            " could delete what existed before the call" + _BY_HAND
        )
    if overrides(enclosing, pair.release_name):
        return Judgement.refused(
            f"{release} is not the inverse of this call: "
            + skips_override(enclosing, pair.release_name)
            + _BY_HAND
        )
    return Judgement(
        Applicability.REVIEW,
        f"; review: check that {base.name.value}.{pair.release_name}() undoes only what"
        f" {base.name.value}.{pair.acquire_name}() made",
    )


def self_release_signature(
    enclosing: cst.ClassDef | None, acquire: Acquire, module: cst.Module
) -> str | None:
    """Why ``self.<release>()``, which passes nothing, is not the release: the class (or a
    base of this module) defines it with parameters the call does not give (Kallithea's
    ``UserModel.delete(self, user, cur_user=None)``), or ones it does give (zun's
    ``DockerDriver``), or it is elsewhere and ``create()`` names what it makes by its first
    argument (python-openstackclient's ``self.create(url)``); None when it is the object's."""
    if enclosing is None:
        return None
    pair, classes = acquire.pair, _module_classes(module)
    release_def = _method(enclosing, pair.release_name, classes)
    if release_def is None:
        return _named_by_first_argument(acquire)
    required = _required_parameters(release_def)
    if not required:
        return None
    given = _given(acquire.call, _method(enclosing, pair.acquire_name, classes))
    missing = [name for name in required if name not in given]
    if missing:
        return _needs_arguments(enclosing, pair, missing, f"self.{pair.release_name}()")
    release = f"self.{pair.release_name}({', '.join(given[name] for name in required)})"
    return (
        f"the release would be {release}, with what {pair.acquire_name}() is given here:"
        f" whether it undoes only what {acquire.described} made cannot be checked" + _BY_HAND
    )


def _named_by_first_argument(acquire: Acquire) -> str | None:
    """``self.create(url, ...)``, its release not in this module: a REST client's verb or a
    repository's, whose release takes the same first argument, not the whole object."""
    args = acquire.call.args
    if not args or args[0].keyword is not None or args[0].star:
        return None
    pair, first = acquire.pair, code_of(args[0].value)
    return (
        f"self.{pair.acquire_name}() makes what its first argument names, not the object: the"
        f" release would be self.{pair.release_name}({first}), which this module does not"
        f" define, and whether it undoes only what this call made (not what existed before,"
        f" as after an HTTP PUT or an exists-ok create) cannot be checked" + _BY_HAND
    )


def _given(call: cst.Call, acquire_def: cst.FunctionDef | None) -> dict[str, str]:
    """The parameter names ``call`` gives values to, with their code: its keywords, its
    positional arguments by ``acquire_def``'s parameters when known, else plain names by
    their own (``create(context, instance_id, password=p)``)."""
    params = _positional_parameters(acquire_def) if acquire_def is not None else []
    given: dict[str, str] = {}
    for position, arg in enumerate(call.args):
        if arg.star:
            break
        if arg.keyword is not None:
            given[arg.keyword.value] = code_of(arg.value)
        elif acquire_def is not None and position < len(params):
            given[params[position].name.value] = code_of(arg.value)
        elif acquire_def is None and isinstance(arg.value, cst.Name):
            given[arg.value.value] = arg.value.value
    return given


def _needs_arguments(owner: cst.ClassDef, pair: Pair, missing: list[str], release: str) -> str:
    return (
        f"{owner.name.value}.{pair.release_name}() needs {', '.join(missing)}, which is not"
        f" known here: {release} would raise TypeError on every failed {pair.acquire_name}()"
    )


def overrides(enclosing: cst.ClassDef | None, method: str) -> bool:
    return enclosing is not None and _method(enclosing, method, {}) is not None


def skips_override(enclosing: cst.ClassDef, method: str) -> str:
    return f"it skips {enclosing.name.value}.{method}(), which tears down what this class adds"


def exists_ok_body(function: cst.FunctionDef) -> bool:
    """Does ``function`` call an ``ensure_*()`` or pass ``exist_ok``?"""
    for call in m.findall(function, m.Call()):
        assert isinstance(call, cst.Call)
        if code_of(call.func).rpartition(".")[2].startswith("ensure_"):
            return True
        if any(arg.keyword and arg.keyword.value in ("exist_ok", "exists_ok") for arg in call.args):
            return True
    return False


def _module_classes(module: cst.Module) -> dict[str, cst.ClassDef]:
    return {node.name.value: node for node in module.body if isinstance(node, cst.ClassDef)}


def _first_base_name(enclosing: cst.ClassDef | None) -> str | None:
    if enclosing is None or not enclosing.bases:
        return None
    return code_of(enclosing.bases[0].value)


def _module_base(
    enclosing: cst.ClassDef | None, classes: dict[str, cst.ClassDef]
) -> cst.ClassDef | None:
    """The first base class, when this module defines it."""
    name = _first_base_name(enclosing)
    return classes.get(name) if name else None


def _method(
    cls: cst.ClassDef, name: str, classes: dict[str, cst.ClassDef], depth: int = 0
) -> cst.FunctionDef | None:
    """``cls.name`` or the first base's, following bases defined in this module."""
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return statement
    base = _module_base(cls, classes)
    if base is None or depth > 10:
        return None
    return _method(base, name, classes, depth + 1)


def _argument_names(call: cst.Call) -> set[str]:
    """The plain names ``call`` is given (``create(context, instance_id, password=p)``)."""
    return {arg.value.value for arg in call.args if isinstance(arg.value, cst.Name)}


def _positional_parameters(function: cst.FunctionDef) -> list[cst.Param]:
    return [*function.params.posonly_params, *function.params.params][1:]  # without self


def _required_parameters(function: cst.FunctionDef) -> list[str]:
    params = _positional_parameters(function)
    required = [param.name.value for param in params if param.default is None]
    required += [
        param.name.value for param in function.params.kwonly_params if param.default is None
    ]
    return required


def _does_nothing(function: cst.FunctionDef) -> bool:
    """Only ``pass``, ``...`` or a docstring."""
    body = function.body
    if not isinstance(body, cst.IndentedBlock):
        return m.matches(body, m.SimpleStatementSuite(body=[m.Pass() | m.Expr()]))
    for statement in body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in statement.body:
            if isinstance(small, cst.Pass):
                continue
            if isinstance(small, cst.Expr) and isinstance(
                small.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)
            ):
                continue
            return False
    return True


def row_saver_reason(
    enclosing: cst.ClassDef | None,
    acquire: str,
    release: str,
    module: cst.Module,
    module_path: str,
) -> str | None:
    """Why ``acquire()`` of a Django REST Framework serializer or, in a module that uses
    Django, a model manager (by the class's name or a base's: ``ModelSerializer``,
    ``models.Manager["Comment"]``), or of a Tryton model, needs no ``release()``; None for
    another class (an OpenStack service's ``*Manager`` is no Django manager)."""
    if enclosing is None:
        return None
    framework = transactional_framework(enclosing, module, module_path)
    if framework is not None:  # trytond's ir.resource and ir.sequence
        return (
            f"a {framework} model's {acquire}() inserts rows in the current database"
            f" transaction, which {framework} rolls back when the exception leaves it:"
            f" {release}() on failure is not needed"
        )
    names = [enclosing.name.value, *(code_of(base.value) for base in enclosing.bases)]
    names = [name.partition("[")[0] for name in names]  # models.Manager["Announcement"]
    kinds = ("Serializer", "Manager") if "django" in module_code(module) else ("Serializer",)
    for kind in kinds:
        if any(name.endswith(kind) for name in names):
            # pulpcore's serializers; Weblate's CommentManager
            return (
                f"a {kind.lower()}'s {acquire}() saves a database row, and {kind.lower()}s have"
                f" no {release}(): a transaction, or the new object's own delete(), undoes it"
            )
    return None
