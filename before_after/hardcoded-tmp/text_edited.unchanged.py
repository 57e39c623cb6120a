# case: unsafe
# case: refuses /tmp is text to match or put in a string: no file is named
"""Shaped like nbgrader's clear_docs.py: macOS's /private/tmp made /tmp in notebook text."""
import re


def tidy(notebook_text):
    return re.sub(r"/private/tmp", r"/tmp", notebook_text)
