# case: unsafe
"""Shaped like impacket's example scripts: they log with the root logger's functions."""
import logging

from impacket.examples import logger


def lookup(connection, sid):
    logger.init()
    logging.info('Looking up %s', sid)
    try:
        connection.lookup(sid)
    except Exception:
        logging.debug('Ignoring exception in lookup()', exc_info=True)
