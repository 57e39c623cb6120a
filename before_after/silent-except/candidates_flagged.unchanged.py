# case: refuses tries candidates in turn in a loop: a failure only means the next one is tried
"""Shaped like beaker's verify_options(): each allowed type is tried in turn."""
import logging

log = logging.getLogger(__name__)


def verify_option(opt, types, error):
    coerced = False
    for typ in types:
        try:
            opt = typ(opt)
            coerced = True
        except Exception:
            pass
        if coerced:
            break
    if not coerced:
        raise ValueError(error)
    return opt
