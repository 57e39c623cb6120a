# case: refuses the document begins with the code's own element <html-root>
"""Shaped like prompt_toolkit's HTML formatted text: markup wrapped in a root of its own."""
from xml.dom import minidom


def parse_markup(value):
    return minidom.parseString(f"<html-root>{value}</html-root>")
