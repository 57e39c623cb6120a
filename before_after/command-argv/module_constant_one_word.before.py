"""Shaped like gpustat's setup.py: module constants bound only to one-word
literals are one word each, the str passed as it is, the number by str()."""
import os

REMOTE = 'origin'
DEPTH = 1


def fetch(ref):
    os.system("git fetch --depth %s %s '%s'" % (DEPTH, REMOTE, ref))
