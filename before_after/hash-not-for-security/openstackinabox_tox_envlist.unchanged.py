# case: unsafe
# case: project openstackinabox_tox openstackinabox/models/swift/storage.py
# case: refuses the project declares no Python version and tests on Python 3.6 (its tox.ini envlist), whose hashlib
"""Shaped like openstackinabox's models/swift/storage.py from its repository: the packaging
names no Python, but tox.ini's envlist {py3.6,py3.7,py3.8,py3.9} tests Pythons before 3.9,
where usedforsecurity= raises TypeError: the Swift ETags get advice, not the keyword."""
import hashlib

import six


class SwiftStorage(object):

    @staticmethod
    def get_etag(data):
        etag_generator = hashlib.md5()
        etag_generator.update(data)

        return etag_generator.hexdigest()

    @staticmethod
    def get_file_etag(file_name):
        etag_generator = hashlib.md5()
        with open(file_name, 'rb') as input_data:
            for chunk in input_data:
                etag_generator.update(chunk)

        return etag_generator.hexdigest()

    def __init__(self, service_id, model):
        self.__id = service_id
        self.__metadata = {
            key: value for key, value in six.iteritems(model)
        }
