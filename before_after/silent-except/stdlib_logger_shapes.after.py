import logging

logger = logging.getLogger(__name__)


def close_quietly(handle):
    try:
        handle.close()
    except Exception as error:
        logger.exception("Ignoring exception in close_quietly()")


def shutdown(workers):
    for worker in workers:
        try:
            worker.stop()
        except BaseException:
            logger.exception("Ignoring exception in shutdown(); continuing")
            continue


def parse_or_none(text, parse):
    try:
        return parse(text)
    except (ValueError, Exception):
        logger.exception("Ignoring exception in parse_or_none()")
    return None
