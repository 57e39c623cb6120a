# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like setuptools' bdist_rpm: getoutput() of a literal command."""
import subprocess


def install_post_hook():
    return subprocess.getoutput('rpm --eval %{__os_install_post}')
