# case: unsafe
# case: oldest-python 3.8
# case: ignores the else runs only on Pythons before 3.6, beside a branch that marks the digest
"""Shaped like jenkins-job-builder's jenkins_jobs/xml_config.py: hashlib.new() marks the
MD5 on 3.6 and later, and the else is for the Pythons before (none the project runs on)."""

import hashlib
import sys


class XmlJob(object):
    def md5(self):
        if sys.version_info[:2] >= (3, 6):
            # allows md5 use on fips-enabled systems
            hash_func = hashlib.new("md5", usedforsecurity=False)
            hash_func.update(self.output())
            return hash_func.hexdigest()
        else:
            return hashlib.md5(self.output()).hexdigest()
