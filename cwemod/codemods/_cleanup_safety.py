"""Fix safety of ``cleanup-on-failure``: is the release the exact inverse of this acquire?

An exists-ok acquire (it may find the resource already there) or a release
that does not undo exactly what this call did is refused (advice only): a
wrong cleanup deletes what others use.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._cleanup_methods import (
    Judgement,
    judge_super_release,
    overrides,
    skips_override,
)
from cwemod.codemods._cleanup_sites import Acquire
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import keyword_arg
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability


def judge(
    acquire: Acquire,
    release: str,
    enclosing: cst.ClassDef | None,
    module: cst.Module,
    module_path: str,
    scoped: bool,
) -> Judgement:
    """How far a fix of this site can be trusted, or why it must not be written.

    ``scoped``: the function releases the resource itself later, so the release
    is its own choice and only moves into a ``finally``.
    """
    if acquire.pair.acquire == "tempfile.NamedTemporaryFile" and _keeps_the_file(acquire.call):
        # certipy's key and certificate PEM files, unlinked only at the function's end
        return Judgement.refused(
            f"NamedTemporaryFile(delete=False) outlives its close(): {release} releases only"
            f" the handle, which closes itself anyway, and the file stays until something"
            f" unlinks {acquire.resource_code}.name: unlink it when a step fails (or in a"
            " finally, where the function unlinks it itself), by hand"
        )
    exists_ok = _exists_ok(acquire.call)
    if exists_ok:
        return Judgement.refused(
            f"{exists_ok} is exists-ok: it may find {acquire.resource_code} already there,"
            f" so {release} on failure could delete what this call did not create"
        )
    if acquire.pair.is_method and _about_namespaces(acquire, enclosing):
        return Judgement.refused(_namespace_reason(acquire, release, enclosing))
    if acquire.pair.is_method and acquire.on_super and not scoped:
        return judge_super_release(acquire, release, enclosing, module, module_path)
    if not acquire.pair.certainly_new:
        return Judgement(
            Applicability.REVIEW,
            f"; review: check that {code_of(acquire.call)} always makes a new resource:"
            f" {release} on failure would delete one that existed before the call",
        )
    return Judgement(Applicability.SAFE, "")


def _namespace_reason(acquire: Acquire, release: str, enclosing: cst.ClassDef | None) -> str:
    reason = (
        f"{code_of(acquire.call)} is exists-ok: it also runs on a namespace that already"
        " exists and carries traffic (on every agent restart), so"
        f" {release} on failure could tear down a namespace in use"
    )
    method = acquire.pair.release_name
    if acquire.on_super and enclosing is not None and overrides(enclosing, method):
        reason += "; and " + skips_override(enclosing, method)
    return reason


def _about_namespaces(acquire: Acquire, enclosing: cst.ClassDef | None) -> bool:
    words = [code_of(acquire.call)]
    if enclosing is not None:
        words += [enclosing.name.value, *(code_of(base.value) for base in enclosing.bases)]
    return any("namespace" in word.lower() or "netns" in word.lower() for word in words)


def _keeps_the_file(call: cst.Call) -> bool:
    """``delete=False``: a file that outlives its handle."""
    delete = keyword_arg(call, "delete")
    return delete is not None and not m.matches(delete.value, m.Name("True"))


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
