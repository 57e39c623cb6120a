#!/usr/bin/env -S uv run --script
# case: refuses defusedxml is not in this script's inline metadata
# /// script
# dependencies = [
#   "requests",
# ]
# ///
"""Shaped like cibuildwheel's bin/update_pythons.py, run with uv run --script."""
import xml.etree.ElementTree as ET

import requests


def latest(url):
    return ET.fromstring(requests.get(url, timeout=10).content).findtext("version")
