# case: refuses already releases it (each step that can fail is in a try that releases it)
"""openshift-client's TempFile.__enter__(), both at once: the try is under an if, and its
handler calls the class's destroy(), which closes the file."""
import os
import tempfile


class TempFile(object):
    def __init__(self, content=None, suffix=".tmp"):
        self.suffix = suffix
        self.file = None
        self.content = content

    def __enter__(self):
        self.file = tempfile.TemporaryFile(suffix=self.suffix, prefix="openshift-client-python")

        if self.content:
            try:
                self.file.write(self.content.encode("utf-8"))
                self.flush()
                self.file.seek(0, os.SEEK_SET)
            except Exception:
                self.destroy()
                raise

        return self

    def flush(self):
        self.file.flush()

    def destroy(self):
        if self.file is not None:
            try:
                self.file.close()
            except Exception:
                pass
        self.file = None

    def __exit__(self, type, value, traceback):
        self.destroy()
