# case: unsafe
# case: refuses the try around it catches SAXException
"""Shaped like pre-commit-hooks' check-xml: a file that does not parse is reported, and
the next one is checked; defusedxml's refusal would stop the loop."""
import xml.sax


def check(filenames):
    failed = 0
    for filename in filenames:
        try:
            with open(filename, "rb") as xml_file:
                xml.sax.parse(xml_file, xml.sax.handler.ContentHandler())
        except xml.sax.SAXException as exc:
            print(f"{filename}: Failed to xml parse ({exc})")
            failed = 1
    return failed
