# case: refuses execute(..., shell=True) of an unknown helper: cannot tell whether it takes a list or *args
# case: refuses shell syntax outside quotes: a pipe or ||
"""Shaped like zun's docker host: the project's own execute(), in another module."""
import shlex

from zun.common import utils


def remove_dir(path):
    utils.execute('rm -rf ' + shlex.quote(path), shell=True)


def check_quota(root):
    # a pipeline: no argument list runs it, whatever execute() takes
    cmd = "mount | grep $(df " + root + " | awk 'FNR==2 {print $1}') | grep xfs"
    utils.execute(cmd, shell=True)
