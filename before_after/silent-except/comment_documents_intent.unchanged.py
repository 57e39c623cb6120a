# case: refuses a comment documents that the exception is ignored on purpose
import logging

LOG = logging.getLogger(__name__)


def cleanup(namespace):
    try:
        namespace.delete()
    except Exception:
        # The namespace may already be gone; deleting is best effort.
        pass


def close(sock):
    try:
        sock.close()
    # Closing a broken socket can fail in many ways; none of them matter here.
    except Exception:
        pass


def stop(connection):
    try:
        connection.stop(timeout=10)
    except Exception:  # noqa: S110
        pass


def flush(stream):
    try:
        stream.flush()
    except Exception:
        pass  # nosec


def load_all(modules):
    for module in modules:
        try:
            __import__(module)
        except Exception:
            # Really don't care here
            pass
