# case: unsafe
import xml.sax


def count(document, handler):
    xml.sax.parseString(document.encode('utf-8'), handler)
    xml.sax.parseString(b'<?xml version="1.0"?><empty/>', handler)
    return handler.count
