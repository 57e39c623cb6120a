"""Reading the arguments of a call, ``*args`` and ``**kwargs`` included."""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type


def called_name(call: cst.Call) -> str | None:
    """The called function's own name: ``execute`` for ``self.execute(...)``."""
    if isinstance(call.func, cst.Name):
        return call.func.value
    if isinstance(call.func, cst.Attribute):
        return call.func.attr.value
    return None


def called_words(call: cst.Call) -> list[str]:
    """The words of :func:`called_name`, lower-cased: ``stopRemoteCopy`` -> stop, remote, copy."""
    return name_words(called_name(call) or "")


def name_words(name: str) -> list[str]:
    """The words of an identifier, lower-cased: ``class Windows(System)`` -> windows."""
    return [word.lower() for word in _CAMEL_OR_SNAKE_WORD.findall(name)]


# A run of capitals not followed by a small letter (``HTTP``, ``TIMEOUT``), or one
# capital and small letters (``Remote``), or small letters.
_CAMEL_OR_SNAKE_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def is_keyword(arg: cst.Arg, name: str) -> bool:
    return arg.keyword is not None and arg.keyword.value == name


def keyword_arg(call: cst.Call, name: str) -> cst.Arg | None:
    """The argument given as ``name=...``, if any (a ``**kwargs`` may still hold it)."""
    return next((arg for arg in call.args if is_keyword(arg, name)), None)


def positional_args(call: cst.Call) -> list[cst.Arg]:
    """The positional arguments, ``*args`` included; ``**kwargs`` is not positional."""
    return [arg for arg in call.args if arg.keyword is None and arg.star != "**"]


def positional_arg(call: cst.Call, index: int, unpacked_ok: bool = False) -> cst.Arg | None:
    """The argument at position ``index``, when it is known to be there.

    None when there are fewer positional arguments or a ``*`` unpacking
    comes before ``index`` (the position is then unknown). The argument at
    ``index`` may itself be ``*args`` only with ``unpacked_ok``.
    """
    positional = positional_args(call)
    if index >= len(positional) or any(arg.star for arg in positional[:index]):
        return None
    found = positional[index]
    return found if unpacked_ok or not found.star else None


def argument(call: cst.Call, keyword: str, index: int | None = None) -> cst.Arg | None:
    """A parameter given by keyword, or else at position ``index`` (None: keyword-only)."""
    by_keyword = keyword_arg(call, keyword)
    if by_keyword is not None or index is None:
        return by_keyword
    return positional_arg(call, index)


def has_unpacking(call: cst.Call) -> bool:
    """Does the call pass ``*args`` or ``**kwargs``?"""
    return any(arg.star for arg in call.args)


def without_keyword(args: Sequence[cst.Arg], name: str) -> list[cst.Arg]:
    """``args`` without keyword ``name``, the others left on their lines as they were.

    Where it starts a line (its own, or one it shares with those after it), it goes with
    its comma and the line break before it stays. Else the one before takes its comma
    (the line break after it, if any) and, when it was the last, the whitespace before the
    closing parenthesis.
    """
    kept = list(args)
    index = next((i for i, arg in enumerate(kept) if is_keyword(arg, name)), None)
    if index is None:
        return kept
    removed = kept.pop(index)
    if index == 0 or (index < len(kept) and _breaks_after(kept[index - 1])):
        return kept
    changes: dict = {"comma": removed.comma}
    if index == len(kept):
        changes["whitespace_after_arg"] = removed.whitespace_after_arg
    kept[index - 1] = kept[index - 1].with_changes(**changes)
    return kept


def _breaks_after(arg: cst.Arg) -> bool:
    """Does a line break follow ``arg``'s comma?"""
    comma = arg.comma
    return isinstance(comma, cst.Comma) and isinstance(
        comma.whitespace_after, cst.ParenthesizedWhitespace
    )


def keyword_argument(name: str, value: cst.BaseExpression) -> cst.Arg:
    """A new ``name=value`` argument, written without spaces around ``=`` (PEP 8)."""
    no_space = cst.SimpleWhitespace("")
    return cst.Arg(value, keyword=cst.Name(name), equal=cst.AssignEqual(no_space, no_space))


def calls_by_name(tree: cst.CSTNode, name: str) -> list[cst.Call]:
    """The calls in ``tree`` of the plain name ``name`` (``helper(...)``, not ``x.helper()``):
    where a module calls one of its own functions."""
    return [call for call in nodes_of_type(tree, cst.Call) if m.matches(call.func, m.Name(name))]


def named_parameters(params: cst.Parameters) -> list[cst.Param]:
    """The parameters a call fills by name or position: not ``*args`` nor ``**kwargs``."""
    return [*params.posonly_params, *params.params, *params.kwonly_params]


def filled_parameters(call: cst.Call, params: cst.Parameters) -> list[tuple[cst.Arg, str | None]]:
    """Each argument of ``call`` and the name of the parameter of ``params`` it fills (the
    ``*args`` or ``**kwargs`` one for an argument beyond the others); None where that is
    unknown: an unpacked ``*x`` or ``**x``, or a positional one after ``*x``."""
    positional = [param.name.value for param in (*params.posonly_params, *params.params)]
    by_keyword = {param.name.value for param in (*params.params, *params.kwonly_params)}
    star = params.star_arg.name.value if isinstance(params.star_arg, cst.Param) else None
    star_kwarg = params.star_kwarg.name.value if params.star_kwarg is not None else None
    filled: list[tuple[cst.Arg, str | None]] = []
    index: int | None = 0
    for arg in call.args:
        if arg.star:
            index = None if arg.star == "*" else index
            filled.append((arg, None))
        elif arg.keyword is not None:
            keyword = arg.keyword.value
            filled.append((arg, keyword if keyword in by_keyword else star_kwarg))
        elif index is not None:
            filled.append((arg, positional[index] if index < len(positional) else star))
            index += 1
        else:
            filled.append((arg, None))
    return filled
