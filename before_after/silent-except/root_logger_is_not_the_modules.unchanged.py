# case: unsafe
# case: refuses the handler runs as the module is imported
"""Shaped like spyder's app/start.py: the root logger is only set up, at ERROR, to quiet
dependencies; a library probe at import fails on every Windows and macOS start."""
import ctypes
import logging

root_logger = logging.getLogger()
root_logger.setLevel(logging.ERROR)

try:
    ctypes.CDLL("libGL.so.1", mode=ctypes.RTLD_GLOBAL)
except Exception:
    pass
