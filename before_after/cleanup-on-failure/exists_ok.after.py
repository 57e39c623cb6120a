# case: option pairs=scratch.ensure_dir -> scratch.remove_dir (new)
# case: unsafe
import scratch


def prepare(root):
    path = scratch.ensure_dir(root, 'cache')
    try:
        populate(path)
    finally:
        scratch.remove_dir(path)
