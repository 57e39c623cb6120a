# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like gevent's subprocess.py: the child closes inherited descriptors before exec."""
import logging
from os import close as os_close

LOG = logging.getLogger(__name__)


def close_fds(keep, max_fd):
    for fd in range(3, max_fd):
        if fd in keep:
            continue
        try:
            os_close(fd)
        except:  # noqa: E722
            pass
