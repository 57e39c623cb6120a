# case: unsafe
import logging

import plugins

LOG = logging.getLogger(__name__)

try:
    plugins.load_all()
except Exception:
    pass
