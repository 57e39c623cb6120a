# case: refuses `srcfd` from open() is followed by `dstfd`, released beside it
"""Shaped like limnoria's utils.file.copy(): the second file comes from a helper of the
project that returns open(...), and is closed beside the first."""
import shutil


def open_mkdir(filename, mode='wb'):
    return open(filename, mode)


def copy(src, dst):
    srcfd = open(src)
    dstfd = open_mkdir(dst, 'wb')
    shutil.copyfileobj(srcfd, dstfd)
    srcfd.close()
    dstfd.close()
