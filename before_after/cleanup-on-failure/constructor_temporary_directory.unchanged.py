# case: unsafe
# case: refuses its finalizer removes it as the half-made object is dropped
"""Shaped like cx_Freeze's ModuleFinder: TemporaryDirectory cleans up after itself."""
from pathlib import Path
from tempfile import TemporaryDirectory


class ModuleFinder:
    def __init__(self, constants):
        self._tmp_dir = TemporaryDirectory(prefix="cxfreeze-")
        self.cache_path = Path(self._tmp_dir.name)
        self.constants = dict(constants)

    def cleanup(self):
        self._tmp_dir.cleanup()
