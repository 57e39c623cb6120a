# case: unsafe
# case: refuses a type test: int(arg) is evaluated only to see whether it raises
"""Shaped like shuup's importer RelatedMapper: a lookup value is also tried as a primary key,
but only where it reads as a number; every non-numeric cell of an import would log."""
import logging

LOG = logging.getLogger(__name__)


def lookup_filters(arg, fields):
    qs = []
    for name in fields:
        qs.append((name, arg))
    try:
        int(arg)
        qs.append(("pk", arg))
    except:
        pass
    return qs
