"""Shaped like atomic-reactor's post_push_to_pulp: cmd is made again in the except block,
each call runs the template made just before it, and both are pipelines."""
# case: unsafe
# case: refuses shell syntax outside quotes: a pipe
import subprocess


def upload(unpacker, filename, outfile):
    try:
        cmd = "set -o pipefail; {0} {1} | gzip - > {2}".format(unpacker, filename, outfile)
        subprocess.check_call(cmd, shell=True)
    except subprocess.CalledProcessError:
        cmd = "cat {0} | gzip - > {1}".format(filename, outfile)
        subprocess.check_call(cmd, shell=True)
