# case: unsafe
import defusedxml.sax


def count(document, handler):
    defusedxml.sax.parseString(document.encode('utf-8'), handler)
    defusedxml.sax.parseString(b'<?xml version="1.0"?><empty/>', handler)
    return handler.count
