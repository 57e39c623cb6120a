# case: option key-env=NEUTRON_LOCK_KEY
import os

from oslo_concurrency import lockutils


def plug(device):
    with lockutils.lock('plug-' + device, external=True):
        return os.path.exists(device)
