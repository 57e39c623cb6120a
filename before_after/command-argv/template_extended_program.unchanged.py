# case: unsafe
# case: refuses the program name itself is interpolated
"""Shaped like Kallithea 0.7.0's git changeset archive, whose git program is configured:
the appended option is plain, the program is what stops the rewrite."""
import subprocess


def archive(git, rev, verbose):
    cmd = '%s archive %s' % (git, rev)
    if verbose:
        cmd += ' -v'
    return subprocess.Popen(cmd, shell=True)
