# case: unsafe
# case: refuses removes an entry that may not be there
"""Shaped like cobbler's tftpgen: the entry is read with .get(), then removed if there."""
import logging

LOG = logging.getLogger(__name__)


def flatten(blended):
    autoinstall_meta = blended.get("autoinstall_meta", {})
    try:
        del blended["autoinstall_meta"]
    except Exception:
        pass
    blended.update(autoinstall_meta)
    return blended
