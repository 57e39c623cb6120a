# case: unsafe
# case: refuses the session mounts FileAdapter, whose send() may set its own timeout
# case: refuses the session mounts PrefixAdapter, whose send() may set its own timeout
# case: refuses the session mounts EmptyAdapter, whose send() may set its own timeout
# case: refuses the session mounts GivenAdapter, whose send() may set its own timeout
"""Shaped like openstack-flavor-manager's get_flavor_definitions(), with adapters of other
modules that do handle http(s) requests: mounted for https:// too, for a prefix of
http://, for every URL, or for a prefix the code does not spell out; their send() may set
a timeout, which a fixed one here would override, so the call gets advice."""
import requests
from requests_file import FileAdapter

from project.http import EmptyAdapter, GivenAdapter, PrefixAdapter


def get_flavor_definitions(source_type, url):
    s = requests.Session()
    if source_type == "local":
        s.mount("file://", FileAdapter())
    s.mount("https://", FileAdapter())
    result = s.get(url)
    result.raise_for_status()
    return result.content


def fetch_prefixed(url):
    session = requests.Session()
    session.mount("http", PrefixAdapter())
    return session.get(url)


def fetch_any(url):
    session = requests.Session()
    session.mount("", EmptyAdapter())
    return session.get(url)


def fetch_given(url, prefix):
    session = requests.Session()
    session.mount(prefix, GivenAdapter())
    return session.get(url)
