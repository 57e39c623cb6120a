# case: unsafe
# case: refuses every holder must agree on the name, so put it in a directory the service owns
"""A variant of httpie's utils.open_with_lockfile() under a name that says nothing of a
lock: the file made with open(path, "x+"), a second holder refused where FileExistsError
is caught."""
import os
import tempfile


class Busy(RuntimeError):
    pass


def reserve(file_id):
    marker = os.path.join(tempfile.gettempdir(), file_id)
    try:
        stream = open(marker, "x+")
    except FileExistsError:
        raise Busy(file_id)
    return stream
