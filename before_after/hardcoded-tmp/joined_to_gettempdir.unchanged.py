# case: unsafe
# case: refuses a name in the shared temporary directory that another user can guess or create first
# case: refuses a fixed name in the shared temporary directory, which another user can create first
"""Shaped like pyroma's pyroma/pypidata.py: an sdist downloaded to a name taken from its
URL in tempfile.gettempdir(), and the other ways to join a name to it."""
import logging
import os
import pathlib
import tempfile
from pathlib import Path

import requests


def _get_data(urls):
    data = {"_has_sdist": False}
    for download in urls:
        if download["packagetype"] == "sdist":
            data["_has_sdist"] = True
            tempdir = tempfile.gettempdir()
            filename = download["url"].split("/")[-1]
            tmp = os.path.join(tempdir, filename)
            logging.debug(f"Downloading {filename} to verify distribution")
            with open(tmp, "wb") as outfile:
                outfile.write(requests.get(download["url"], timeout=60).content)
            os.remove(tmp)
    return data


def state_file():
    return os.path.join(tempfile.gettempdir(), "pyroma.state")


def cache_file(name):
    return Path(tempfile.gettempdir()) / name


def lock_file():
    return pathlib.PurePath(tempfile.gettempdir(), "pyroma.lock")
