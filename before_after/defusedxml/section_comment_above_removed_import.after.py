# case: unsafe
"""Shaped like spyder's modules: a comment heads each group of imports, and the XML
import that goes was the first of its group; the heading stays with the group."""

# Standard library imports
from typing import Optional

# Third party imports
import defusedxml.ElementTree
import requests


def feed_titles(url):
    reply = requests.get(url, timeout=10)
    root = defusedxml.ElementTree.fromstring(reply.text)
    return [item.text for item in root.iter("title")]


def first_title(titles: list) -> Optional[str]:
    return titles[0] if titles else None
