# case: ignores the pair is kept whole: which element is released is not a name cwemod follows
import os
import tempfile


def scratch_file(text):
    pair = tempfile.mkstemp()
    os.write(pair[0], text)
    os.close(pair[0])
    return pair[1]
