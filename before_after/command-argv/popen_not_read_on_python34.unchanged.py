# case: unsafe
# case: oldest-python 3.4
# case: refuses use subprocess.check_call([...]), which waits
"""Shaped like flask-appbuilder's babel commands on a project that supports Python 3.4,
which has no subprocess.run()."""
import os


def extract(config, output, target):
    os.popen("pybabel extract -F %s -k lazy_gettext -o %s %s" % (config, output, target))
