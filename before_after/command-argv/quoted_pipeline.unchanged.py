# case: ignores every value goes through shlex.quote(), so nothing can be injected (said where a report asks)
"""Shaped like rpmlint's Pkg._extract_rpm(): a pipeline whose one value is quoted."""
import subprocess
from shlex import quote


def extract(filename, env):
    command_str = f'rpm2cpio {quote(str(filename))} | cpio -id && chmod -R +rX .'
    subprocess.check_output(command_str, shell=True, env=env)
