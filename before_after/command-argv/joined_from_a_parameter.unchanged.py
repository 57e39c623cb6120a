# case: unsafe
# case: refuses subprocess.getstatusoutput() always runs a shell and has no list form
"""A query format joined from tags the caller gives, or from a list of literal tags it
extends with one: values from outside reach the shell line."""
import subprocess


def query(tags):
    fmt = ';'.join(["%%{%s}" % tag for tag in tags])
    return subprocess.getstatusoutput("rpm -qa --qf '{0}'".format(fmt))


def query_more(extra):
    tags = ['NAME', 'VERSION']
    tags.append(extra)
    fmt = ';'.join("%%{%s}" % tag for tag in tags)
    cmd = "rpm -qa --qf '{0}'".format(fmt)
    return subprocess.getstatusoutput(cmd)
