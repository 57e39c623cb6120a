# case: unsafe
import shlex
import subprocess
import tempfile

from oslo_utils import units


def create_image(fmt, size_mb, backing_file=None):
    opt = ''
    if backing_file is not None:
        opt += '-b %s -F raw' % backing_file
    path = tempfile.mktemp(suffix='.img')
    subprocess.check_output(
        ['qemu-img', 'create', '-f', str(fmt), *shlex.split(opt), str(path),
         '%d' % (size_mb * units.Ki,)])
    return path
