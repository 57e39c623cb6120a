# case: unsafe
# case: ignores the directory alone, a name that may be bound elsewhere, and a path only compared name no file
"""tempfile.gettempdir() alone, or joined where no fixed name is made."""
import os
import tempfile

tempdir = tempfile.gettempdir()


def under_the_temporary_directory(path):
    return path.startswith(os.path.join(tempfile.gettempdir(), ""))


def scratch(name):
    directory = tempfile.gettempdir()
    if name:
        directory = os.getcwd()
    return os.path.join(directory, name)


def default_directory():
    return os.path.join(tempfile.gettempdir())


def was_written_there(path):
    expected = os.path.join(tempfile.gettempdir(), "out.log")
    if path != expected:
        raise ValueError("expected %s" % expected)
