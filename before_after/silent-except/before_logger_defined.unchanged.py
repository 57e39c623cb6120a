# case: refuses runs at import time, before LOG is defined
import logging

try:
    import plugins
    plugins.load_all()
except Exception:
    pass

LOG = logging.getLogger(__name__)
