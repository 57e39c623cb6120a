# case: unsafe
# case: ignores the text was screened by a function whose expat EntityDeclHandler raises: already fixed, said only where a report points
"""Shaped like django-filer's filer/utils/svg.py: dependency-free, entities refused by expat."""
import xml.etree.ElementTree as ET
from xml.parsers import expat


class _EntityDeclaration(Exception):
    """Raised out of the expat handler when the document declares an entity."""


def reject_entity_declarations(content):
    parser = expat.ParserCreate()

    def entity_declared(*args, **kwargs):
        raise _EntityDeclaration

    parser.EntityDeclHandler = entity_declared
    parser.UnparsedEntityDeclHandler = entity_declared
    try:
        parser.Parse(content, True)
    except _EntityDeclaration:
        raise ValueError("SVG documents declaring XML entities are not supported") from None
    except expat.ExpatError:
        pass


def load(fp):
    content = fp.read()
    if isinstance(content, str):
        content = content.encode()

    reject_entity_declarations(content)

    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise ValueError(f"Cannot parse SVG document: {error}") from error
    return root
