# case: refuses the parser passed is ProtectedExpatParser, a class of this module whose handlers refuse DTDs and entities
"""Shaped like trove's common/xmlutils.py: minidom given a parser that refuses DTDs."""
from xml.dom import minidom
from xml.sax import expatreader


class ProtectedExpatParser(expatreader.ExpatParser):
    """An expat parser which disables DTDs and entities."""

    def start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        raise ValueError("Inline DTD forbidden")

    def entity_decl(self, entityName, is_parameter_entity, value, base,
                    systemId, publicId, notationName):
        raise ValueError("<!ENTITY> entity declaration forbidden")

    def reset(self):
        expatreader.ExpatParser.reset(self)
        self._parser.StartDoctypeDeclHandler = self.start_doctype_decl
        self._parser.EntityDeclHandler = self.entity_decl


def safe_minidom_parse_string(xml_string):
    return minidom.parseString(xml_string, parser=ProtectedExpatParser())
