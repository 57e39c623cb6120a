"""defusedxml: a document that the libvirt API wrote.

virtualbmc's ``vbmc.py`` parses ``domain.XMLDesc()``, and what its copy of nova's
``get_xml_desc(domain)`` returns: the libvirt daemon formats the description of a
domain (a network, a storage pool or volume, a snapshot's ``getXMLDesc()``) itself and
writes no DOCTYPE, so the text declares no entity.
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
