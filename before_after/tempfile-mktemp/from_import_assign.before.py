# case: unsafe
import os
from tempfile import mktemp


class Spool:
    def start(self):
        self.path = mktemp()
        self.handle = open(self.path, "wb")
