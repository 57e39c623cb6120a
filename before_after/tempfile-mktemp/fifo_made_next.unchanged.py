# case: refuses the next statement creates the name with os.mkfifo()
"""Shaped like qutebrowser's userscript runner: a FIFO in the runtime directory."""
import os
import tempfile


class Runner:
    def prepare(self, runtime_dir):
        self._filepath = tempfile.mktemp(prefix="userscript-", dir=runtime_dir)
        os.mkfifo(self._filepath, mode=0o600)
        return self._filepath
