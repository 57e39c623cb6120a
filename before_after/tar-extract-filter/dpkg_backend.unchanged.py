# case: unsafe
# case: refuses `dpkg` in the module's path says it unpacks system packages or trees
"""Shaped like avocado's dpkg backend: a .deb's data tarball holds the absolute links
between top-level directories that Debian policy asks for."""
import io
import tarfile


def extract_from_package(member_data, dest):
    with tarfile.open(fileobj=io.BytesIO(member_data)) as tarball:
        tarball.extractall(dest)
    return dest
