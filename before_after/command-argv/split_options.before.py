# case: unsafe
import subprocess
import tempfile

from oslo_utils import units


def create_image(fmt, size_mb, backing_file=None):
    opt = ''
    if backing_file is not None:
        opt += '-b %s -F raw' % backing_file
    path = tempfile.mktemp(suffix='.img')
    subprocess.check_output(
        'qemu-img create -f "%s" %s "%s" %d' % (fmt, opt, path, size_mb * units.Ki),
        shell=True)
    return path
