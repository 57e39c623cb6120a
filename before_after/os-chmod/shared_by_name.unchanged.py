# case: refuses docstring says what it makes is public or shared, so mode 0o777 is meant
"""Shaped like toil's make_public_dir(), named for what it makes, with no docstring."""
import os


def create_shared_dir(path):
    os.mkdir(path)
    os.chmod(path, 0o777)
    return path
