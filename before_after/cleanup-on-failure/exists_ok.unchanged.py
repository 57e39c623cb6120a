# case: option pairs=scratch.ensure_dir -> scratch.remove_dir (new)
# case: unsafe
# case: refuses ensure_dir() is exists-ok: it may find path already there, so scratch.remove_dir(path) on failure could delete what this call did not create
import scratch


def prepare(root):
    path = scratch.ensure_dir(root, 'cache')
    populate(path)
    scratch.remove_dir(path)
