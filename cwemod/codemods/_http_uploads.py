"""Uploads of a stream a retry sends again, for requests-timeout (airbyte-cdk's unstructured
parser: backoff retries a ReadTimeout with the document's handle, already read to its end).

A stream is a parameter annotated with an IO class (``IOBase``, ``BinaryIO``, ``IO[bytes]``)
that the call sends as ``data=`` or as a file of ``files=`` (its value, or the second item of
its tuple, in a dict literal written there or bound to the name passed). A stream the function
opens itself is opened again in each try, and a value of another kind is sent again whole.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import filled_parameters, keyword_arg, name_words, named_parameters
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

_IO_CLASSES = frozenset(
    {"IO", "BinaryIO", "TextIO", "IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase",
     "BufferedReader", "BufferedRandom", "FileIO", "BytesIO", "StringIO", "TextIOWrapper",
     "SpooledTemporaryFile"}
)  # fmt: skip
# The words of a decorator that runs its function again on failure (backoff.on_exception,
# tenacity's, retrying's and retry's retry, stamina.retry, a project's own retry_on_error).
_RETRY_WORDS = frozenset({"retry", "retries", "retrying", "backoff", "tenacity", "stamina"})

NamesOf = Callable[[cst.CSTNode], set[str]]


def streamed_parameters(
    call: cst.Call, function: cst.FunctionDef, bindings_of: Callable[[cst.Name], list | None]
) -> list[tuple[str, cst.Param]]:
    """Each parameter of ``function`` annotated as a stream that ``call`` uploads, with the
    keyword that sends it (``files`` or ``data``)."""
    params = {param.name.value: param for param in named_parameters(function.params)}
    found = []
    for keyword in ("files", "data"):
        arg = keyword_arg(call, keyword)
        sent = [] if arg is None else [arg.value] if keyword == "data" else _files(arg.value)
        for value in sent if keyword == "data" else [_file_part(v, bindings_of) for v in sent]:
            param = params.get(value.value) if isinstance(value, cst.Name) else None
            if param is not None and _is_a_stream(param) and not rebinds(function, param):
                found.append((keyword, param))
    return found


def retried_with(
    function: cst.FunctionDef,
    param: cst.Param,
    module: cst.Module,
    names_of: NamesOf,
) -> tuple[cst.FunctionDef, str] | None:
    """The function a retry decorator wraps that sends ``param``'s stream again, with the
    decorator's name: ``function`` itself, or a function of the module that calls it (by
    name, or through ``self.``/``cls.``) and passes it a parameter of its own."""
    decorator = _retry_decorator(function, names_of)
    if decorator is not None:
        return function, decorator
    for caller in nodes_of_type(module, cst.FunctionDef):
        decorator = _retry_decorator(caller, names_of)
        if decorator is not None and _passes_its_own(caller, function, param):
            return caller, decorator
    return None


def _passes_its_own(caller: cst.FunctionDef, function: cst.FunctionDef, param: cst.Param) -> bool:
    """Does ``caller`` call ``function`` and fill ``param`` with a parameter of its own?"""
    own = {p.name.value for p in named_parameters(caller.params)}
    name = function.name.value
    plain = m.findall(caller.body, m.Call(func=m.Name(name)))
    receiver = m.Name("self") | m.Name("cls")
    method = m.findall(caller.body, m.Call(func=m.Attribute(value=receiver, attr=m.Name(name))))
    params = function.params
    without_self = params.with_changes(params=params.params[1:])  # a method's self or cls
    calls = [(call, params) for call in plain] + [(call, without_self) for call in method]
    for call, filled_in in calls:
        for arg, filled in filled_parameters(call, filled_in):  # type: ignore[arg-type]
            value = arg.value
            if filled == param.name.value and isinstance(value, cst.Name) and value.value in own:
                return not rebinds(caller, value.value)
    return False


def _retry_decorator(function: cst.FunctionDef, names_of: NamesOf) -> str | None:
    """The name of a decorator of ``function`` that calls it again on failure; else None."""
    for decorator in function.decorators:
        func = decorator.decorator
        func = func.func if isinstance(func, cst.Call) else func
        names = sorted(names_of(func)) or [code_of(func)]
        words = {word for name in names for part in name.split(".") for word in name_words(part)}
        if words & _RETRY_WORDS:
            return names[0]
    return None


def _files(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The values of a ``files=`` dict literal; a name is followed by ``_file_part``."""
    if isinstance(value, cst.Dict):
        return [e.value for e in value.elements if isinstance(e, cst.DictElement)]
    return [value]


def _file_part(
    value: cst.BaseExpression, bindings_of: Callable[[cst.Name], list | None]
) -> cst.BaseExpression:
    """The file a ``files=`` value sends: the second item of a ``(name, file, ...)`` tuple;
    of a name bound to a dict literal (``file_data = {"files": (...)}``), its one file."""
    if isinstance(value, cst.Name):
        bound = bindings_of(value) or ()
        parts = [part for dict_ in bound if isinstance(dict_, cst.Dict) for part in _files(dict_)]
        if len(bound) == 1 and len(parts) == 1:
            value = parts[0]
    if isinstance(value, cst.Tuple) and len(value.elements) >= 2:
        return value.elements[1].value
    return value


def _is_a_stream(param: cst.Param) -> bool:
    """Is ``param`` annotated with an IO class (``IOBase``, ``typing.IO[bytes]``)?"""
    if param.annotation is None:
        return False
    annotation = param.annotation.annotation
    if isinstance(annotation, cst.Subscript):
        annotation = annotation.value
    written = code_of(annotation).rpartition(".")[2]
    return written in _IO_CLASSES


def rebinds(function: cst.FunctionDef, param: cst.Param | str) -> bool:
    """Does ``function`` assign to the parameter (a value of its own first)?"""
    name = param if isinstance(param, str) else param.name.value
    target = m.AssignTarget(m.Name(name))
    return bool(m.findall(function.body, m.Assign(targets=[target]) | m.AugAssign(m.Name(name))))
