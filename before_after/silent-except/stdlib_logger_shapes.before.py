import logging

logger = logging.getLogger(__name__)


def close_quietly(handle):
    try:
        handle.close()
    except Exception as error:
        pass


def shutdown(workers):
    for worker in workers:
        try:
            worker.stop()
        except BaseException:
            continue


def parse_or_none(text, parse):
    try:
        return parse(text)
    except (ValueError, Exception):
        pass
    return None
