# case: unsafe
# case: ignores a directory handed to an unlink/remove/cleanup call is released some other way; with a report it says to check that call
"""Shaped like ironic-python-agent's partition_utils._is_disk_usable()."""
import tempfile

from example import utils


def is_usable(device):
    temp_folder = tempfile.mkdtemp()
    try:
        utils.execute('mount', '-o', 'ro', device, temp_folder)
        utils.execute('umount', temp_folder)
    except OSError:
        return False
    finally:
        utils.unlink_without_raise(temp_folder)

    return True
