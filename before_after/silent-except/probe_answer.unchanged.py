# case: unsafe
# case: refuses a probe: what fails there is answered `'DATA'` after the try
"""Shaped like PyInstaller's _classify_binary_vs_data(): what macholib cannot read is data."""
import logging

import macholib.MachO

LOG = logging.getLogger(__name__)


def classify(filename):
    try:
        macholib.MachO.MachO(filename)
        return 'BINARY'
    except Exception:
        # TODO: catch only `ValueError`?
        pass

    return 'DATA'
