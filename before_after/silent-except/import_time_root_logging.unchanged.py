# case: unsafe
# case: refuses logging.debug() there would set logging up itself
"""Shaped like printrun's printcore.py: the locale is set as it is imported, and the
module logs through the root logger's functions."""
import logging


def set_utf8_locale():
    raise OSError("no such locale")


try:
    set_utf8_locale()
except Exception:
    pass


def send(line):
    logging.info("sending %s", line)
