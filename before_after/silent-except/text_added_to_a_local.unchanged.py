# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like discord.py's setup.py: a pre-release version gains git's revision when
git can tell it."""
import logging
import subprocess

LOG = logging.getLogger(__name__)


def derive_version(version):
    try:
        process = subprocess.Popen(["git", "rev-parse", "--short", "HEAD"],
                                   stdout=subprocess.PIPE)
        out, err = process.communicate()
        if out:
            version += "+g" + out.decode("utf-8").strip()
    except Exception:
        pass
    return version
