# case: unsafe
import os
from tempfile import mkstemp


class Spool:
    def start(self):
        fd, self.path = mkstemp()
        self.handle = os.fdopen(fd, "wb")
