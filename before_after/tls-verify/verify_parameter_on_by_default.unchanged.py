# case: ignores verify is on where the caller passes nothing (None is requests' default)
"""Verify settings that verify where the caller passes nothing: None (requests' default),
a CA bundle's path, not insecure where insecure is False."""
import requests


def fetch(url, verify=None):
    return requests.get(url, timeout=30, verify=verify)


def fetch_bundle(url, cacert="/etc/ssl/ca.pem", insecure=False):
    return requests.get(url, timeout=30, verify=cacert if cacert else not insecure)
