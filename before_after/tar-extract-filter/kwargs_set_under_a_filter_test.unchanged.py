# case: unsafe
# case: refuses the code tests whether tarfile has the data filter
"""ChatterBot's trainer: an empty dict of options, given the data filter where tarfile has it."""
import tarfile


def extract(archive, path):
    with tarfile.open(archive) as tar:
        extract_kwargs = {}
        if hasattr(tarfile, 'data_filter'):
            extract_kwargs['filter'] = 'data'
        tar.extractall(path, **extract_kwargs)
