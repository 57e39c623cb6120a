# case: unsafe
import xml.sax


def count(document, handler):
    xml.sax.parseString(document.encode('utf-8'), handler)
    xml.sax.parseString(b'<empty/>', handler)
    return handler.count
