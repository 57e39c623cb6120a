"""Shaped like gpustat's setup.py: module constants bound only to one-word
literals are one word each, the str passed as it is, the number by str()."""
import subprocess

REMOTE = 'origin'
DEPTH = 1


def fetch(ref):
    subprocess.call(["git", "fetch", "--depth", str(DEPTH), REMOTE, str(ref)])
