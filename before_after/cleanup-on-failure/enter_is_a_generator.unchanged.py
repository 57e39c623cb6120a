# case: refuses __enter__() is a generator: its body runs only when the with block iterates it
"""nagiosplugin's LogTail: __enter__() yields the new lines, so `with tail as lines`
gets a generator whose body (open, then the cookie's steps) runs inside the block,
where __exit__() closes the log file when a step fails."""
import os


class LogTail:
    def __init__(self, path, cookie):
        self.path = os.path.abspath(path)
        self.cookie = cookie
        self.logfile = None

    def __enter__(self):
        self.logfile = open(self.path, "rb")
        self.cookie.open()
        self.logfile.seek(self.cookie.get(self.path, 0))
        line = self.logfile.readline()
        while len(line):
            yield line
            line = self.logfile.readline()

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.cookie.close()
        self.logfile.close()
