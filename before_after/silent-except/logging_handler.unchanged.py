# case: refuses inside a logging class
import logging
from logging import handlers

LOG = logging.getLogger(__name__)


class SafeSysLogHandler(handlers.SysLogHandler):
    def emit(self, record):
        try:
            super().emit(record)
        except Exception:
            pass


class QuietFilter(logging.Filter):
    def filter(self, record):
        try:
            record.msg = str(record.msg)
        except BaseException:
            pass
        return True
