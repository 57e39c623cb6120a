"""Shaped like neutron's wsgi_utils.py: API workers meet at a file named for their parent
process, created with O_CREAT | O_EXCL; the first to create it records the start time."""
# case: refuses created exclusively (O_EXCL), so no link is followed, but another user can create it first and the service take it for its own
import os
import tempfile


def create_file_if_not_exists(file_name, content):
    ppid = os.getppid()
    _path = os.path.join(tempfile.gettempdir(), file_name + str(ppid))
    try:
        fd = os.open(_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        os.write(fd, content.encode())
        os.close(fd)
        return True, _path
    except FileExistsError:
        return False, _path
