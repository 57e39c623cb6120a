import os
import tempfile


def editor_tempfile(text):
    # prompt_toolkit's Buffer._editor_simple_tempfile(): the path is the caller's,
    # the descriptor is released here, and a failed write leaked it.
    descriptor, filename = tempfile.mkstemp(".txt")
    try:
        os.write(descriptor, text.encode("utf-8"))
    finally:
        os.close(descriptor)
    return filename
