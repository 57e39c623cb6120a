# case: refuses LOG is bound to something that is not known to be a logger
from myproject.common import LOG


def refresh(cache):
    try:
        cache.refresh()
    except Exception:
        pass
