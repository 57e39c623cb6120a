# case: unsafe
# case: refuses **kwargs may already hold a filter
import tarfile


def unpack(archive, **options):
    with tarfile.open(archive) as tar:
        tar.extractall(**options)
