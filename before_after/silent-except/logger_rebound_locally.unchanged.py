# case: refuses LOG is rebound locally
import logging

LOG = logging.getLogger(__name__)


def replay(events):
    LOG = []
    for event in events:
        try:
            LOG.append(event.replay())
        except Exception:
            pass
    return LOG
