# case: ignores a configured command line whose every replaced value is quoted (noted where a report asks)
"""Shaped like dulwich's merge drivers: git's %A-style placeholders, each value quoted."""
import shlex
import subprocess


def _shell_quote(value):
    return shlex.quote(value)


class ProcessMergeDriver:
    def __init__(self, command):
        self.command = command

    def merge(self, ours_path, theirs_path, path=None):
        cmd = self.command
        cmd = cmd.replace("%A", _shell_quote(ours_path))
        cmd = cmd.replace("%B", _shell_quote(theirs_path))
        if path:
            quoted_path = _shell_quote(path)
            cmd = cmd.replace("%P", quoted_path)
        return subprocess.run(cmd, shell=True, capture_output=True).returncode
