# case: unsafe
import tarfile


def unpack(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter='data')


def unpack_one(archive, name, destination):
    tar = tarfile.open(archive, 'r:gz')
    try:
        tar.extract(name, destination, filter='data')
    finally:
        tar.close()


def unpack_inline(archive, destination):
    tarfile.open(archive).extractall(path=destination, filter='data')
