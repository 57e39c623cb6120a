# case: unsafe
# case: refuses when __init__() fails after self._tmpfile is made, the caller gets no object to release it with
"""Shaped like glance-store's BufferedReader (glance_store/_drivers/swift/buffered.py):
__exit__() closes the temporary file through its own __exit__(), and a with block gets
the object; when _buffer() fails in __init__(), no object reaches the with, so __exit__()
never runs."""
import tempfile


class BufferedReader:
    def __init__(self, fd, total, buffer_dir):
        self.fd = fd
        self.total = total
        self._tmpfile = tempfile.TemporaryFile(dir=buffer_dir)
        self._buffer()
        self._tmpfile.seek(0)

    def _buffer(self):
        self._tmpfile.write(self.fd.read(self.total))

    def __enter__(self):
        self._tmpfile.__enter__()
        return self

    def __exit__(self, type, value, traceback):
        # close and delete the temporary file used to buffer data
        self._tmpfile.__exit__(type, value, traceback)
