# case: ignores a constant command whose glob expands to names under dist/, none an option (noted where a report asks)
"""Shaped like delegator.py's setup.py upload command."""
import os


def upload():
    os.system('twine upload dist/*')
