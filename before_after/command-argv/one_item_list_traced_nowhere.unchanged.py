# case: refuses self.command, is the whole shell line, as a string would be, and it cannot be traced to one template in this function: check where it is set
"""Shaped like tuir's terminal.py: the shell line is an attribute, set elsewhere."""
import subprocess


class Viewer:
    def open(self):
        return subprocess.Popen([self.command], shell=True)
