# case: unsafe
# case: refuses a filter: the loop leaves out the items whose values cannot be read
"""Shaped like redfish's RmcApp.get_selection(): most instances lack the property."""
import logging

LOGGER = logging.getLogger(__name__)


def select(instances, sel, val):
    found = []
    for instance in instances:
        props = instance.resp.dict
        try:
            if val.endswith("*"):
                if val[:-1] not in str(props[sel]):
                    continue
            elif not str(props[sel]).startswith(val):
                continue
        except Exception:
            continue
        found.append(instance)
    return found
