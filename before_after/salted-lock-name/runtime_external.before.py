# case: unsafe
from oslo_concurrency import lockutils


class IptablesManager:
    def __init__(self, external_lock=True):
        self.external_lock = external_lock

    def apply(self, lock_name):
        with lockutils.lock(lock_name, 'neutron-', external=self.external_lock):
            return True
