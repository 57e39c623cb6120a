# case: refuses the argument list cannot be wrapped to fit in 79 columns
import subprocess


def fetch(name):
    subprocess.check_call("curl -fsS 'https://mirror.example.org/releases/current/images/x86_64/cloud/%s.qcow2'" % name, shell=True)
