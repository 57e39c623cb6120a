# case: unsafe
# case: oldest-python 3.6
# case: refuses stdin=subprocess.PIPE, universal_newlines=True) by hand
"""Shaped like avocado's pager on a project that supports Python 3.6: Popen's text= came
with 3.7, universal_newlines= is the same switch."""
import os


def page(paginator, text):
    pipe = os.popen(paginator, "w")
    pipe.write(text)
    pipe.close()
