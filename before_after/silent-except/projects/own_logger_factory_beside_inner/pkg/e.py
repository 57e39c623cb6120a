import logging


def show(rc):
    rc_logger = logging.getLogger('pkg.output.show-rc')
    rc_logger.info('rc %d', rc)
