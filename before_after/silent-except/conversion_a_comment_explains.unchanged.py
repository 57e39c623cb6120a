# case: unsafe
# case: refuses a comment in the try explains the conversion of value
"""Shaped like shuup's product importer: a cell's value becomes an int where it can (xlrd
reads 1 as 1.0), and the lookup right after takes either form through str()."""
import logging

LOG = logging.getLogger(__name__)


def related_value(value, fk_cache):
    if not value:
        return value
    try:
        value = int(value)  # this is because xlrd causes 1 to be 1.0
    except:
        pass
    value = fk_cache.get(str(value))
    return value
