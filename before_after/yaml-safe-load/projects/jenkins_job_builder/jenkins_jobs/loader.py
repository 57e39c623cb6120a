"""Shaped like jenkins-job-builder 6.5.0's jenkins_jobs/loader.py: a subclass of the
project's LocLoader that reads each job file with get_single_data(), not yaml.load()."""
import io

from .loc_loader import LocLoader


class Loader(LocLoader):
    @classmethod
    def empty(cls, jjb_config):
        return cls(io.StringIO(), jjb_config)

    def __init__(self, stream, jjb_config, source_path=None):
        super().__init__(stream, source_path)
        self.jjb_config = jjb_config

    def _with_stream(self, stream, source_path):
        return Loader(stream, self.jjb_config, source_path)

    def load_path(self, path):
        return self.load(path.read_text(), source_path=path)

    def load(self, stream, source_path=None):
        loader = self._with_stream(stream, source_path)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
