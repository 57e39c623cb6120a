# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like Bandit's try_except_pass sample: the name is only bound again after the try."""
import logging

LOG = logging.getLogger(__name__)

try:
    level = int(LEVEL_TEXT)
except Exception:
    pass

level = 1
