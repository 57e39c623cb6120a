# case: refuses names the shared directory /var/tmp itself, no file in it
"""Literals that name no fixed file in a shared directory: a path below another one
(koji, kiwi's RPM spec), a glob pattern (insights-core's specs), a listing (avocado's
setup.py clean), the temporary directory chosen for tempfile (avocado), a tempfile
prefix (insights-core's support archive), and a bare directory, which gets advice."""
import os
import tempfile
from pathlib import Path


def work_file(topdir, name):
    return topdir + '/tmp/' + name


def spec_link(image_name):
    return '%{buildroot}' + f'/var/tmp/{image_name}'


def uploads(glob_file):
    return glob_file(r"/var/tmp/insights-runtimes/uploads/*.json")


def stale():
    return list(Path("/tmp/").glob(".avocado-*"))


def use_var_tmp():
    os.environ["TMP"] = "/var/tmp"


def archive_dir():
    return tempfile.mkdtemp(prefix='/var/tmp/')


def free_space():
    tmp_dir = '/var/tmp'
    return os.statvfs(tmp_dir).f_bavail


# rpmlint's FilesCheck: the standard directories a package must not own
STANDARD_DIRS = (
    '/',
    '/etc',
    '/tmp',
    '/usr',
    '/var/tmp',
)
