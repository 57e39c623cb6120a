# case: unsafe
# case: refuses mkdtemp would run past 79 columns or shift an aligned continuation line
import os
import tempfile


def workdir(base):
    # mkdtemp is one character longer: the arguments aligned under dir= would move.
    path = tempfile.mktemp(dir=base,
                           suffix='.d')
    os.mkdir(path)
    return path
