# case: unsafe
import os
from xml.etree import ElementTree as etree

import defusedxml.ElementTree
import requests


def to_xml(values):
    root = etree.Element('values')
    for value in values:
        etree.SubElement(root, 'value').text = value
    return etree.tostring(root)


def fetch(url):
    return defusedxml.ElementTree.fromstring(requests.get(url).text)


def local(name):
    return defusedxml.ElementTree.parse(os.path.join('/etc', name))
