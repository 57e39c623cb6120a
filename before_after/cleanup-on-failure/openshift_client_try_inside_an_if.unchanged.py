# case: refuses already releases it (each step that can fail is in a try that releases it)
"""Shaped like openshift-client's TempFile.__enter__(): the only steps that can fail after
the file is made are in a try, under an if, whose handler closes it before re-raising."""
import tempfile


class TempFile(object):
    def __init__(self, content=None):
        self.file = None
        self.content = content

    def __enter__(self):
        self.file = tempfile.TemporaryFile(prefix="openshift-client-python")

        if self.content:
            try:
                self.file.write(self.content.encode("utf-8"))
                self.file.seek(0)
            except Exception:
                self.file.close()
                raise

        return self

    def __exit__(self, type, value, traceback):
        self.file.close()
