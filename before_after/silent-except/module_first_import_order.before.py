# case: unsafe
# case: project rally_ruff_isort rally/common/db/api.py
"""Shaped like rally 5.1.1's rally/common/db/api.py: its ruff sorts a group's imports by
module first (force-sort-within-sections) and wants two blank lines after them; the new
import went first in the group (hacking's order, ruff's I001) and the logger one blank
line after the imports."""

import tempfile

from rally import consts
from rally.common import cfg


CONF = cfg.CONF

_FACADE = None


def engine_reset():
    global _FACADE
    if _FACADE:
        try:
            engine = _FACADE.get_engine()
            engine.dispose()
        except Exception:
            pass
    _FACADE = None
    return consts.RUNNING, tempfile.gettempdir()
