#!/usr/bin/env -S uv run --script
# case: unsafe
# /// script
# dependencies = [
#   "defusedxml",
#   "requests",
# ]
# ///
"""The script declares defusedxml itself: the fix can import it."""

import defusedxml.ElementTree
import requests


def latest(url):
    reply = requests.get(url, timeout=10)
    return defusedxml.ElementTree.fromstring(reply.content).findtext("version")
