# case: unsafe
import logging

logger = logging.getLogger(__name__)


def flush_quietly(handle):
    try:
        handle.flush()
    except Exception as error:
        pass


def ping(workers):
    for worker in workers:
        try:
            worker.ping()
        except BaseException:
            continue


def parse_or_none(text, parse):
    try:
        return parse(text)
    except (ValueError, Exception):
        pass
    return None
