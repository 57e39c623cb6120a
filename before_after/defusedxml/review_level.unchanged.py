# case: refuses refuses them (it raises EntitiesForbidden
from xml.dom import pulldom


def events(path):
    return pulldom.parse(path)
