# case: refuses os.popen(cmd, 'w') runs a shell to write to
"""Shaped like avocado's Paginator: the pipe takes the output the pager shows."""
import os


class Paginator:
    def __init__(self, paginator):
        self.pipe = os.popen(paginator, "w")

    def write(self, msg):
        self.pipe.write(msg)
