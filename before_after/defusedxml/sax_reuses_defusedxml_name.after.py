# case: unsafe
import xml.sax

from defusedxml import sax as safe_sax


class Counter(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


def count_elements(path):
    handler = Counter()
    safe_sax.parse(path, handler)
    return handler.count
