# case: unsafe
# case: refuses version is converted in place
"""Shaped like octoprint-firmwarecheck's unsafe-firmware check: on a failed conversion
`version` keeps its raw text, which a later comparison with a Version cannot take."""
import logging

LOG = logging.getLogger(__name__)


def firmware_version(name, comparable):
    version = None
    if "_" in name:
        _, version = name.split("_", 1)
        try:
            version = comparable(version)
        except Exception:
            pass
    return version
