from .logger import create_logger

logger = create_logger()


def work():
    logger.debug('working')
