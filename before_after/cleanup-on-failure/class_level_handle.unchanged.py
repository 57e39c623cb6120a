# case: refuses FileHandler.fd is stored on the class
"""Shaped like kivy's logger FileHandler: one log file for the process, kept on the class."""
import logging

LOG = logging.getLogger(__name__)


class FileHandler(logging.Handler):
    fd = None

    def _configure(self):
        if FileHandler.fd not in (None, False):
            FileHandler.fd.close()
        FileHandler.fd = open('kivy.log', 'w', encoding='utf-8')
        FileHandler.fd.write('Logger: Record log in kivy.log\n')

    def emit(self, record):
        if FileHandler.fd is None:
            try:
                self._configure()
            except Exception:
                if FileHandler.fd not in (None, False):
                    FileHandler.fd.close()
                FileHandler.fd = False
                return
        FileHandler.fd.write(self.format(record))
