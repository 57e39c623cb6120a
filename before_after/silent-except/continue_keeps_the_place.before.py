# case: unsafe
"""Shaped like redfish's RmcApp.get_selection(): deep in the method, the line has
room for the function's name or for "; continuing", not both: the name stays."""
import logging

LOGGER = logging.getLogger(__name__)


class RmcApp:
    def get_selection(self, instances, selector, sel):
        found = []
        for instance in instances:
            if selector:
                if sel:
                    if instance.stale:
                        try:
                            instance.refresh()
                        except Exception:
                            continue
                found.append(instance)
        return found
