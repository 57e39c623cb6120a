# case: unsafe
import tempfile


def scratch():
    fd, path = tempfile.mkstemp(suffix=".img")
    workdir = tempfile.mkdtemp(prefix="agent-")
    with tempfile.NamedTemporaryFile() as handle:
        handle.write(b"x")
    return fd, path, workdir
