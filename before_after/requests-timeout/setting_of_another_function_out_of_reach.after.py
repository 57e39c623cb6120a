# case: unsafe
"""Shaped like ephemeris's command-line tools: main() passes its options.timeout to its own
request; options is main()'s parameter, which fetch_version() cannot read."""
import requests


def fetch_version(url):
    return requests.get(url + "/api/version", timeout=60).json()


def main(options):
    return requests.get(options.url, timeout=options.timeout).ok
