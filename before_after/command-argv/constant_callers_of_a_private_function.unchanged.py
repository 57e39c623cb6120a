# case: ignores every call of a private function passes a literal command: nothing can be injected (noted where a report asks)
"""Shaped like shuup 1.6.0's shuup_setup_utils/nodejs_verify.py, its helper made private: no
other module calls it, and every call here passes a literal, by position or by keyword."""
import subprocess
import sys


def _snarf(cmd, check=False):
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = proc.communicate()
    if proc.returncode and check:
        sys.exit(proc.returncode)
    return stdout.strip().decode("UTF-8", "ignore")


class NodeVersions:
    def _version(self, program, cmd="node --version"):
        return subprocess.check_output(cmd, shell=True).strip()

    def versions(self):
        return [self._version("node"), self._version("npm", cmd="npm --version")]


def verify_nodejs():
    if not _snarf("node --version"):
        sys.exit(5)
    if not _snarf(cmd="npm --version", check=True):
        sys.exit(6)
