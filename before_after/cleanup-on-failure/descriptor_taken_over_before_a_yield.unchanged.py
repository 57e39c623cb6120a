# case: ignores the descriptor is taken over by os.fdopen() at once (noted where a report asks)
"""semgrep's rules_temp_file(): the descriptor goes to os.fdopen() in a with, then the path
is yielded; the finally that removes the path is the context manager's own."""
import os
from contextlib import contextmanager
from tempfile import mkstemp


@contextmanager
def rules_temp_file(contents, suffix):
    tmp_fd, path = mkstemp(suffix=suffix)
    try:
        with os.fdopen(tmp_fd, "w", encoding="utf-8") as fp:
            fp.write(contents)
        yield path
    finally:
        os.remove(path)
