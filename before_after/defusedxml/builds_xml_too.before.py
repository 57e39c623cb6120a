# case: unsafe
import os
from xml.etree import ElementTree as etree

import requests


def to_xml(values):
    root = etree.Element('values')
    for value in values:
        etree.SubElement(root, 'value').text = value
    return etree.tostring(root)


def fetch(url):
    return etree.fromstring(requests.get(url).text)


def local(name):
    return etree.parse(os.path.join('/etc', name))
