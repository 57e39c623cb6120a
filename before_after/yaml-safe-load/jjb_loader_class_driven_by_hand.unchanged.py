# case: project jenkins_job_builder jenkins_jobs/loc_loader.py
# case: refuses LocLoader is based on yaml.Loader
# case: refuses base it on yaml.SafeLoader
# case: refuses jenkins_jobs/loader.py:26
"""Shaped like jenkins-job-builder 6.5.0's jenkins_jobs/loc_loader.py: a loader class on
PyYAML's unsafe Loader, which loader.py subclasses and drives with get_single_data()
(no yaml.load anywhere), so a job file's !!python/object/apply tag runs code."""
from collections import UserDict

import yaml


class LocDict(UserDict):
    def __init__(self, value=None, pos=None):
        super().__init__(value or {})
        self.pos = pos


class LocLoader(yaml.Loader):
    """Load YAML and store source position information"""

    def __init__(self, stream, file_path, line_ofs=0, column_ofs=0):
        super().__init__(stream)
        if file_path:
            self.name = file_path
        self._line_ofs = line_ofs
        self._column_ofs = column_ofs

    def construct_yaml_map(self, node):
        data = LocDict(pos=node.start_mark)
        yield data
        value = self.construct_mapping(node)
        data.update(value)


LocLoader.add_constructor("tag:yaml.org,2002:map", LocLoader.construct_yaml_map)
