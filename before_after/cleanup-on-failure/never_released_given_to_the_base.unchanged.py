# case: unsafe
# case: ignores breezy's TransformPreview: the base class keeps the directory (self._limbodir) and finalize() removes it; with a report it says so
import tempfile


class TransformPreview(DiskTreeTransform):
    def __init__(self, tree, pb=None):
        tree.lock_read()
        limbodir = tempfile.mkdtemp(prefix="bzr-limbo-")
        DiskTreeTransform.__init__(self, tree, limbodir, pb)


class Preview(DiskTreeTransform):
    def __init__(self, tree):
        limbodir = tempfile.mkdtemp(prefix="limbo-")
        super().__init__(tree, limbodir)
