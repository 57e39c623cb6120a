# case: refuses a comment documents that the exception is ignored on purpose
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


def failover(client, group):
    try:
        # Stopping may fail when the link is down; the groups stop
        # automatically then.
        client.pause_copy(group)
    except Exception:
        pass
    client.failover(group)
