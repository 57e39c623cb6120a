# case: refuses the command string 'cmd' cannot be traced to one template in this function: every call in this module passes a constant; check callers elsewhere
"""Shaped like shuup 1.6.0's shuup_setup_utils/nodejs_verify.py: a public helper whose every
call in the module passes a literal, though another module may import it."""
import subprocess
import sys


def snarf(cmd):
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = proc.communicate()
    if proc.returncode:
        return ""
    return stdout.strip().decode("UTF-8", "ignore")


def verify_nodejs():
    node_version = snarf("node --version")
    if not node_version:
        nodejs_version = snarf("nodejs --version")
        if not nodejs_version:
            sys.exit(5)
    npm_version = snarf(cmd="npm --version")
    if not npm_version:
        sys.exit(6)
