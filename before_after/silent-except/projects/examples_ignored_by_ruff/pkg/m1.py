from pkg import _log

_logger = _log.setup_logging('pkg')


def g1():
    _logger.debug('x')
