# case: option pairs=scratch.ensure_dir -> scratch.remove_dir (new)
# case: refuses ensure_dir() is exists-ok, so cleanup on failure (scratch.remove_dir(path)) could delete a resource that existed before the call
import scratch


def prepare(root):
    path = scratch.ensure_dir(root, 'cache')
    populate(path)
    scratch.remove_dir(path)
