# case: refuses expand the wildcards of the list with glob.glob(): no shell will
"""Shaped like cobbler's migrate-data-v2-to-v3.py: dropping shell=True alone would hand
cp the literal `*`."""
import os
import subprocess


def copy_paths(path_rename):
    for old_path, new_path in path_rename:
        if os.path.isdir(old_path):
            subprocess.run(["cp", "-al", "%s/*" % old_path, "%s/" % new_path], shell=True)
