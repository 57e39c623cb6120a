# case: unsafe
# case: refuses the try around its caller (`validate_classifiers`, line 17) catches ConnectionError
"""Shaped like flit's validate.py: offline, the caller warns and goes on."""
import logging

import requests

log = logging.getLogger(__name__)


def _download_classifiers():
    return requests.get('https://pypi.org/pypi?%3Aaction=list_classifiers').text


def validate_classifiers(classifiers):
    try:
        valid = _download_classifiers()
    except requests.ConnectionError:
        log.warning("Couldn't get list of valid classifiers to check against")
        return []
    return [c for c in classifiers if c not in valid]
