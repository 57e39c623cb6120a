# case: unsafe
"""The try's tests call what may act (a refresh, a request): their failures are
worth a line, unlike an item that lacks a value."""
import logging

LOGGER = logging.getLogger(__name__)


def refreshed(instances):
    found = []
    for instance in instances:
        try:
            if not instance.refresh():
                continue
        except Exception:
            LOGGER.debug("Ignoring exception in refreshed(); continuing",
                         exc_info=True)
            continue
        found.append(instance)
    return found


def reachable(session, links):
    found = []
    for link in links:
        try:
            if not session.get(link["href"]).ok:
                continue
        except Exception:
            LOGGER.debug("Ignoring exception in reachable(); continuing",
                         exc_info=True)
            continue
        found.append(link)
    return found
