# case: unsafe
"""Shaped like openstack-flavor-manager's get_flavor_definitions(): requests-file's
FileAdapter, mounted only for file:// URLs, never handles an http(s) request, which goes
through requests' own HTTPAdapter (no timeout); nor does an adapter mounted for ftp://."""
import requests
from requests_file import FileAdapter
from requests_ftp import FTPAdapter


def get_flavor_definitions(source_type, url):
    s = requests.Session()
    if source_type == "local":
        s.mount("file://", FileAdapter())
    result = s.get(url)
    result.raise_for_status()
    return result.content


def fetch(url):
    session = requests.Session()
    session.mount('FTP://', FTPAdapter())
    return session.get(url)
