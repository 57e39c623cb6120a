# case: unsafe
# case: refuses a fixed name in a directory every user can write
"""frappe-bench's setup_fonts(), run as root: os.path.join("/tmp", "fonts") is the fixed
path /tmp/fonts, which another user can create first; so is Path("/tmp") / "fonts"."""
import os
import subprocess
from pathlib import Path


def setup_fonts():
    fonts_path = os.path.join("/tmp", "fonts")
    subprocess.check_call(["git", "clone", "https://example.org/fonts.git", fonts_path])
    os.rename(os.path.join(fonts_path, "etc_fonts"), "/etc/fonts")


def cache_file():
    return Path("/tmp") / "cache.json"
