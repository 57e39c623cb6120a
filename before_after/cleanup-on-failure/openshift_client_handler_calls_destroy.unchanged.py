# case: refuses already releases it (try at the next statement)
"""Shaped like openshift-client's TempFile.__enter__(): the handler calls the class's own
destroy(), which closes the file (and which __exit__() calls too)."""
import tempfile


class TempFile(object):
    def __init__(self, content=None):
        self.file = None
        self.content = content

    def __enter__(self):
        self.file = tempfile.TemporaryFile(prefix="openshift-client-python")
        try:
            self.file.write(self.content.encode("utf-8"))
            self.file.seek(0)
        except Exception:
            self.destroy()
            raise
        return self

    def destroy(self):
        if self.file is not None:
            try:
                self.file.close()
            except Exception:
                pass
        self.file = None

    def __exit__(self, type, value, traceback):
        self.destroy()
