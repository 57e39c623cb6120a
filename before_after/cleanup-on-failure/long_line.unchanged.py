# case: refuses would push a line past 79 columns
import tempfile


def unpack(archive):
    path = tempfile.mkdtemp()
    archive.extractall(path, members=select_members(archive, 'x' * 10, True))
    return path
