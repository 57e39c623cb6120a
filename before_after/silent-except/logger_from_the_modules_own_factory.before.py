# case: unsafe
"""Shaped like impyla's impala/util.py: the module's logger comes from a function of its own
that returns logging.getLogger(name), a NullHandler added."""
import datetime
import logging


def get_logger_and_init_null(logger_name):
    logger = logging.getLogger(logger_name)
    logger.addHandler(logging.NullHandler())
    return logger


log = get_logger_and_init_null(__name__)


def get_cookie_expiry(c):
    if 'max-age' in c and c['max-age']:
        try:
            max_age_sec = int(c['max-age'])
            return datetime.datetime.now() + datetime.timedelta(seconds=max_age_sec)
        except:
            pass
    return None
