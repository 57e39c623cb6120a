from pkg import _log

_logger = _log.setup_logging('pkg')


def g3():
    _logger.debug('x')
