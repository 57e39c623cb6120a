# case: refuses the template repeats, skips or reorders values
import subprocess


def copy(make_source, make_target):
    subprocess.call("cp '{1}' '{0}'".format(make_target(), make_source()), shell=True)
    subprocess.call("touch '{0}' '{0}.bak'".format(make_target()), shell=True)
