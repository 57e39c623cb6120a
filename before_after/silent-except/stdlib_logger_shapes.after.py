# case: unsafe
import logging

logger = logging.getLogger(__name__)


def flush_quietly(handle):
    try:
        handle.flush()
    except Exception as error:
        logger.debug("Ignoring exception in flush_quietly()", exc_info=True)


def ping(workers):
    for worker in workers:
        try:
            worker.ping()
        except BaseException:
            logger.debug("Ignoring exception in ping(); continuing",
                         exc_info=True)
            continue


def parse_or_none(text, parse):
    try:
        return parse(text)
    except (ValueError, Exception):
        logger.debug("Ignoring exception in parse_or_none()", exc_info=True)
    return None
