# case: unsafe
import tempfile


def scratch():
    fd, path = tempfile.mkstemp(suffix=".img", dir="/tmp")
    workdir = tempfile.mkdtemp(dir="/tmp", prefix="agent-")
    with tempfile.NamedTemporaryFile(dir="/tmp") as handle:
        handle.write(b"x")
    return fd, path, workdir
