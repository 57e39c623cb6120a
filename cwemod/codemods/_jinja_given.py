"""jinja2-autoescape: markup the code gives a template it renders, as a string literal.

ironic's devstack ``configure-vm.py`` renders ``vm.xml`` with ``params['console'] =
CONSOLE_PTY``, a module literal of libvirt XML (``<serial type='pty'>``). Once the
template is escaped, that markup comes out as ``&lt;serial ...&gt;``: the value has to
be marked ``|safe`` or made ``Markup`` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import ScopeProvider

from cwemod.codemods._jinja_templates import LOADS_BY_NAME, escaped_by_default
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, self_attribute_values
from cwemod.codemods.kit.calls import argument
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import string_key

_RENDER = m.Call(func=m.Attribute(attr=m.Name("render") | m.Name("stream") | m.Name("generate")))
_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>?")
_DEPTH = 4


class GivenMarkup(NamedTuple):
    """A value holding markup that a render of one of the environment's templates is given."""

    template: str  # its name, or "the template" where that is not a literal
    key: str  # the variable of the template
    shown: str  # the name the literal is bound to, or "a literal"
    tag: str  # the literal's first tag


def markup_given(
    codemod: MetadataDependent, module: cst.Module, bindings: Bindings, environment: cst.Call
) -> GivenMarkup | None:
    """The first string literal with a tag in it that a ``render()``, ``stream()`` or
    ``generate()`` of a template ``environment`` loads (``get_template(...)``, directly
    or through a name bound to it) is given: a keyword's value, or an item of the mapping
    it is given (a dict literal, or a name bound to one plus its ``name["key"] = ...``),
    directly or through names, ``LITERAL % ...`` and ``LITERAL.format(...)``. A template
    named by a literal that ``select_autoescape()`` does not escape is passed by."""
    for call in nodes_of_type(module, cst.Call):
        if not m.matches(call, _RENDER):
            continue
        receiver = call.func.value  # type: ignore[attr-defined]
        template = _template_of(receiver, module, bindings, environment)
        name = _literal(template)
        if template is None or (name is not None and not escaped_by_default(name)):
            continue
        for key, value in _given(call, codemod, bindings):
            found = _markup_of(value, bindings, "a literal", 0)
            if found is not None:
                return GivenMarkup(name or "the template", key, *found)
    return None


def _template_of(
    receiver: cst.BaseExpression, module: cst.Module, bindings: Bindings, environment: cst.Call
) -> cst.BaseExpression | None:
    """The name argument of the ``environment.get_template(...)`` call (or the other
    methods that load by name) the receiver is, or a name is bound to; else None."""
    loads = [receiver]
    if isinstance(receiver, cst.Name):
        loads = bindings.of(receiver) or []
    for load in loads:
        if not isinstance(load, cst.Call) or not isinstance(load.func, cst.Attribute):
            continue
        keyword = LOADS_BY_NAME.get(load.func.attr.value)
        if keyword is not None and _is(load.func.value, module, bindings, environment):
            given = argument(load, keyword, 0)
            return None if given is None or given.star else given.value
    return None


def _is(
    value: cst.BaseExpression, module: cst.Module, bindings: Bindings, environment: cst.Call
) -> bool:
    """Is ``value`` the environment's call, a name bound to it, or a ``self`` attribute
    the module assigns it to?"""
    bound: list[cst.BaseExpression] | None = [value]
    if isinstance(value, cst.Name):
        bound = bindings.of(value)
    elif m.matches(value, m.Attribute(value=m.Name("self"))):
        bound = self_attribute_values(module, value.attr.value)  # type: ignore[attr-defined]
    return any(each is environment for each in bound or ())


def _given(
    call: cst.Call, codemod: MetadataDependent, bindings: Bindings
) -> Iterator[tuple[str, cst.BaseExpression]]:
    """``(variable, value)`` of what a render is given: its keywords, and the items of
    the mappings it is given positionally or as ``**``."""
    for arg in call.args:
        if arg.keyword is not None:
            yield arg.keyword.value, arg.value
        elif arg.star != "*":
            yield from _items(arg.value, codemod, bindings)


def _items(
    mapping: cst.BaseExpression, codemod: MetadataDependent, bindings: Bindings
) -> Iterator[tuple[str, cst.BaseExpression]]:
    """The items of a dict literal or ``dict(...)`` call, or of those a name is bound to,
    with what ``name["key"] = value`` sets in the name's scope."""
    if isinstance(mapping, cst.Dict):
        for element in mapping.elements:
            key = getattr(element, "key", None)
            if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
                yield key.evaluated_value, element.value  # type: ignore[attr-defined]
    elif isinstance(mapping, cst.Call) and m.matches(mapping.func, m.Name("dict")):
        yield from ((a.keyword.value, a.value) for a in mapping.args if a.keyword is not None)
    elif isinstance(mapping, cst.Name):
        for bound in bindings.of(mapping) or ():
            if not isinstance(bound, cst.Name):
                yield from _items(bound, codemod, bindings)
        scope = codemod.get_metadata(ScopeProvider, mapping, None)
        if scope is not None and scope.node is not None:
            yield from _keys_set(scope.node, mapping.value)


def _keys_set(tree: cst.CSTNode, name: str) -> Iterator[tuple[str, cst.BaseExpression]]:
    """``(key, value)`` of each ``name["key"] = value`` in ``tree``."""
    for assign in nodes_of_type(tree, cst.Assign):
        for target in assign.targets:
            item = target.target
            if isinstance(item, cst.Subscript) and m.matches(item.value, m.Name(name)):
                key = string_key(item)
                if key is not None:
                    yield key, assign.value


def _markup_of(
    value: cst.BaseExpression, bindings: Bindings, shown: str, depth: int
) -> tuple[str, str] | None:
    """``(shown, first tag)`` where ``value`` is a string literal holding a tag (through
    names, ``%`` and ``.format()``); else None."""
    if depth > _DEPTH:
        return None
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo):
        return _markup_of(value.left, bindings, shown, depth + 1)
    if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("format")))):
        return _markup_of(value.func.value, bindings, shown, depth + 1)  # type: ignore[attr-defined]
    if isinstance(value, cst.Name):
        for bound in bindings.of(value) or ():
            found = _markup_of(bound, bindings, value.value, depth + 1)
            if found is not None:
                return found
        return None
    text = _literal_text(value)
    tag = None if text is None else _TAG.search(text)
    return None if tag is None else (shown, tag[0][:40])


def _literal_text(value: cst.BaseExpression) -> str | None:
    """A string literal's text; an f-string's literal parts."""
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        text = value.evaluated_value
        return text if isinstance(text, str) else None
    if isinstance(value, cst.FormattedString):
        parts = value.parts
        return "".join(p.value for p in parts if isinstance(p, cst.FormattedStringText))
    return None


def _literal(value: cst.BaseExpression | None) -> str | None:
    """A template's name, where it is a plain string literal."""
    text = value.evaluated_value if isinstance(value, cst.SimpleString) else None
    return text if isinstance(text, str) else None
