# case: refuses self._current_segment_buffer is released by another method of the class
"""Shaped like trove's StreamReader (backup/storage/swift.py): _start_new_segment() closes
the previous segment's buffer and makes the next one, so it replaces the buffer rather than
releasing it; release_buffer() is the release, and the buffer must outlive read() so that
swiftclient can seek back on a retry."""
import hashlib
import tempfile


class StreamReader(object):
    def __init__(self, stream):
        self.stream = stream
        self._current_segment_buffer = None
        self._current_segment_length = 0

    def _start_new_segment(self):
        if self._current_segment_buffer:
            self._current_segment_buffer.close()

        self._current_segment_buffer = tempfile.TemporaryFile()
        self._current_segment_checksum = hashlib.md5(usedforsecurity=False)
        self._current_segment_length = 0

    def read(self, chunk_size=2 ** 16):
        self._start_new_segment()
        chunk = self.stream.read(chunk_size)
        self._current_segment_buffer.write(chunk)
        self._current_segment_buffer.seek(0)
        return self._current_segment_buffer.read(chunk_size)

    def release_buffer(self):
        """Manually release the current segment buffer."""
        if self._current_segment_buffer:
            self._current_segment_buffer.close()
            self._current_segment_buffer = None
