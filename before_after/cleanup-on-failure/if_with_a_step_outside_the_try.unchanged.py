# case: refuses which does not run when __enter__() itself fails after it
"""A step under the if, before its try, can fail with the file open: not already fixed."""
import tempfile


class TempFile(object):
    def __enter__(self):
        self.file = tempfile.TemporaryFile()
        if self.content:
            self.file.write(self.header)
            try:
                self.file.write(self.content)
            except Exception:
                self.file.close()
                raise
        return self

    def __exit__(self, *exc):
        self.file.close()
