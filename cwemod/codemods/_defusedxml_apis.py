"""defusedxml: which standard-library XML parsers it replaces, and how their calls differ.

Each stdlib parsing function has a drop-in equivalent in defusedxml with the
same positional parameters, except where noted: a parser passed in is used
as given (so nothing is defused), and ``make_parser`` ignores its argument.
``xml.etree.cElementTree`` is gone since Python 3.9 and defusedxml's twin
of it imports it, so both etree modules map to ``defusedxml.ElementTree``.
"""

from __future__ import annotations

_ETREE = {"parse": 1, "iterparse": 2, "fromstring": 1, "XML": 1, "XMLParser": None}
_DOM = {"parse": 1, "parseString": 1}

# stdlib module -> (defusedxml module, {function: position of its ``parser`` parameter}).
DEFUSED_MODULES: dict[str, tuple[str, dict[str, int | None]]] = {
    "xml.etree.ElementTree": ("defusedxml.ElementTree", _ETREE),
    "xml.etree.cElementTree": ("defusedxml.ElementTree", _ETREE),
    "xml.dom.minidom": ("defusedxml.minidom", _DOM),
    "xml.dom.pulldom": ("defusedxml.pulldom", _DOM),
    "xml.dom.expatbuilder": ("defusedxml.expatbuilder", {"parse": None, "parseString": None}),
    "xml.sax": ("defusedxml.sax", {"parse": None, "parseString": None, "make_parser": None}),
    "xml.sax.expatreader": ("defusedxml.expatreader", {"create_parser": None}),
}

# Bandit's import blacklist (B405-B409): an import whose dotted name starts with one of these.
BLACKLISTED_IMPORTS = (
    "xml.etree.cElementTree",
    "xml.etree.ElementTree",
    "xml.sax",
    "xml.dom.expatbuilder",
    "xml.dom.minidom",
    "xml.dom.pulldom",
)

LXML_PARSERS = frozenset(
    f"lxml.etree.{name}" for name in ("parse", "fromstring", "XML", "XMLParser", "iterparse")
)

LXML_ADVICE = (
    "lxml: defusedxml.lxml is deprecated; build the parser with "
    "lxml.etree.XMLParser(resolve_entities=False, no_network=True) by hand"
)
XMLRPC_ADVICE = (
    "xmlrpc: defusedxml.xmlrpc.monkey_patch() patches xmlrpc for the whole process; "
    "call it once in the program's entry point (Bandit still reports the import)"
)


def defused_target(qualified: str) -> tuple[str, str, int | None] | None:
    """(defusedxml module, function, parser position) for a stdlib parsing function."""
    module, _, function = qualified.rpartition(".")
    found = DEFUSED_MODULES.get(module)
    if found is None or function not in found[1]:
        return None
    return found[0], function, found[1][function]


def blacklisted(dotted: str) -> bool:
    """Does Bandit report an import of ``dotted`` (B405-B409)?"""
    return dotted.startswith(BLACKLISTED_IMPORTS)
