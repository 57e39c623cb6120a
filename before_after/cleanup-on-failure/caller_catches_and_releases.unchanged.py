# case: refuses a failure after self.fd is made is caught where emit() calls _configure()
"""Shaped like kivy's logger FileHandler, the handle kept on the object: emit() calls
_configure() in a try whose handler closes what it opened."""
import logging

LOG = logging.getLogger(__name__)


class FileHandler(logging.Handler):
    fd = None

    def _configure(self):
        if self.fd not in (None, False):
            self.fd.close()
        self.fd = open('kivy.log', 'w', encoding='utf-8')
        self.fd.write('Logger: Record log in kivy.log\n')

    def emit(self, record):
        if self.fd is None:
            try:
                self._configure()
            except Exception:
                if self.fd not in (None, False):
                    self.fd.close()
                self.fd = False
                return
        self.fd.write(self.format(record))
