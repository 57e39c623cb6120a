"""defusedxml: a document that the libvirt API wrote.

virtualbmc's ``vbmc.py`` parses ``domain.XMLDesc()``, and what its copy of nova's
``get_xml_desc(domain)`` returns: the libvirt daemon formats the description of a
domain (a network, a storage pool or volume, a snapshot's ``getXMLDesc()``) itself and
writes no DOCTYPE, so the text declares no entity. So does the parameter of a private
function that every call of it in the module gives such a description (sushy-tools'
``_process_bios_attributes(domain_xml, ...)``, called with
``domain.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)``).
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type

# The methods of libvirt's objects that return their XML description.
_DESCRIBERS = m.Name("XMLDesc") | m.Name("getXMLDesc")
_DESCRIPTION = m.Call(func=m.Attribute(attr=_DESCRIBERS))
_OWN_FUNCTION = m.Call(func=m.Name() | m.Attribute(value=m.Name("self")))


def libvirt_description(text: cst.BaseExpression | None, module: cst.Module) -> bool:
    """Is ``text`` a call of a libvirt object's ``XMLDesc()`` (or ``getXMLDesc()``), or of
    the one function or method of the module so named whose every return is such a call
    (nova's ``get_xml_desc(domain)``: ``return domain.XMLDesc(flags=flags)``)?"""
    if m.matches(text, _DESCRIPTION):
        return True
    if not m.matches(text, _OWN_FUNCTION):
        return False
    func = text.func  # type: ignore[union-attr]
    name = func.value if isinstance(func, cst.Name) else func.attr.value
    defined = [f for f in nodes_of_type(module, cst.FunctionDef) if f.name.value == name]
    if len(defined) != 1 or m.findall(defined[0].body, m.Yield() | m.FunctionDef() | m.Lambda()):
        return False
    returns = nodes_of_type(defined[0].body, cst.Return)
    return bool(returns) and all(m.matches(r.value, _DESCRIPTION) for r in returns)


def described_parameter(param: cst.Param, function: cst.FunctionDef, module: cst.Module) -> bool:
    """Is ``param`` of the private ``function`` (``_name``) given a libvirt description by
    every call of the function in ``module``, which names it nowhere else (it is passed
    around by no other reference), at least once?"""
    name = function.name.value
    if not name.startswith("_") or name.startswith("__"):
        return False
    positional = [*function.params.posonly_params, *function.params.params]
    if param not in positional and param not in function.params.kwonly_params:
        return False
    defined = [f for f in nodes_of_type(module, cst.FunctionDef) if f.name.value == name]
    named = m.findall(module, m.Name(name))
    calls = [
        call
        for call in nodes_of_type(module, cst.Call)
        if m.matches(call.func, m.Name(name) | m.Attribute(value=_HOLDERS, attr=m.Name(name)))
    ]
    if len(defined) != 1 or not calls or len(named) != len(calls) + 1:
        return False
    return all(_given(call, positional, param, module) for call in calls)


_HOLDERS = m.Name("self") | m.Name("cls")


def _given(
    call: cst.Call, positional: list[cst.Param], param: cst.Param, module: cst.Module
) -> bool:
    """Is ``param`` given a libvirt description in ``call`` (by position, ``self`` or ``cls``
    skipped where the call is made through one, or by keyword)?"""
    if any(arg.star for arg in call.args):
        return False
    if isinstance(call.func, cst.Attribute) and positional:
        positional = positional[1:]
    given = [arg for arg in call.args if arg.keyword is None]
    keyword = next(
        (arg for arg in call.args if arg.keyword and arg.keyword.value == param.name.value), None
    )
    index = positional.index(param) if param in positional else len(given)
    arg = keyword or (given[index] if index < len(given) else None)
    return arg is not None and libvirt_description(arg.value, module)
