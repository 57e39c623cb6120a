# case: unsafe
"""A driver whose class keeps the logger it is given (sushy-tools')."""


class Driver:
    @classmethod
    def initialize(cls, config, logger):
        cls._config = config
        cls._logger = logger
        return cls

    def delete(self, image):
        try:
            self._logger.debug('Deleting image %s', image)
            self._config.delete(image)
        except Exception:
            self._logger.debug('Ignoring exception in Driver.delete()',
                               exc_info=True)
