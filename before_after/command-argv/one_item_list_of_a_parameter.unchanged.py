# case: refuses the list's one item, cmd, is the whole shell line
# case: refuses cannot be traced to one template in this function: check what its callers pass
import subprocess


def shell(cmd, check=True, **kwargs):
    # cibuildwheel's maintainer scripts: callers pass their own shell lines
    return subprocess.run([cmd], shell=True, check=check, **kwargs)


def clean_tree():
    shell("git diff-index --quiet HEAD --", check=False)
