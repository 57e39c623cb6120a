# case: refuses __version__ stood unquoted, so the shell split it into words
"""Shaped like gpustat's setup.py: the version, a module global, comes from the environment."""
import os


def read_version():
    return open('VERSION').read().strip()


if os.getenv("GPUSTAT_VERSION"):
    __version__ = os.environ["GPUSTAT_VERSION"]
else:
    __version__ = read_version()


class DeployCommand:
    def run(self):
        os.system('git tag v{0}'.format(__version__))
