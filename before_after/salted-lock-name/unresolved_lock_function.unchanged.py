# case: refuses external lock taken through a function the codemod cannot resolve
from oslo_concurrency import lockutils

from neutron.common import utils


@utils.synchronized('l3-agent', external=True)
def sync():
    return True


def chosen_at_run_time(use_fair):
    lock_fn = getattr(lockutils, 'lock')
    with lock_fn('router', external=True):
        return use_fair


class Agent:
    def __init__(self, locker):
        self._lock = locker

    def run(self):
        with self._lock('agent', external=True):
            pass
