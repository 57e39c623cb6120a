# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like meson's packaging script: a one-item list is the whole shell command."""
import subprocess


def clean_results():
    subprocess.call(['sudo rm -rf /var/cache/pbuilder/result/*'], shell=True)
