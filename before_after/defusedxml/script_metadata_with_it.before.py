#!/usr/bin/env -S uv run --script
# case: unsafe
# /// script
# dependencies = [
#   "defusedxml",
#   "requests",
# ]
# ///
"""The script declares defusedxml itself: the fix can import it."""
import xml.etree.ElementTree as ET

import requests


def latest(url):
    reply = requests.get(url, timeout=10)
    return ET.fromstring(reply.content).findtext("version")
