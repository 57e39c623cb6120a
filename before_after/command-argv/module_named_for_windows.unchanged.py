# case: refuses Windows-only code: a program gets one command line there whatever its form
"""Shaped like scikit-build's platform_specifics/windows.py, imported on Windows only.

The case file's name says Windows, as the module's does.
"""
import subprocess
import sys


def get_msvc_compiler_env(vcvarsall, vc_arch):
    out = subprocess.run(
        f'cmd /u /c "{vcvarsall}" {vc_arch} && set',
        stdout=subprocess.PIPE,
        shell=sys.platform.startswith("cygwin"),
        check=True,
    ).stdout
    return out.decode("utf-16le", errors="replace")
