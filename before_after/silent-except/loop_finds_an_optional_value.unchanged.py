# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like py-cpuinfo's /proc/cpuinfo reader: the L3 cache size, if a line has it."""
import logging

logger = logging.getLogger(__name__)


def cache_size(fields):
    size = fields.get("cache size", "")
    if not size:
        try:
            for index in range(10):
                value = fields.get("cache{0}".format(index))
                if value:
                    value = dict(entry.split("=") for entry in value.split(" "))
                    if value.get("level") == "3" and "size" in value:
                        size = value["size"]
                        break
        except Exception:
            pass
    return size
