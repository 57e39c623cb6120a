import logging


def create_logger(name=None):
    """Lazily create a Logger."""
    class LazyLogger:
        def __init__(self, name=None):
            self.__name = name or __name__
            self.__real_logger = None

        @property
        def __logger(self):
            if self.__real_logger is None:
                self.__real_logger = logging.getLogger(self.__name)
            return self.__real_logger

        def debug(self, *args, **kw):
            return self.__logger.debug(*args, **kw)

    return LazyLogger(name)
