"""Shaped like wapiti3 3.2.3: its modules import loguru's logger, set up in
wapitiCore/main/log.py, under the name logging."""
# case: refuses the module imports logging from wapitiCore.main.log, not the logging module
from wapitiCore.main.log import logging


def refresh(cache):
    try:
        cache.refresh()
    except Exception:
        pass
