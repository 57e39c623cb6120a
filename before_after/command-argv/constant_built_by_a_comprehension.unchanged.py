# case: unsafe
# case: oldest-python 2.7
# case: ignores a command built only of literals, through a comprehension and join(): nothing can be injected (noted where a report asks)
"""Shaped like atomic-reactor's koji plugins: an rpm query format joined from a list of
literal tags, run by getstatusoutput(), or by Popen() on Python 2."""
import subprocess


def get_rpms():
    tags = [
        'NAME',
        'VERSION',
        'SIGPGP:pgpsig',
    ]

    sep = ';'
    fmt = sep.join(["%%{%s}" % tag for tag in tags])
    cmd = "/bin/rpm -qa --qf '{0}\n'".format(fmt)
    try:
        # py3
        (status, output) = subprocess.getstatusoutput(cmd)
    except AttributeError:
        # py2
        p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)
        (output, _) = p.communicate()
        status = p.wait()
    return status, output
