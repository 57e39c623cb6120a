# case: unsafe
# case: ignores a MIME boundary must only not occur in the body: the token is no secret
"""Shaped like rbtools' request.py, a copy of email.generator's _make_boundary()."""
import random
import sys


def _make_mime_boundary(text):
    token = random.randrange(sys.maxsize)
    boundary = ("=" * 15) + (f"{token:019d}") + "=="
    while boundary.encode() in text:
        boundary += "="
    return boundary
