# case: unsafe
"""Shaped like pywbem's _tupletree.py: the text made bytes first, by a helper named so."""
import xml.sax


def _ensure_bytes(text):
    return text.encode('utf-8') if isinstance(text, str) else text


def xml_to_tupletree_sax(xml_string, handler):
    # parseString() needs bytes
    xml_string = _ensure_bytes(xml_string)
    xml.sax.parseString(xml_string, handler)
    return handler.root
