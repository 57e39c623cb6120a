import logging


def setup_logging(name):
    return logging.getLogger(name)
