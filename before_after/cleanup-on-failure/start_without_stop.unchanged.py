# case: refuses which does not run when start() itself fails after it (the object never started)
"""Shaped like click's _FDCapture: stop() releases what start() made, after a good start."""
import os
import tempfile


class FDCapture:
    def __init__(self, targetfd):
        self._targetfd = targetfd

    def start(self):
        self._tmpfile = tempfile.TemporaryFile(buffering=0)
        os.dup2(self._tmpfile.fileno(), self._targetfd)

    def stop(self):
        self._tmpfile.close()
