"""Fix safety of ``cleanup-on-failure``: could the release remove what existed before?"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from cwemod.codemods._cleanup_sites import Acquire
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability


def fix_applicability(
    acquire: Acquire, release: str, enclosing: cst.ClassDef | None
) -> tuple[Applicability, str]:
    """The site's applicability and, for review, the sentence saying why."""
    exists_ok = _exists_ok(acquire.call)
    if exists_ok:
        return Applicability.REVIEW, (
            f"; review: {exists_ok} is exists-ok, so cleanup on failure ({release}) could"
            " delete a resource that existed before the call"
        )
    if acquire.pair.is_method and _about_namespaces(acquire, enclosing):
        return Applicability.REVIEW, (
            "; review: namespace creation is exists-ok"
            f" ({code_of(acquire.call)} may find the namespace already there),"
            f" so cleanup on failure ({release}) could delete a namespace"
            " that existed before the call"
        )
    if not acquire.pair.certainly_new:
        return Applicability.REVIEW, (
            f"; review: {code_of(acquire.call)} may return something that existed before"
            f" the call, so cleanup on failure ({release}) could delete what this call did"
            " not create"
        )
    return Applicability.SAFE, ""


def _about_namespaces(acquire: Acquire, enclosing: cst.ClassDef | None) -> bool:
    words = [code_of(acquire.call)]
    if enclosing is not None:
        words += [enclosing.name.value, *(code_of(base.value) for base in enclosing.bases)]
    return any("namespace" in word.lower() or "netns" in word.lower() for word in words)


def _exists_ok(call: cst.Call) -> str | None:
    """``name()`` when the call may find the resource already there."""
    name = code_of(call.func).rpartition(".")[2]
    if name.startswith("ensure_"):
        return f"{name}()"
    for arg in call.args:
        if (
            arg.keyword is not None
            and arg.keyword.value in ("exist_ok", "exists_ok")
            and not m.matches(arg.value, m.Name("False"))
        ):
            return f"{name}({arg.keyword.value}=...)"
    return None
