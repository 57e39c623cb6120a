# case: refuses the class's __del__() releases it
"""Shaped like nrfutil's Dfu: the temporary folder is removed by __del__(), which runs on
the half-made object when __init__() fails after making it."""
import shutil
import tempfile


class Dfu:
    def __init__(self, package, transport):
        self.temp_dir = tempfile.mkdtemp(prefix="nrf_dfu_")
        self.manifest = package.unpack(self.temp_dir)
        self.transport = transport

    def __del__(self):
        shutil.rmtree(self.temp_dir)
