# case: refuses the `except ValueError` around it decides what happens where FIPS mode refuses MD5
import errno
import hashlib


def integrity_iter(iter, checksum):
    try:
        md5sum = hashlib.new('md5')
    except ValueError:
        raise IOError(errno.EPIPE, 'md5 algorithm is not available on the client')
    for chunk in iter:
        yield chunk
        md5sum.update(chunk)
    if md5sum.hexdigest() != checksum:
        raise IOError(errno.EPIPE, 'Corrupt image download')
