# case: refuses sys.stdout is redirected for the rest of the process
"""Shaped like jedi's compiled subprocess: stdout muted, its pipe kept for the parent's IPC."""
import os
import sys


class Listener:
    def listen(self):
        stdout = sys.stdout
        sys.stdout = open(os.devnull, 'w')
        while True:
            payload = self.read(stdout)
            self.answer(stdout, payload)
