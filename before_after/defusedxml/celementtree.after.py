# case: unsafe
import defusedxml.ElementTree


def root_of(text):
    return defusedxml.ElementTree.XML(text)
