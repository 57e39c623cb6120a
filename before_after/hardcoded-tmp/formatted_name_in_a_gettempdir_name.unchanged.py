# case: unsafe
# case: refuses a fixed name in the shared temporary directory, which another user can create first
"""A fixed name formatted into a name bound to tempfile.gettempdir() (pyroma's
``tempdir = tempfile.gettempdir()``), in each spelling the direct call gets advice in."""
import tempfile


def percent():
    tmp = tempfile.gettempdir()
    return "%s/storage.state" % tmp


def formatted():
    tmp = tempfile.gettempdir()
    return "{}/storage.state".format(tmp)


def added():
    tmp = tempfile.gettempdir()
    return tmp + "/storage.state"


def in_an_f_string():
    tmp = tempfile.gettempdir()
    return f"{tmp}/storage.state"
