# case: unsafe
# case: refuses shell syntax outside quotes: a pipe
"""Shaped like Kallithea 0.7.0's kallithea/lib/vcs/backends/git/changeset.py: the archive
command gets a compressing pipe appended for some kinds."""
import subprocess


def archive(prefix, rev, kind):
    cmd = 'git archive --prefix=%s/ %s' % (prefix, rev)
    if kind == 'tgz':
        cmd += ' | gzip -9'
    elif kind == 'tbz2':
        cmd += ' | bzip2 -9'
    return subprocess.Popen(cmd, shell=True)


def archive_gz(prefix, rev):
    cmd = 'git archive --prefix=%s/ %s' % (prefix, rev)
    cmd += ' | gzip -9'
    return subprocess.Popen(cmd, shell=True)
