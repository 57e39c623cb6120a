# case: refuses already releases it (try after steps that cannot fail)
"""Shaped like barman's copy_controller.py: a pool name set to None before the try."""
import shutil
import tempfile


class Copier:
    def copy(self):
        self.temp_dir = tempfile.mkdtemp(suffix="backup")
        pool = None
        try:
            pool = self.run()
            self.transfer(pool)
        finally:
            if pool:
                pool.close()
            shutil.rmtree(self.temp_dir)
            self.temp_dir = None
