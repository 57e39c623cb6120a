"""Decorators: the name is keyed when the function is defined."""
from oslo_concurrency import lockutils

LOG_NAME = "conntrack"


@lockutils.synchronized("neutron-conntrack", external=True)
def flush_conntrack(zone):
    return zone


class Agent:
    @lockutils.synchronized("agent-" + LOG_NAME, "neutron-", True)
    def sync(self):
        return True
