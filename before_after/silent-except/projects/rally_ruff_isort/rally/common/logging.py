import logging


def getLogger(name="unknown", version="unknown"):
    return logging.getLogger(name)
