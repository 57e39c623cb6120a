# case: refuses shell=True with cmd.split(), a list, is a separate bug
"""Shaped like pypiper's NGSTk.merge_or_link(): only `cat` runs, reading stdin."""
import subprocess


def merge(inputs, output):
    cmd = "cat {} > {}".format(" ".join(inputs), output)
    subprocess.check_call(cmd.split(), shell=True)
