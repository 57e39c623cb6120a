# case: unsafe
# case: refuses the fix would shift an aligned continuation line
import tempfile


def scratch(names):
    # The bracket the next line is aligned under would move left.
    return tempfile.mkdtemp(dir="/tmp", prefix="agent-").split(names, [None,
                                                                       0])
