import tempfile


def make_workspace(files):
    path = tempfile.mkdtemp()
    for name, text in files.items():
        write(path, name, text)
    return path
