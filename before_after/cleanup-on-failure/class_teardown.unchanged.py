# case: refuses is released by another method of the class
import shutil
import tempfile


class KeepalivedCheck:

    def start(self):
        self.config_path = tempfile.mkdtemp()
        self.manager = make_manager(conf_path=self.config_path)
        self.manager.spawn()

    def __exit__(self, *exc):
        shutil.rmtree(self.config_path, ignore_errors=True)
