"""Streamed requests responses that a read timeout would cut off, for requests-timeout.

With ``stream=True`` requests reads the body as the code asks for it, and a
timeout bounds every socket read, not the whole response. A response handed
on (returned, yielded, stored, passed to another call) or read with
``iter_lines()`` is a feed the caller reads for as long as it lasts
(salt-pepper's ``req_stream()``, salt-api's ``/events``): any quiet spell
longer than the timeout ends it. A download read in the function that asks
for it (``iter_content()``, itself or through a local name, ``.raw`` given to
a call, ``.raw.stream()`` iterated, ``.raw.read()``, ``.content``) keeps the
timeout: a stalled download should fail, and so does one handed to a function
of the module that reads it there
(orange3's ``save_response_content(response, destination)`` loops over
``iter_content()``). Read through ``.raw``, its read timeout is urllib3's
``ReadTimeoutError``, no ``OSError``: :func:`raw_reads` finds those reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import libcst as cst

from cwemod.codemods._http_calls import is_literal
from cwemod.codemods.kit.calls import keyword_arg

ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]
# The names that read a bound name, None when they are not known.
Uses = Callable[[cst.Name], Iterable[cst.CSTNode] | None]
# The names that read the parameter an argument fills in a function of the module it is
# given to; None when it goes to no such function, or to a parameter not known.
CalleeUses = Callable[[cst.Arg], Iterable[cst.CSTNode] | None]

# Where a response, or a stream read from it, stays in the function: tested, iterated,
# deleted, or a statement of its own.
_STAYS = (
    cst.Comparison,
    cst.ComparisonTarget,
    cst.If,
    cst.While,
    cst.BooleanOperation,
    cst.UnaryOperation,
    cst.For,
    cst.Del,
    cst.Expr,
)
# What gives the body out as a stream: handed on, it is read as long as it lasts.
_STREAM_READS = frozenset({"raw", "iter_content"})
# urllib3's response methods that read the body: .raw.read() gives bytes, .raw.stream() a
# generator of them.
_RAW_READS = frozenset({"read", "stream"})


def asks_to_stream(
    call: cst.Call, unpacked: Iterable[cst.BaseExpression]
) -> cst.BaseExpression | None:
    """What ``call`` gives ``stream`` (the keyword, or ``unpacked``: what its ``**mapping``
    gives the key, as :func:`~cwemod.codemods._http_mappings.unpacked_values` reads it),
    when that is not False or None."""
    keyword = keyword_arg(call, "stream")
    values = [keyword.value] if keyword is not None else []
    values += unpacked
    return next(
        (v for v in values if not is_literal(v, "False") and not is_literal(v, "None")), None
    )


def handed_on(
    node: cst.CSTNode,
    parent_of: ParentOf,
    uses: Uses,
    follow: bool = True,
    callee_uses: CalleeUses | None = None,
) -> bool:
    """Is the response ``node`` (the call, or with ``follow`` False a name it is bound to)
    handed on out of the function, or read line by line? One given to a function of the
    module (``callee_uses`` finds its uses there) is read by it unless handed on again."""
    parent = parent_of(node)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return _reads_a_stream(parent, parent_of, uses)
    if isinstance(parent, cst.Arg) and _closing(parent_of(parent)):
        # with contextlib.closing(requests.get(url, stream=True)) as response:
        node = parent_of(parent)  # type: ignore[assignment]
        parent = parent_of(node)
    given = callee_uses(parent) if isinstance(parent, cst.Arg) and callee_uses else None
    if given is not None:
        # orange3's save_response_content(response, destination) loops over iter_content()
        return any(handed_on(use, parent_of, uses, follow=False) for use in given)
    name = _bound_name(node, parent) if follow else None
    if name is not None:
        found = uses(name)
        return found is None or any(
            handed_on(use, parent_of, uses, False, callee_uses) for use in found
        )
    return not _stays(node, parent)


def _reads_a_stream(attribute: cst.Attribute, parent_of: ParentOf, uses: Uses) -> bool:
    """``response.iter_lines()``; or ``.raw``, ``.iter_content()`` handed on (itself, or
    the name it alone is bound to: solum's ``reader = resp.iter_content(...)`` then ``for
    chunk in reader:`` reads it here)."""
    if attribute.attr.value == "iter_lines":
        return True
    if attribute.attr.value not in _STREAM_READS:
        return False  # .content, .json(), .status_code: read here
    read: cst.CSTNode = attribute
    after = parent_of(attribute)
    raw = attribute.attr.value == "raw"
    if raw and isinstance(after, cst.Attribute) and after.attr.value in _RAW_READS:
        # rpmdeplint's `for chunk in response.raw.stream(...)`: read here, as iter_content()
        if after.attr.value == "read":
            return False  # the bytes, read here
        attribute, after = after, parent_of(after)
    if isinstance(after, cst.Call) and after.func is attribute:
        read = after
    parent = parent_of(read)
    name = _bound_name(read, parent)
    found = [read] if name is None else uses(name)
    # shutil.copyfileobj(response.raw, out): read by the call it is given to
    return found is None or any(_stream_handed_on(use, parent_of(use)) for use in found)


def _stream_handed_on(stream: cst.CSTNode, parent: cst.CSTNode | None) -> bool:
    return not isinstance(parent, cst.Arg) and not _stays(stream, parent)


def raw_reads(
    call: cst.Call, parent_of: ParentOf, uses: Uses, callee_uses: CalleeUses
) -> list[cst.Attribute]:
    """The ``.raw`` of the response ``call`` (or of the name it alone is bound to, or of a
    ``closing()`` of it) that the function, or a function of the module it is given to,
    reads the body through."""
    node, parent = call, parent_of(call)
    if isinstance(parent, cst.Arg) and _closing(parent_of(parent)):
        node = parent_of(parent)  # type: ignore[assignment]
        parent = parent_of(node)
    name = _bound_name(node, parent)
    found = [node] if name is None else list(uses(name) or ())
    args = [parent_of(use) for use in found]
    found += [use for arg in args if isinstance(arg, cst.Arg) for use in callee_uses(arg) or ()]
    reads = [(parent_of(use), use) for use in found]
    return [
        read
        for read, use in reads
        if isinstance(read, cst.Attribute) and read.value is use and read.attr.value == "raw"
    ]


def _stays(node: cst.CSTNode, parent: cst.CSTNode | None) -> bool:
    if isinstance(parent, cst.WithItem):
        return parent.item is node and parent.asname is None  # with response: closes it
    return isinstance(parent, _STAYS)


def _bound_name(node: cst.CSTNode, parent: cst.CSTNode | None) -> cst.Name | None:
    """The name ``node`` alone is bound to by ``name = node`` or ``with node as name``."""
    if isinstance(parent, cst.WithItem) and parent.item is node and parent.asname is not None:
        target = parent.asname.name
        return target if isinstance(target, cst.Name) else None
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
        return target if isinstance(target, cst.Name) else None
    if isinstance(parent, cst.AnnAssign) and isinstance(parent.target, cst.Name):
        return parent.target
    return None


def _closing(call: cst.CSTNode | None) -> bool:
    return isinstance(call, cst.Call) and (
        (isinstance(call.func, cst.Name) and call.func.value == "closing")
        or (isinstance(call.func, cst.Attribute) and call.func.attr.value == "closing")
    )
