# case: unsafe
# case: refuses shutil.move() removes tmp only when every step before it succeeds
"""A directory built in a temporary place, then moved where it belongs: a release after
the move would find nothing."""
import shutil
import tempfile


def build(render, destination):
    tmp = tempfile.mkdtemp()
    render(tmp)
    shutil.move(tmp, destination)
