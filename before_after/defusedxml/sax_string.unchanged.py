# case: unsafe
# case: refuses defusedxml.sax.parseString takes bytes only
import xml.sax


def count(document, handler):
    xml.sax.parseString(document, handler)
    return handler.count
