import tempfile


def make_workspace(files):
    # A comment that was already longer than the project's line length, and that the fix does not move.
    path = tempfile.mkdtemp()
    for name, text in files.items():
        write(path, name, text)
    return path
