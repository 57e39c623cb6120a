# case: unsafe
# case: refuses a ; command separator
# case: refuses the template is held in a variable (line 17) and formatted at the call
"""Shaped like xonsh's tools.py: a template in a local, formatted where it runs."""
import shlex
import subprocess


def command_not_found(cnf, cmd):
    c = "{0} {1}; exit 0"
    return subprocess.check_output(
        c.format(cnf, shlex.quote(cmd)), text=True, stderr=subprocess.STDOUT, shell=True
    )


def package_of(path):
    query = "rpm -qf %s"
    return subprocess.check_output(query % path, shell=True, text=True)
